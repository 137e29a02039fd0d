// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.journeys.Insight;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.journeys.Persona;
import nl.stadskompas.journeys.web.Forms.ClusterForm;
import nl.stadskompas.journeys.web.Forms.InsightForm;
import nl.stadskompas.journeys.web.Forms.PersonaForm;
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
        try {
            Persona.Kind kind = Arrays.stream(Persona.Kind.values()).filter(k -> k.name().equals(form.kind())).findFirst()
                    .orElse(null);
            maps.addPersona(tenant, kind, form.name(), form.description());
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            model.addAttribute("insightForm", new InsightForm("PAIN_POINT", "", ""));
            model.addAttribute("clusterForm", new ClusterForm("", ""));
            return page(tenant, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/library#personas";
    }

    @PostMapping("/library/insights")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String addInsight(TenantContext tenant, @ModelAttribute("insightForm") InsightForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            Insight.Kind kind = Arrays.stream(Insight.Kind.values()).filter(k -> k.name().equals(form.kind())).findFirst()
                    .orElse(null);
            maps.addInsight(tenant, kind, form.title(), form.description());
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            model.addAttribute("personaForm", new PersonaForm("PERSONA", "", ""));
            model.addAttribute("clusterForm", new ClusterForm("", ""));
            return page(tenant, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/library#inzichten";
    }

    @PostMapping("/library/clusters")
    @PreAuthorize("hasAuthority('PERM_JOURNEYS_EDIT')")
    String addCluster(TenantContext tenant, @ModelAttribute("clusterForm") ClusterForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            maps.addCluster(tenant, form.name(), form.description());
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            model.addAttribute("personaForm", new PersonaForm("PERSONA", "", ""));
            model.addAttribute("insightForm", new InsightForm("PAIN_POINT", "", ""));
            return page(tenant, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/library#clusters";
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
    String opportunities(TenantContext tenant, @RequestParam(defaultValue = "promise") String sort, Model model) {
        boolean byPromise = !"journey".equals(sort);
        List<JourneyMaps.OpportunityOnJourney> all = maps.opportunities(tenant.tenantId(), byPromise);
        model.addAttribute("opportunities", all);
        java.util.Map<String, String> promises = maps.promises(tenant.tenantId());
        model.addAttribute("promiseText", all.stream().collect(java.util.stream.Collectors.toMap(
                o -> o.journeyId() + "/" + o.opportunity().id(),
                o -> JourneysController.promiseText(o.opportunity().promiseCodes(), promises))));
        model.addAttribute("sort", byPromise ? "promise" : "journey");
        return "journeys/opportunities";
    }
}
