// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import nl.stadskompas.journeys.Cluster;
import nl.stadskompas.journeys.Insight;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.journeys.Persona;
import nl.stadskompas.journeys.web.Forms.ClusterForm;
import nl.stadskompas.journeys.web.Forms.InsightForm;
import nl.stadskompas.journeys.web.Forms.PersonaForm;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What journeys share: personas and segments, pain points and insights, clusters; and the list of
 * opportunities across all journeys, sortable by the promise they serve.
 */
@Controller
@RequestMapping("/journeys")
@PreAuthorize("hasAuthority('PERM_READ')")
class LibraryController {

    private final JourneyMaps maps;
    private final JourneyPages support;

    LibraryController(JourneyMaps maps, JourneyPages support) {
        this.maps = maps;
        this.support = support;
    }

    @GetMapping("/library")
    String library(TenantContext tenant, Model model) {
        model.addAttribute("personaForm", new PersonaForm("PERSONA", "", ""));
        model.addAttribute("insightForm", new InsightForm("PAIN_POINT", "", ""));
        model.addAttribute("clusterForm", new ClusterForm("", ""));
        return page(tenant, model);
    }

    @PostMapping("/library/personas")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String addPersona(TenantContext tenant, @ModelAttribute("personaForm") PersonaForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return changed(() -> maps.addPersona(tenant, kindOf(Persona.Kind.class, form.kind()), form.name(),
                form.description()), result, redirect, "personas", () -> {
                    model.addAttribute("insightForm", new InsightForm("PAIN_POINT", "", ""));
                    model.addAttribute("clusterForm", new ClusterForm("", ""));
                    return page(tenant, model);
                });
    }

    @PostMapping("/library/insights")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String addInsight(TenantContext tenant, @ModelAttribute("insightForm") InsightForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return changed(() -> maps.addInsight(tenant, kindOf(Insight.Kind.class, form.kind()), form.title(),
                form.description()), result, redirect, "inzichten", () -> {
                    model.addAttribute("personaForm", new PersonaForm("PERSONA", "", ""));
                    model.addAttribute("clusterForm", new ClusterForm("", ""));
                    return page(tenant, model);
                });
    }

    @PostMapping("/library/clusters")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String addCluster(TenantContext tenant, @ModelAttribute("clusterForm") ClusterForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return changed(() -> maps.addCluster(tenant, form.name(), form.description()), result, redirect, "clusters",
                () -> {
                    model.addAttribute("personaForm", new PersonaForm("PERSONA", "", ""));
                    model.addAttribute("insightForm", new InsightForm("PAIN_POINT", "", ""));
                    return page(tenant, model);
                });
    }

    // --- changing and deleting one item ------------------------------------------------------------

    @GetMapping("/library/personas/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String editPersona(TenantContext tenant, @PathVariable UUID itemId, Model model) {
        Persona p = maps.persona(tenant.tenantId(), itemId);
        model.addAttribute("form", new PersonaForm(p.kind().name(), p.name(), p.description()));
        return itemPage(Item.PERSONA, itemId, p.name(), model);
    }

    @PostMapping("/library/personas/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String changePersona(TenantContext tenant, @PathVariable UUID itemId, @ModelAttribute("form") PersonaForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Persona old = maps.persona(tenant.tenantId(), itemId);
        return changed(() -> maps.changePersona(tenant, itemId, kindOf(Persona.Kind.class, form.kind()), form.name(),
                form.description()), result, redirect, "personas",
                () -> itemPage(Item.PERSONA, itemId, old.name(), model));
    }

    @GetMapping("/library/insights/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String editInsight(TenantContext tenant, @PathVariable UUID itemId, Model model) {
        Insight i = maps.insight(tenant.tenantId(), itemId);
        model.addAttribute("form", new InsightForm(i.kind().name(), i.title(), i.description()));
        return itemPage(Item.INSIGHT, itemId, i.title(), model);
    }

    @PostMapping("/library/insights/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String changeInsight(TenantContext tenant, @PathVariable UUID itemId, @ModelAttribute("form") InsightForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Insight old = maps.insight(tenant.tenantId(), itemId);
        return changed(() -> maps.changeInsight(tenant, itemId, kindOf(Insight.Kind.class, form.kind()), form.title(),
                form.description()), result, redirect, "inzichten",
                () -> itemPage(Item.INSIGHT, itemId, old.title(), model));
    }

    @GetMapping("/library/clusters/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String editCluster(TenantContext tenant, @PathVariable UUID itemId, Model model) {
        Cluster c = maps.cluster(tenant.tenantId(), itemId);
        model.addAttribute("form", new ClusterForm(c.name(), c.description()));
        return itemPage(Item.CLUSTER, itemId, c.name(), model);
    }

