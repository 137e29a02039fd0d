// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.organisation.Municipality;
import nl.stadskompas.organisation.MunicipalityDetails;
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
 * Adding, changing and removing the municipalities the organisation serves.
 */
@Controller
@RequestMapping("/organisation/municipalities")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class MunicipalitiesController {

    private static final String FORM = "organisation/municipality-form";
    private static final String BACK = OverviewController.PATH + "#gemeenten";

    private final OrganisationStructure structure;
    private final MessageSource messages;

    MunicipalitiesController(OrganisationStructure structure, MessageSource messages) {
        this.structure = structure;
        this.messages = messages;
    }

    @GetMapping("/new")
    String newMunicipality(Model model) {
        model.addAttribute("form", new MunicipalityForm("", ""));
        return FORM;
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @ModelAttribute("form") MunicipalityForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.addMunicipality(tenant.tenantId(), form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return FORM;
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + BACK;
    }

    @GetMapping("/{id}/edit")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        Municipality municipality = structure.municipality(tenant.tenantId(), id);
        model.addAttribute("editing", new Editing(id, municipality.name()));
        model.addAttribute("form", new MunicipalityForm(municipality.name(), municipality.cbsCode().orElse("")));
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String update(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") MunicipalityForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", new Editing(id, structure.municipality(tenant.tenantId(), id).name()));
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.changeMunicipality(tenant.tenantId(), id, form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return FORM;
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + BACK;
    }

    @GetMapping("/{id}/delete")
    String confirmRemove(TenantContext tenant, @PathVariable UUID id, Model model) {
        Municipality municipality = structure.municipality(tenant.tenantId(), id);
        return RemovalPage.show(model, "municipality", municipality.name(), removePath(id), BACK);
    }

    @PostMapping("/{id}/delete")
    String remove(TenantContext tenant, @PathVariable UUID id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Municipality municipality = structure.municipality(tenant.tenantId(), id);
        try {
            structure.removeMunicipality(tenant.tenantId(), id);
        } catch (StillInUse refusal) {
            return RemovalPage.refused(model, messages, refusal, "municipality", municipality.name(), removePath(id),
                    BACK, response);
        }
        return RemovalPage.removed(redirect, municipality.name(), BACK);
    }

    private static String removePath(UUID id) {
        return "/organisation/municipalities/" + id + "/delete";
    }

    record MunicipalityForm(String name, String cbsCode) {

        MunicipalityDetails details() {
            return new MunicipalityDetails(name, cbsCode);
        }
    }
}
