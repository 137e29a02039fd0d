// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.cases.Actor;
import nl.stadskompas.cases.CaseKind;
import nl.stadskompas.cases.CaseTypeDraft;
import nl.stadskompas.cases.CaseTypeManagement;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationCatalogue.TeamReference;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Case types and their statuses, and the contact details residents see. Statuses are edited on the
 * case type's own page: buttons add, move and remove a status and show the form again, so no
 * JavaScript is needed; nothing is saved until "save".
 */
@Controller
@RequestMapping("/case-types")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class CaseTypesController {

    private final CaseTypeManagement management;
    private final ContactSettingsManagement contacts;
    private final OrganisationCatalogue organisation;
    private final MessageSource messages;

    CaseTypesController(CaseTypeManagement management, ContactSettingsManagement contacts,
            OrganisationCatalogue organisation, MessageSource messages) {
        this.management = management;
        this.contacts = contacts;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping
    String list(TenantContext tenant, Model model) {
        Map<UUID, String> teams = organisation.teams(tenant.tenantId()).stream()
                .collect(Collectors.toMap(TeamReference::id, TeamReference::name, (a, b) -> a));
        model.addAttribute("types", management.all(tenant.tenantId()));
        model.addAttribute("teams", teams);
        return "cases/types";
    }

    @GetMapping("/new")
    String newType(TenantContext tenant, Model model) {
        model.addAttribute("form", CaseTypeForm.blank());
        return form(tenant, model, null);
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @Valid @ModelAttribute("form") CaseTypeForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        if (!"save".equals(action)) {
            return rearrange(tenant, form, action, model, null);
        }
        if (result.hasErrors()) {
            return form(tenant, model, null);
        }
        try {
            UUID id = management.create(tenant.tenantId(), form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/case-types/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        CaseTypeView type = management.get(tenant.tenantId(), id);
        model.addAttribute("form", CaseTypeForm.of(type));
        return form(tenant, model, id);
    }

    @PostMapping("/{id}")
    String update(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("form") CaseTypeForm form,
            BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        management.get(tenant.tenantId(), id);
        if (!"save".equals(action)) {
            return rearrange(tenant, form, action, model, id);
        }
        if (result.hasErrors()) {
            return form(tenant, model, id);
        }
        try {
            management.update(tenant.tenantId(), id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/case-types/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model, id);
        }
    }

    @GetMapping("/contact")
    String contact(TenantContext tenant, Model model) {
        ContactDetails current = contacts.of(tenant.tenantId()).orElse(null);
        model.addAttribute("form", current == null ? new ContactForm("", "", "", "", "", "", "")
                : new ContactForm(current.phone(), current.phoneHoursNl(), current.phoneHoursEn(), current.chatUrl(),
                        current.deskAddress(), current.deskHoursNl(), current.deskHoursEn()));
        return "cases/contact";
    }

    @PostMapping("/contact")
    String saveContact(TenantContext tenant, @Valid @ModelAttribute("form") ContactForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "cases/contact";
        }
        try {
            contacts.save(tenant.tenantId(), new ContactDetails(form.phone(), form.phoneHoursNl(), form.phoneHoursEn(),
                    form.chatUrl(), form.deskAddress(), form.deskHoursNl(), form.deskHoursEn()));
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return "cases/contact";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/case-types";
    }

    /** Adds, moves or removes a status and shows the form again, unsaved. */
    private String rearrange(TenantContext tenant, CaseTypeForm form, String action, Model model, UUID id) {
        List<StatusForm> statuses = new ArrayList<>(form.statuses() == null ? List.of() : form.statuses());
        String[] parts = action.split("-", 2);
        int index = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
        boolean valid = index >= 0 && index < statuses.size();
        switch (parts[0]) {
            case "add" -> statuses.add(StatusForm.blank());
            case "up" -> {
                if (valid && index > 0) {
                    statuses.add(index - 1, statuses.remove(index));
                }
            }
            case "down" -> {
                if (valid && index < statuses.size() - 1) {
                    statuses.add(index + 1, statuses.remove(index));
                }
            }
            case "remove" -> {
                if (valid) {
                    statuses.remove(index);
                }
            }
            default -> {
                // An unknown button: show the form as it was.
            }
        }
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
        model.addAttribute("form", form.withStatuses(statuses));
        model.addAttribute("rearranged", true);
        return form(tenant, model, id);
    }

    private String form(TenantContext tenant, Model model, UUID id) {
        var locale = LocaleContextHolder.getLocale();
        CaseTypeForm current = (CaseTypeForm) model.getAttribute("form");
        model.addAttribute("statuses", current == null ? List.of() : current.statusList());
        model.addAttribute("typeId", id);
        model.addAttribute("kinds", Arrays.stream(CaseKind.values())
                .map(k -> new Option(k.name(), messages.getMessage(k.messageKey(), null, locale))).toList());
        model.addAttribute("actors", Arrays.stream(Actor.values())
                .map(a -> new Option(a.name(), messages.getMessage(a.messageKey() + ".employee", null, locale))).toList());
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", messages.getMessage("cases.choose", null, locale)));
        organisation.teams(tenant.tenantId()).forEach(t -> teams.add(new Option(t.id().toString(), t.name())));
        model.addAttribute("teamOptions", teams);
        List<Option> services = new ArrayList<>();
        services.add(new Option("", messages.getMessage("cases.type.service.none", null, locale)));
        organisation.services(tenant.tenantId()).forEach(s -> services.add(new Option(s.id().toString(), s.name())));
        model.addAttribute("serviceOptions", services);
        return "cases/type-form";
    }

    record CaseTypeForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 2000) String description,
            @NotNull CaseKind kind,
            UUID serviceId,
            @NotNull UUID ownerTeamId,
            @NotNull @Min(1) @Max(400) Integer normDays,
            List<StatusForm> statuses) {

        static CaseTypeForm blank() {
            return new CaseTypeForm("", "", CaseKind.APPLICATION, null, null, 10,
                    List.of(StatusForm.blank(), StatusForm.blank()));
        }

        static CaseTypeForm of(CaseTypeView t) {
            return new CaseTypeForm(t.name(), t.description(), t.kind(), t.serviceId(), t.ownerTeamId(), t.normDays(),
                    t.statuses().stream().map(StatusForm::of).toList());
        }

        CaseTypeForm withStatuses(List<StatusForm> newStatuses) {
            return new CaseTypeForm(name, description, kind, serviceId, ownerTeamId, normDays, newStatuses);
        }

        List<StatusForm> statusList() {
            return statuses == null ? List.of() : statuses;
        }

        CaseTypeDraft draft() {
            return new CaseTypeDraft(name, description, kind, serviceId, ownerTeamId, normDays == null ? 0 : normDays,
                    statusList().stream().map(StatusForm::definition).toList());
        }
    }

    record StatusForm(String code, String name, String residentTextNl, String residentTextEn, String nextStepNl,
            String nextStepEn, Actor actor, Boolean informResident, Boolean finalStatus) {

        static StatusForm blank() {
            return new StatusForm("", "", "", "", "", "", Actor.MUNICIPALITY, true, false);
        }

        static StatusForm of(StatusDefinition s) {
            return new StatusForm(s.code(), s.name(), s.residentTextNl(), s.residentTextEn(), s.nextStepNl(),
                    s.nextStepEn(), s.actor(), s.informResident(), s.finalStatus());
        }

        StatusDefinition definition() {
            // An unticked checkbox sends nothing.
            return new StatusDefinition(code, name, residentTextNl, residentTextEn, nextStepNl, nextStepEn, actor,
                    Boolean.TRUE.equals(informResident), Boolean.TRUE.equals(finalStatus));
        }
    }

    record ContactForm(
            @NotBlank @Size(max = 40) String phone,
            @Size(max = 300) String phoneHoursNl,
            @Size(max = 300) String phoneHoursEn,
            @Size(max = 500) String chatUrl,
            @Size(max = 500) String deskAddress,
            @Size(max = 300) String deskHoursNl,
            @Size(max = 300) String deskHoursEn) {
    }
}
