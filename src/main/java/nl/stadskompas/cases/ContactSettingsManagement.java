// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact details a tenant shows residents on every progress page.
 */
@Service
public class ContactSettingsManagement {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{1,38}");

    private final ContactSettingsRepository settings;

    ContactSettingsManagement(ContactSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Optional<ContactDetails> of(UUID tenantId) {
        return settings.findById(tenantId).map(ContactSettings::details);
    }

    /** @throws ValidationProblem when the phone number or chat address is not usable */
    @Transactional
    public void save(UUID tenantId, ContactDetails details) {
        ContactDetails clean = new ContactDetails(trim(details.phone()), trim(details.phoneHoursNl()),
                trim(details.phoneHoursEn()), trim(details.chatUrl()), trim(details.deskAddress()),
                trim(details.deskHoursNl()), trim(details.deskHoursEn()));
        List<FieldProblem> problems = new ArrayList<>();
        if (clean.phone() == null || !PHONE.matcher(clean.phone()).matches()) {
            problems.add(new FieldProblem("phone", "cases.contact.phone.invalid"));
        }
        if (clean.chatUrl() != null && !clean.chatUrl().startsWith("https://")) {
            problems.add(new FieldProblem("chatUrl", "cases.contact.chatUrl.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        ContactSettings current = settings.findById(tenantId).orElse(null);
        if (current == null) {
            settings.save(ContactSettings.of(tenantId, clean));
        } else {
            current.change(clean);
            settings.save(current);
        }
    }

    private static String trim(String value) {
        return CaseTypeManagement.trim(value);
    }
}
