// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.organisation.Domain;
import nl.stadskompas.organisation.DomainDetails;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.StillInUse;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, changing and removing domains. A domain with teams cannot be removed.
 */
@Controller
@RequestMapping("/organisation/domains")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class DomainsController {

    private static final String FORM = "organisation/domain-form";
    private static final String BACK = OverviewController.PATH + "#domeinen";

    private final OrganisationStructure structure;
    private final MessageSource messages;

    DomainsController(OrganisationStructure structure, MessageSource messages) {
        this.structure = structure;
        this.messages = messages;
    }

    @GetMapping("/new")
    String newDomain(Model model) {
        model.addAttribute("form", new DomainForm("", ""));
        return FORM;
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @ModelAttribute("form") DomainForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.addDomain(tenant.tenantId(), form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return FORM;
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + BACK;
    }

    @GetMapping("/{id}/edit")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        Domain domain = structure.domain(tenant.tenantId(), id);
        model.addAttribute("editing", new Editing(id, domain.name()));
        model.addAttribute("form", new DomainForm(domain.name(), domain.description().orElse("")));
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String update(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") DomainForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", new Editing(id, structure.domain(tenant.tenantId(), id).name()));
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.changeDomain(tenant.tenantId(), id, form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return FORM;
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + BACK;
    }

    @GetMapping("/{id}/delete")
    String confirmRemove(TenantContext tenant, @PathVariable UUID id, Model model) {
        Domain domain = structure.domain(tenant.tenantId(), id);
        return RemovalPage.show(model, "domain", domain.name(), removePath(id), BACK);
    }

    @PostMapping("/{id}/delete")
    String remove(TenantContext tenant, @PathVariable UUID id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Domain domain = structure.domain(tenant.tenantId(), id);
        try {
            structure.removeDomain(tenant.tenantId(), id);
        } catch (StillInUse refusal) {
            return RemovalPage.refused(model, messages, refusal, "domain", domain.name(), removePath(id), BACK,
                    response);
        }
        return RemovalPage.removed(redirect, domain.name(), BACK);
    }

    private static String removePath(UUID id) {
        return "/organisation/domains/" + id + "/delete";
    }

    record DomainForm(String name, String description) {

        DomainDetails details() {
            return new DomainDetails(name, description);
        }
    }
}
