// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.stadskompas.feedback.ContactConsents;
import nl.stadskompas.feedback.ContactConsents.Consent;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "you may contact me" consents, for researchers: who may be contacted and for what, with a way
 * to delete a consent. Every look is logged.
 */
@Controller
@RequestMapping("/feedback/consents")
@PreAuthorize("hasAuthority('PERM_RESEARCH_DATA')")
class ConsentController {

    private final ContactConsents consents;
    private final AuthoringSupport support;

    ConsentController(ContactConsents consents, AuthoringSupport support) {
        this.consents = consents;
        this.support = support;
    }

    /** A consent as the table shows it. */
    record ConsentView(Consent c, String month, String purposes) {
    }

    @GetMapping
    String list(TenantContext tenant, @RequestParam(required = false) UUID questionnaire, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM uuuu", locale);
        model.addAttribute("consents", consents.list(tenant, questionnaire).stream()
                .map(c -> new ConsentView(c, month.format(c.month()), c.purposes().stream()
                        .map(p -> support.text("feedback.data.consent.purpose." + p)).collect(Collectors.joining(", "))))
                .toList());
        model.addAttribute("retention", consents.retentionMonths());
        return "feedback/consents";
    }

    @PostMapping("/{consentId}/delete")
    String delete(TenantContext tenant, @PathVariable UUID consentId, RedirectAttributes redirect) {
        consents.delete(tenant, consentId);
        redirect.addFlashAttribute("message", "feedback.data.consent.deleted");
        return "redirect:/feedback/consents";
    }
}
