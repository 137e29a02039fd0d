// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.contacts.ConsentKind;
import nl.stadskompas.contacts.ContactChannel;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.ContactPreferences.ResidentPreferences;
import nl.stadskompas.contacts.Preferences;
import nl.stadskompas.contacts.PreferencesChange;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "U bepaalt hoe wij u helpen": the resident's own page, reached from the link at the end of every
 * message, without signing in. It shows and changes the channel, the language and each consent. A
 * link that does not work gets one plain "not found" page, whatever is wrong with it.
 */
@Controller
class PreferencesPageController {

    private final ContactPreferences preferences;
    private final ResidentPages pages;

    PreferencesPageController(ContactPreferences preferences, ResidentPages pages) {
        this.preferences = preferences;
        this.pages = pages;
    }

    @GetMapping("/voorkeuren/{token}")
    String show(@PathVariable String token, HttpServletResponse response, Model model) {
        ResidentPages.privateHeaders(response);
        Optional<ResidentPreferences> found = preferences.open(token);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "contacts/not-found";
        }
        model.addAttribute("form", PreferencesForm.of(found.get().preferences()));
        return page(token, found.get(), model);
    }

    @PostMapping("/voorkeuren/{token}")
    String save(@PathVariable String token, @ModelAttribute("form") PreferencesForm form, BindingResult result,
            HttpServletResponse response, Model model) {
        ResidentPages.privateHeaders(response);
        Optional<ResidentPreferences> found = preferences.open(token);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "contacts/not-found";
        }
        try {
            preferences.saveFromLink(token, form.change());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return page(token, found.get(), model);
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "contacts/not-found";
        }
        return "redirect:/voorkeuren/" + token + "?opgeslagen";
    }

    @GetMapping({ "/voorkeuren", "/voorkeuren/" })
    String nowhere(HttpServletResponse response) {
        ResidentPages.privateHeaders(response);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "contacts/not-found";
    }

    private String page(String token, ResidentPreferences found, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("email", found.preferences().email());
        model.addAttribute("channels", List.of(ContactChannel.values()));
        pages.reachUs(found.tenantId(), model);
        return "contacts/preferences";
    }

    /**
     * What the resident chooses. Consents are "yes" or "no" per kind.
     */
    record PreferencesForm(String channel, String language, String phone, String postalAddress,
            String documentExpiry, String lifeEvent) {

        static PreferencesForm of(Preferences p) {
            return new PreferencesForm(p.channel().name(), p.language(), p.phone(), p.postalAddress(),
                    p.consents(ConsentKind.DOCUMENT_EXPIRY) ? "yes" : "no",
                    p.consents(ConsentKind.LIFE_EVENT) ? "yes" : "no");
        }

        PreferencesChange change() {
            Map<ConsentKind, Boolean> consents = new EnumMap<>(ConsentKind.class);
            answer(documentExpiry, ConsentKind.DOCUMENT_EXPIRY, consents);
            answer(lifeEvent, ConsentKind.LIFE_EVENT, consents);
            ContactChannel chosen = null;
            if (channel != null) {
                try {
                    chosen = ContactChannel.valueOf(channel);
                } catch (IllegalArgumentException e) {
                    throw ValidationProblem.of("channel", "contacts.channel.invalid");
                }
            }
            return new PreferencesChange(chosen, language, null, phone == null ? "" : phone,
                    postalAddress == null ? "" : postalAddress, consents);
        }

        private static void answer(String value, ConsentKind kind, Map<ConsentKind, Boolean> consents) {
            if ("yes".equals(value)) {
                consents.put(kind, true);
            } else if ("no".equals(value)) {
                consents.put(kind, false);
            }
        }
    }
}
