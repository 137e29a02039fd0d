// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import nl.stadskompas.organisation.StillInUse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page that asks "are you sure?" before something is removed, and that explains a refusal in
 * plain words. Removing takes a second, deliberate step, also without JavaScript.
 */
final class RemovalPage {

    static final String VIEW = "organisation/confirm-remove";

    private RemovalPage() {
    }

    /**
     * @param kind message key part: municipality, domain, team or service
     * @param name the name of what would be removed
     * @param action where the confirmation is posted
     * @param back where "cancel" leads
     */
    static String show(Model model, String kind, String name, String action, String back) {
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        return VIEW;
    }

    /** Shows the page again with the reason the removal was refused; answers 409 Conflict. */
    static String refused(Model model, MessageSource messages, StillInUse refusal, String kind, String name,
            String action, String back, jakarta.servlet.http.HttpServletResponse response) {
        var problem = refusal.problems().getFirst();
        model.addAttribute("refusal",
                messages.getMessage(problem.code(), problem.args(), problem.code(), LocaleContextHolder.getLocale()));
        response.setStatus(HttpStatus.CONFLICT.value());
        return show(model, kind, name, action, back);
    }

    static String removed(RedirectAttributes redirect, String name, String to) {
        redirect.addFlashAttribute("removedName", name);
        return "redirect:" + to;
    }
}
