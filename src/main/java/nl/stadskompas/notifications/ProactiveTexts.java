// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;
import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.organisation.OrganisationRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The parts every proactive message shares: a greeting, how to reach a person, the closing with the
 * organisation's name, dates as residents read them, and full addresses of links. Texts are in the
 * {@code i18n/proactive} bundle.
 */
@Component
class ProactiveTexts {

    private final MessageSource texts;
    private final ContactSettingsManagement contactSettings;
    private final OrganisationRegistry organisations;
    private final String publicUrl;

    ProactiveTexts(MessageSource texts, ContactSettingsManagement contactSettings, OrganisationRegistry organisations,
            @Value("${stadskompas.public-url:http://localhost:8080}") String publicUrl) {
        this.texts = texts;
        this.contactSettings = contactSettings;
        this.organisations = organisations;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("nl");
    }

    String text(String key, Locale locale, Object... args) {
        return texts.getMessage(key, args, locale);
    }

    String url(String path) {
        return publicUrl + path;
    }

    /** Greeting, the body, how to reach a person, and the closing. */
    String letter(UUID tenantId, Locale locale, String body) {
        return text("proactive.greeting", locale) + "\n\n" + body + "\n\n" + reachUs(tenantId, locale) + "\n\n"
                + text("proactive.closing", locale, organisations.nameOf(tenantId));
    }

    String organisation(UUID tenantId) {
        return organisations.nameOf(tenantId);
    }

    String reachUs(UUID tenantId, Locale locale) {
        ContactDetails details = contactSettings.of(tenantId).orElse(null);
        if (details == null || details.phone() == null) {
            return text("proactive.reachUsReply", locale);
        }
        return text("proactive.reachUs", locale, details.phone());
    }

    static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale));
    }

    static String time(Instant instant) {
        return instant.atZone(Appointment.ZONE).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
