// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the resident's pages of this module share: private headers and how to reach a person.
 */
@Component
class ResidentPages {

    private final ContactSettingsManagement contactSettings;

    ResidentPages(ContactSettingsManagement contactSettings) {
        this.contactSettings = contactSettings;
    }

    /** Never cached, indexed or passed on as a referrer: the address holds a secret. */
    static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** Puts the organisation's phone, chat and desk on the page, when it has them. */
    void reachUs(UUID tenantId, Model model) {
        ContactDetails details = contactSettings.of(tenantId).orElse(null);
        if (details != null) {
            boolean english = english();
            model.addAttribute("reach", new ReachView(details.phone(), details.phoneLink(), details.phoneHours(english),
                    details.chatUrl(), details.deskAddress(), details.deskHours(english)));
        }
    }

    record ReachView(String phone, String phoneLink, String phoneHours, String chatUrl, String deskAddress,
            String deskHours) {
    }
}
