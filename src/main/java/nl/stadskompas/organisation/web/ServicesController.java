// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.ChannelGroup;
import nl.stadskompas.organisation.Municipality;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.Service;
import nl.stadskompas.organisation.ServiceDetails;
import nl.stadskompas.organisation.StillInUse;
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
 * A service's page (owner team, municipalities, channels, keywords), and adding, changing and
 * removing services.
 */
@Controller
@RequestMapping("/organisation/services")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class ServicesController {

    private static final String FORM = "organisation/service-form";

    private final OrganisationStructure structure;
    private final MessageSource messages;

    ServicesController(OrganisationStructure structure, MessageSource messages) {
        this.structure = structure;
        this.messages = messages;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    String show(TenantContext tenant, @PathVariable UUID id, Model model) {
        Service service = structure.service(tenant.tenantId(), id);
        String ownerTeam = service.ownerTeamId() == null ? null
                : structure.team(tenant.tenantId(), service.ownerTeamId()).name();
        List<String> municipalities = structure.municipalities(tenant.tenantId()).stream()
                .filter(m -> service.municipalityIds().contains(m.id())).map(Municipality::name).toList();
        model.addAttribute("service", new ServiceView(service.id(), service.name(),
                service.description().orElse(null), service.ownerTeamId(), ownerTeam, municipalities,
                GroupedChannels.of(service.channels()), service.keywords()));
        model.addAttribute("canEdit", tenant.can(Permission.ORGANISATION_EDIT));
        return "organisation/service";
    }

    @GetMapping("/new")
    String newService(TenantContext tenant, Model model) {
        // A new service is offered in every municipality unless the user says otherwise.
        List<UUID> all = structure.municipalities(tenant.tenantId()).stream().map(Municipality::id).toList();
        model.addAttribute("form", new ServiceForm("", "", null, all, List.of(), ""));
        return form(tenant, model);
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @ModelAttribute("form") ServiceForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(tenant, model);
        }
        Service service;
        try {
            service = structure.addService(tenant.tenantId(), form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + path(service.id());
    }

    @GetMapping("/{id}/edit")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        Service service = structure.service(tenant.tenantId(), id);
        model.addAttribute("editing", new Editing(id, service.name()));
        model.addAttribute("form", new ServiceForm(service.name(), service.description().orElse(""),
                service.ownerTeamId(), List.copyOf(service.municipalityIds()), service.channels(),
                String.join(", ", service.keywords())));
        return form(tenant, model);
    }

    @PostMapping("/{id}/edit")
    String update(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") ServiceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", new Editing(id, structure.service(tenant.tenantId(), id).name()));
        if (result.hasErrors()) {
            return form(tenant, model);
        }
        try {
            structure.changeService(tenant.tenantId(), id, form.details());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return form(tenant, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + path(id);
    }

    @GetMapping("/{id}/delete")
    String confirmRemove(TenantContext tenant, @PathVariable UUID id, Model model) {
        Service service = structure.service(tenant.tenantId(), id);
        return RemovalPage.show(model, "service", service.name(), path(id) + "/delete", path(id));
    }

    @PostMapping("/{id}/delete")
    String remove(TenantContext tenant, @PathVariable UUID id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Service service = structure.service(tenant.tenantId(), id);
        try {
            structure.removeService(tenant.tenantId(), id);
        } catch (StillInUse refusal) {
            return RemovalPage.refused(model, messages, refusal, "service", service.name(), path(id) + "/delete",
                    path(id), response);
        }
        return RemovalPage.removed(redirect, service.name(), OverviewController.PATH + "#diensten");
    }

    private String form(TenantContext tenant, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", messages.getMessage("organisation.service.chooseTeam", null, locale)));
        structure.teams(tenant.tenantId()).forEach(t -> teams.add(new Option(t.id().toString(), t.name())));
        model.addAttribute("teamOptions", teams);
        model.addAttribute("municipalityOptions", structure.municipalities(tenant.tenantId()).stream()
                .map(m -> new Option(m.id().toString(), m.name())).toList());
        model.addAttribute("channelGroups", Arrays.stream(ChannelGroup.values())
                .map(g -> new ChannelChoice(g, Channel.in(g).stream()
                        .map(c -> new Option(c.name(), messages.getMessage(c.messageKey(), null, locale))).toList()))
                .toList());
        return FORM;
    }

    static String path(UUID id) {
        return "/organisation/services/" + id;
    }

    record ServiceView(UUID id, String name, String description, UUID ownerTeamId, String ownerTeam,
            List<String> municipalities, GroupedChannels channels, List<String> keywords) {
    }

    /** The channels of one group, as checkboxes in their own group on the form. */
    record ChannelChoice(ChannelGroup group, List<Option> options) {
    }

    /** The service form; keywords are one text, separated by commas. */
    record ServiceForm(String name, String description, UUID ownerTeamId, List<UUID> municipalityIds,
            List<Channel> channels, String keywords) {

        ServiceDetails details() {
            return new ServiceDetails(name, description, ownerTeamId, municipalityIds == null ? null
                    : new HashSet<>(municipalityIds), channels == null ? null : new HashSet<>(channels),
                    keywords == null ? List.of() : List.of(keywords));
        }
    }
}
