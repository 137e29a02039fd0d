// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.feedback.Invitations;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invitations by e-mail for employees: paste or upload a list of addresses for a published
 * questionnaire, see how many were invited and answered, and choose the case types whose closed
 * cases invite their requester (continuous measurement).
 */
@Controller
@RequestMapping("/feedback/{id}/invitations")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
class InvitationController {

    private final Invitations invitations;
    private final QuestionnaireEditing editing;
    private final CaseTracking cases;

    private final AuthoringSupport support;

    InvitationController(Invitations invitations, QuestionnaireEditing editing, CaseTracking cases,
            AuthoringSupport support) {
        this.support = support;
        this.invitations = invitations;
        this.editing = editing;
        this.cases = cases;
    }

    /** The list form. */
    public static class ListForm {
        private String addresses = "";
        private String language = "nl";

        public String getAddresses() {
            return addresses;
        }

        public void setAddresses(String addresses) {
            this.addresses = addresses;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }
    }

    /** The case types form. */
    public static class CaseTypesForm {
        private Set<UUID> caseTypes = Set.of();

        public Set<UUID> getCaseTypes() {
            return caseTypes;
        }

        public void setCaseTypes(Set<UUID> caseTypes) {
            this.caseTypes = caseTypes == null ? Set.of() : caseTypes;
        }
    }

    @GetMapping
    String page(TenantContext tenant, @PathVariable UUID id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ListForm());
        }
        CaseTypesForm types = new CaseTypesForm();
        types.setCaseTypes(invitations.caseTypes(tenant.tenantId(), id));
        model.addAttribute("types", types);
        return page(tenant, id, model, editing.questionnaire(tenant.tenantId(), id));
    }

    @PostMapping
    String invite(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") ListForm form,
            BindingResult result, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        String text = form.getAddresses() == null ? "" : form.getAddresses();
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > 1_000_000) {
                FormErrors.reject(result, ValidationProblem.of("addresses", "feedback.invite.fileTooLarge"));
            } else {
                text = text + "\n" + new String(file.getBytes(), StandardCharsets.UTF_8);
            }
        }
        if (!result.hasErrors()) {
            try {
                Invitations.ListOutcome outcome = invitations.inviteList(tenant, id, text,
                        "en".equals(form.getLanguage()) ? Locale.ENGLISH : Locale.of("nl"));
                redirect.addFlashAttribute("message", "feedback.invite.sent");
                redirect.addFlashAttribute("messageArg", outcome.invited());
                if (outcome.skipped() > 0) {
                    redirect.addFlashAttribute("skipped", outcome.skipped());
                }
                return "redirect:/feedback/" + id + "/invitations";
            } catch (ValidationProblem problem) {
                FormErrors.reject(result, problem);
            }
        }
        CaseTypesForm types = new CaseTypesForm();
        types.setCaseTypes(invitations.caseTypes(tenant.tenantId(), id));
        model.addAttribute("types", types);
        return page(tenant, id, model, q);
    }

    @PostMapping("/case-types")
    String caseTypes(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("types") CaseTypesForm form,
            RedirectAttributes redirect) {
        Set<UUID> known = Set.copyOf(cases.caseTypes(tenant.tenantId()).stream().map(t -> t.id()).toList());
        if (!known.containsAll(form.getCaseTypes())) {
            throw new nl.stadskompas.platform.NotFoundException("case type");
        }
        invitations.changeCaseTypes(tenant, id, form.getCaseTypes());
        redirect.addFlashAttribute("message", "feedback.invite.caseTypesSaved");
        return "redirect:/feedback/" + id + "/invitations";
    }

    private String page(TenantContext tenant, UUID id, Model model, Questionnaire q) {
        model.addAttribute("q", q);
        model.addAttribute("published", editing.published(q).isPresent());
        model.addAttribute("counts", invitations.counts(tenant.tenantId(), id));
        model.addAttribute("reminderDays", invitations.reminderDays());
        model.addAttribute("intervalDays", invitations.intervalDays());
        model.addAttribute("max", Invitations.LIST_MAX);
        List<Option> caseTypes = cases.caseTypes(tenant.tenantId()).stream()
                .map(t -> new Option(t.id().toString(), t.name())).toList();
        model.addAttribute("caseTypeOptions", caseTypes);
        model.addAttribute("languageOptions", List.of(new Option("nl", support.text("feedback.invite.language.nl")),
                new Option("en", support.text("feedback.invite.language.en"))));
        return "feedback/invitations";
    }
}
