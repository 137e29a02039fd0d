// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.StillInUse;
import nl.stadskompas.organisation.Team;
import nl.stadskompas.organisation.TeamDetails;
import nl.stadskompas.platform.Permission;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's page (its domain, core tasks and the services it owns), and adding, changing and
 * removing teams. Core tasks are edited as text, one task per line. A team that owns services
 * cannot be removed.
 */
@Controller
@RequestMapping("/organisation/teams")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class TeamsController {

    private static final String FORM = "organisation/team-form";

    private final OrganisationStructure structure;
    private final MessageSource messages;

    TeamsController(OrganisationStructure structure, MessageSource messages) {
        this.structure = structure;
        this.messages = messages;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    String show(TenantContext tenant, @PathVariable UUID id, Model model) {
        Team team = structure.team(tenant.tenantId(), id);
        String domain = team.domainId().map(d -> structure.domain(tenant.tenantId(), d).name()).orElse(null);
        model.addAttribute("team", new TeamView(team.id(), team.name(), domain, team.description().orElse(null),
                team.coreTasks()));
        model.addAttribute("services", structure.servicesOwnedBy(tenant.tenantId(), id).stream()
                .map(s -> new OwnedService(s.id(), s.name(), GroupedChannels.of(s.channels()))).toList());
        model.addAttribute("canEdit", tenant.can(Permission.ORGANISATION_EDIT));
        return "organisation/team";
    }

    @GetMapping("/new")
    String newTeam(TenantContext tenant, Model model) {
        model.addAttribute("form", new TeamForm("", null, "", ""));
        return form(tenant, model);
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @ModelAttribute("form") TeamForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(tenant, model);
        }
        Team team;
        try {
            team = structure.addTeam(tenant.tenantId(), form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + path(team.id());
    }

    @GetMapping("/{id}/edit")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        Team team = structure.team(tenant.tenantId(), id);
        model.addAttribute("editing", new Editing(id, team.name()));
        model.addAttribute("form", new TeamForm(team.name(), team.domainId().orElse(null),
                team.description().orElse(""), String.join("\n", team.coreTasks())));
        return form(tenant, model);
    }

    @PostMapping("/{id}/edit")
    String update(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") TeamForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", new Editing(id, structure.team(tenant.tenantId(), id).name()));
        if (result.hasErrors()) {
            return form(tenant, model);
        }
        try {
            structure.changeTeam(tenant.tenantId(), id, form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + path(id);
    }

    @GetMapping("/{id}/delete")
    String confirmRemove(TenantContext tenant, @PathVariable UUID id, Model model) {
        Team team = structure.team(tenant.tenantId(), id);
        return RemovalPage.show(model, "team", team.name(), path(id) + "/delete", path(id));
    }

    @PostMapping("/{id}/delete")
    String remove(TenantContext tenant, @PathVariable UUID id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Team team = structure.team(tenant.tenantId(), id);
        try {
            structure.removeTeam(tenant.tenantId(), id);
        } catch (StillInUse refusal) {
            return RemovalPage.refused(model, messages, refusal, "team", team.name(), path(id) + "/delete", path(id),
                    response);
        }
        return RemovalPage.removed(redirect, team.name(), OverviewController.PATH + "#domeinen");
    }

    private String form(TenantContext tenant, Model model) {
        List<Option> domains = new ArrayList<>();
        domains.add(new Option("",
                messages.getMessage("organisation.team.noDomain", null, LocaleContextHolder.getLocale())));
        structure.domains(tenant.tenantId()).forEach(d -> domains.add(new Option(d.id().toString(), d.name())));
        model.addAttribute("domainOptions", domains);
        return FORM;
    }

    static String path(UUID id) {
        return "/organisation/teams/" + id;
    }

    record TeamView(UUID id, String name, String domain, String description, List<String> coreTasks) {
    }

    record OwnedService(UUID id, String name, GroupedChannels channels) {
    }

    /** The team form; core tasks are one text, one task per line. */
    record TeamForm(String name, UUID domainId, String description, String coreTasks) {

        TeamDetails details() {
            List<String> tasks = coreTasks == null ? List.of() : Arrays.asList(coreTasks.split("\\R"));
            return new TeamDetails(name, domainId, description, tasks);
        }
    }
}