    @PostMapping("/library/clusters/{itemId}")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String changeCluster(TenantContext tenant, @PathVariable UUID itemId, @ModelAttribute("form") ClusterForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Cluster old = maps.cluster(tenant.tenantId(), itemId);
        return changed(() -> maps.changeCluster(tenant, itemId, form.name(), form.description()), result, redirect,
                "clusters", () -> itemPage(Item.CLUSTER, itemId, old.name(), model));
    }

    /**
     * Carries out an addition to or change of the library: saved, back to its place in the library;
     * refused, the same page again with a message at each field, and nothing changed.
     */
    private static String changed(Runnable change, BindingResult result, RedirectAttributes redirect, String anchor,
            Supplier<String> pageAgain) {
        try {
            change.run();
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return pageAgain.get();
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/library#" + anchor;
    }

    /** The kind chosen on a form, or null when none or an unknown one was sent (the rules then say so). */
    private static <E extends Enum<E>> E kindOf(Class<E> kinds, String chosen) {
        return Arrays.stream(kinds.getEnumConstants()).filter(k -> k.name().equals(chosen)).findFirst().orElse(null);
    }

    /** Deletes a persona, pain point or cluster; one still in use stays, with a message why. */
    @PostMapping("/library/{kind}/{itemId}/delete")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String delete(TenantContext tenant, @PathVariable String kind, @PathVariable UUID itemId, RedirectAttributes redirect) {
        Item item = Arrays.stream(Item.values()).filter(i -> i.path.equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("library item"));
        try {
            switch (item) {
                case PERSONA -> maps.removePersona(tenant, itemId);
                case INSIGHT -> maps.removeInsight(tenant, itemId);
                case CLUSTER -> maps.removeCluster(tenant, itemId);
            }
            redirect.addFlashAttribute("message", "journeys.library.removed");
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
        }
        return "redirect:/journeys/library#" + item.anchor;
    }

    /** The three kinds of things in the library, with their path and their place on the page. */
    enum Item {
        PERSONA("personas", "personas", "name"), INSIGHT("insights", "inzichten", "title"), CLUSTER("clusters", "clusters", "name");

        final String path;
        final String anchor;
        final String nameField;

        Item(String path, String anchor, String nameField) {
            this.path = path;
            this.anchor = anchor;
            this.nameField = nameField;
        }
    }

    private String itemPage(Item item, UUID itemId, String name, Model model) {
        model.addAttribute("item", item.path);
        model.addAttribute("itemId", itemId);
        model.addAttribute("itemName", name);
        model.addAttribute("nameField", item.nameField);
        model.addAttribute("kindOptions", switch (item) {
            case PERSONA -> Arrays.stream(Persona.Kind.values()).map(k -> new Option(k.name(), support.text(k.messageKey()))).toList();
            case INSIGHT -> Arrays.stream(Insight.Kind.values()).map(k -> new Option(k.name(), support.text(k.messageKey()))).toList();
            case CLUSTER -> null;
        });
        return "journeys/library-item";
    }

    private String page(TenantContext tenant, Model model) {
        UUID t = tenant.tenantId();
        model.addAttribute("personas", maps.personas(t));
        model.addAttribute("insights", maps.insights(t));
        model.addAttribute("clusters", maps.clusters(t));
        model.addAttribute("canEdit", tenant.can(Permission.JOURNEYS_EDIT));
        model.addAttribute("personaKinds", Arrays.stream(Persona.Kind.values())
                .map(k -> new Option(k.name(), support.text(k.messageKey()))).toList());
        model.addAttribute("insightKinds", Arrays.stream(Insight.Kind.values())
                .map(k -> new Option(k.name(), support.text(k.messageKey()))).toList());
        return "journeys/library";
    }

    @GetMapping("/opportunities")
    String opportunities(TenantContext tenant, @RequestParam(defaultValue = "promise") String sort,
            @RequestParam(required = false) UUID persona, Model model) {
        boolean byPromise = !"journey".equals(sort);
        UUID personaId = persona != null && maps.personas(tenant.tenantId()).stream().anyMatch(p -> p.id().equals(persona))
                ? persona : null;
        List<JourneyMaps.OpportunityOnJourney> all = maps.opportunities(tenant.tenantId(), byPromise, personaId);
        model.addAttribute("personas", maps.personas(tenant.tenantId()));
        model.addAttribute("personaId", personaId);
        model.addAttribute("personaName", personaId == null ? null : maps.persona(tenant.tenantId(), personaId).name());
        model.addAttribute("opportunities", all);
        java.util.Map<String, String> promises = maps.promises(tenant.tenantId());
        model.addAttribute("promiseText", all.stream().collect(java.util.stream.Collectors.toMap(
                o -> o.journeyId() + "/" + o.opportunity().id(),
                o -> JourneysController.promiseText(o.opportunity().promiseCodes(), promises))));
        model.addAttribute("sort", byPromise ? "promise" : "journey");
        return "journeys/opportunities";
    }
}
