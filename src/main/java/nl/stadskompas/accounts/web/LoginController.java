// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: a built-in account form, and a button per configured identity provider.
 */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> providers;

    LoginController(ObjectProvider<ClientRegistrationRepository> providers) {
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("failed", error != null);
        model.addAttribute("locked", failure instanceof LockedException);
        model.addAttribute("providers", providers());
        return "accounts/login";
    }

    private List<Provider> providers() {
        List<Provider> found = new ArrayList<>();
        if (providers.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration registration = (ClientRegistration) r;
                found.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return found;
    }

    record Provider(String id, String name) {
    }
}
