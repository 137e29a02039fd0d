// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.journeys.Journey;
import nl.stadskompas.journeys.JourneyContent;
import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Phase;
import nl.stadskompas.journeys.JourneyContent.Solution;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.JourneyExchange;
import nl.stadskompas.journeys.JourneyMap;
import nl.stadskompas.journeys.JourneyMapRenderer;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.journeys.LivedJourney;
import nl.stadskompas.journeys.LivedJourney.StepExperience;
import nl.stadskompas.journeys.web.Forms.CopyForm;
import nl.stadskompas.journeys.web.Forms.JourneyForm;
import nl.stadskompas.journeys.web.Forms.KpiForm;
import nl.stadskompas.journeys.web.Forms.LivedForm;
import nl.stadskompas.journeys.web.Forms.OpportunityEditForm;
import nl.stadskompas.journeys.web.Forms.OpportunityForm;
import nl.stadskompas.journeys.web.Forms.PhasesForm;
import nl.stadskompas.journeys.web.Forms.PublishForm;
import nl.stadskompas.journeys.web.Forms.QuestionForm;
import nl.stadskompas.journeys.web.Forms.StepForm;
import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The journey pages: the list, a journey's map with its structured view and exports, and the forms
 * to change it. Everything works without JavaScript; steps move with up and down buttons.
 */
@Controller
@RequestMapping("/journeys")
@PreAuthorize("hasAuthority('PERM_READ')")
class JourneysController {

    private static final String EDIT = "hasAuthority('PERM_JOURNEYS_EDIT')";

    private final JourneyMaps maps;
    private final JourneyExchange exchange;
    private final JourneyMapRenderer renderer;
    private final OrganisationCatalogue catalogue;
    private final JourneyPages support;

    JourneysController(JourneyMaps maps, JourneyExchange exchange, JourneyMapRenderer renderer,
            OrganisationCatalogue catalogue, JourneyPages support) {
        this.maps = maps;
        this.exchange = exchange;
        this.renderer = renderer;
        this.catalogue = catalogue;
        this.support = support;
    }

    // --- list, new, import ---------------------------------------------------------------------------

    @GetMapping
    String list(TenantContext tenant, Model model) {
        UUID t = tenant.tenantId();
        Map<UUID, String> clusters = new HashMap<>();
        maps.clusters(t).forEach(c -> clusters.put(c.id(), c.name()));
        model.addAttribute("journeys", maps.journeys(t));
        model.addAttribute("clusters", clusters);
        model.addAttribute("teams", support.teamNames(t));
        model.addAttribute("canEdit", tenant.can(Permission.JOURNEYS_EDIT));
        return "journeys/list";
    }

    @GetMapping("/new")
    @PreAuthorize(EDIT)
    String newJourney(TenantContext tenant, Model model) {
        model.addAttribute("form", new JourneyForm("", "", null, null, List.of(), List.of()));
        return journeyForm(tenant, model, null);
    }

    @PostMapping("/new")
    @PreAuthorize(EDIT)
    String create(TenantContext tenant, @ModelAttribute("form") JourneyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Journey journey = maps.create(tenant, JourneyContent.start(form.name(), form.description(), form.clusterId(),
                    form.ownerTeamId()).withHeader(form.name(), form.description(), form.clusterId(), form.ownerTeamId(),
                    form.serviceIds(), form.personaIds()));
            redirect.addFlashAttribute("message", "form.saved");
            return "redirect:/journeys/" + journey.id();
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return journeyForm(tenant, model, null);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(EDIT)
    String editJourney(TenantContext tenant, @PathVariable UUID id, Model model) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        model.addAttribute("form", new JourneyForm(c.name(), c.description(), c.clusterId(), c.ownerTeamId(), c.serviceIds(),
                c.personaIds()));
        return journeyForm(tenant, model, id);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(EDIT)
    String describe(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") JourneyForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        maps.journey(tenant.tenantId(), id);
        try {
            maps.describe(tenant, id, form.name(), form.description(), form.clusterId(), form.ownerTeamId(),
                    form.serviceIds(), form.personaIds());
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return journeyForm(tenant, model, id);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/" + id;
    }

    private String journeyForm(TenantContext tenant, Model model, UUID id) {
        UUID t = tenant.tenantId();
        model.addAttribute("journeyId", id);
        model.addAttribute("clusterOptions", withNone(maps.clusters(t).stream().map(c -> new Option(c.id().toString(), c.name())).toList()));
        model.addAttribute("teamOptions", withNone(catalogue.teams(t).stream().map(x -> new Option(x.id().toString(), x.name())).toList()));
        model.addAttribute("serviceOptions", catalogue.services(t).stream().map(x -> new Option(x.id().toString(), x.name())).toList());
        model.addAttribute("personaOptions", personaOptions(t));
        return "journeys/journey-form";
    }

    @GetMapping("/import")
    @PreAuthorize(EDIT)
    String importPage() {
        return "journeys/import";
    }

    @PostMapping("/import")
    @PreAuthorize(EDIT)
    String importFile(TenantContext tenant, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(support.text("journeys.import.noFile")));
            return "journeys/import";
        }
        try {
            Journey journey = exchange.importFile(tenant, file.getBytes());
            redirect.addFlashAttribute("message", "journeys.import.done");
            return "redirect:/journeys/" + journey.id();
        } catch (ValidationProblem problem) {
            model.addAttribute("problems", problem.problems().stream()
                    .map(p -> (p.field() == null ? "" : p.field() + ": ") + support.text(p.code(), p.args())).toList());
            return "journeys/import";
        }
    }

    // --- the map -------------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String map(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) UUID persona, Model model) {
        return showMap(tenant, id, null, persona, model);
    }

    @GetMapping("/{id}/versions/{number}")
    String versionMap(TenantContext tenant, @PathVariable UUID id, @PathVariable int number,
            @RequestParam(required = false) UUID persona, Model model) {
        return showMap(tenant, id, number, persona, model);
    }

    private String showMap(TenantContext tenant, UUID id, Integer version, UUID persona, Model model) {
        UUID t = tenant.tenantId();
        Locale locale = LocaleContextHolder.getLocale();
        JourneyMap map = maps.map(t, id, version, persona, locale);
        model.addAttribute("map", map);
        model.addAttribute("svg", renderer.svg(map, support.texts()));
        model.addAttribute("personas", maps.personas(t));
        model.addAttribute("personaNames", support.personaNames(t));
        Map<String, String> promises = maps.promises(t);
        model.addAttribute("promiseText", map.content().opportunities().stream().collect(java.util.stream.Collectors.toMap(
                o -> o.id(), o -> promiseText(o.promiseCodes(), promises))));
        model.addAttribute("services", catalogue.services(t).stream()
                .filter(s -> map.content().serviceIds().contains(s.id())).map(OrganisationCatalogue.ServiceReference::name).toList());
        model.addAttribute("lived", map.lived());
        model.addAttribute("livedText", map.steps().stream().collect(java.util.stream.Collectors.toMap(
                r -> r.step().id(), r -> JourneyMapRenderer.lived(r, support.texts()))));
        model.addAttribute("surveyText", map.steps().stream().collect(java.util.stream.Collectors.toMap(
                r -> r.step().id(), r -> JourneyMapRenderer.survey(r, support.texts()))));
        Map<String, String> serviceText = new HashMap<>();
        map.steps().forEach(r -> serviceText.put(r.step().id(), JourneyMapRenderer.serviceSurvey(r, support.texts())));
        model.addAttribute("serviceText", serviceText);
        model.addAttribute("canEdit", version == null && tenant.can(Permission.JOURNEYS_EDIT));
        model.addAttribute("query", persona == null ? "" : "?persona=" + persona);
        model.addAttribute("versionNumber", version);
        return "journeys/map";
    }

    @GetMapping("/{id}/map.pdf")
    ResponseEntity<byte[]> pdf(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) UUID persona) {
        Locale locale = LocaleContextHolder.getLocale();
        JourneyMap map = maps.map(tenant.tenantId(), id, null, persona, locale);
        return download(renderer.pdf(map, support.texts(), locale), MediaType.APPLICATION_PDF, "klantreis.pdf");
    }

    @GetMapping("/{id}/map.png")
    ResponseEntity<byte[]> png(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) UUID persona) {
        JourneyMap map = maps.map(tenant.tenantId(), id, null, persona, LocaleContextHolder.getLocale());
        return download(renderer.png(map, support.texts()), MediaType.IMAGE_PNG, "klantreis.png");
    }

    @GetMapping("/{id}/journey.json")
    ResponseEntity<byte[]> json(TenantContext tenant, @PathVariable UUID id) {
        return download(exchange.exportBytes(tenant.tenantId(), id), MediaType.APPLICATION_JSON, "klantreis.json");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    // --- steps ---------------------------------------------------------------------------------------

    @GetMapping("/{id}/steps/new")
    @PreAuthorize(EDIT)
    String newStep(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) String phase, Model model) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        String phaseId = phase != null && c.phase(phase).isPresent() ? phase : c.phases().getFirst().id();
        model.addAttribute("form", new StepForm(phaseId, "", "", null, "", "", List.of(), List.of(), null));
        return stepForm(tenant, id, null, model);
    }

    @PostMapping("/{id}/steps/new")
    @PreAuthorize(EDIT)
    String addStep(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") StepForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        maps.journey(tenant.tenantId(), id);
        try {
            Step step = maps.addStep(tenant, id, step(null, form));
            redirect.addFlashAttribute("message", "journeys.step.added");
            return "redirect:/journeys/" + id + "#stap-" + step.id();
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return stepForm(tenant, id, null, model);
        }
    }

    @GetMapping("/{id}/steps/{stepId}")
    @PreAuthorize(EDIT)
    String editStep(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId, Model model) {
        Step s = maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        model.addAttribute("form", new StepForm(s.phaseId(), s.title(), s.channel(), s.ownerTeamId(), s.duration(), s.need(),
                s.personaIds(), s.insightIds(), s.serviceId()));
        return stepForm(tenant, id, stepId, model);
    }

    @PostMapping("/{id}/steps/{stepId}")
    @PreAuthorize(EDIT)
    String changeStep(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @ModelAttribute("form") StepForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        try {
            maps.changeStep(tenant, id, stepId, step(stepId, form));
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return stepForm(tenant, id, stepId, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/" + id + "#stap-" + stepId;
    }

    @PostMapping("/{id}/steps/{stepId}/delete")
    @PreAuthorize(EDIT)
    String removeStep(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId, RedirectAttributes redirect) {
        try {
            maps.removeStep(tenant, id, stepId);
            redirect.addFlashAttribute("message", "journeys.step.removed");
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
        }
        return "redirect:/journeys/" + id;
    }

    @PostMapping("/{id}/steps/{stepId}/move")
    @PreAuthorize(EDIT)
    String moveStep(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @RequestParam String direction, RedirectAttributes redirect) {
        maps.moveStep(tenant, id, stepId, "up".equals(direction) ? -1 : 1);
        redirect.addFlashAttribute("message", "journeys.step.moved");
        return "redirect:/journeys/" + id + "#stap-" + stepId;
    }

    private String stepForm(TenantContext tenant, UUID id, String stepId, Model model) {
        UUID t = tenant.tenantId();
        JourneyContent c = maps.journey(t, id).content();
        model.addAttribute("journeyId", id);
        model.addAttribute("journeyName", c.name());
        model.addAttribute("stepId", stepId);
        model.addAttribute("phaseOptions", c.phases().stream().map(p -> new Option(p.id(), support.phaseName(p))).toList());
        List<Option> channels = new ArrayList<>();
        channels.add(new Option("", support.text("journeys.none")));
        Arrays.stream(Channel.values()).forEach(ch -> channels.add(new Option(ch.name(), support.text(ch.messageKey()))));
        model.addAttribute("channelOptions", channels);
        model.addAttribute("teamOptions", withNone(catalogue.teams(t).stream().map(x -> new Option(x.id().toString(), x.name())).toList()));
        model.addAttribute("personaOptions", personaOptions(t));
        model.addAttribute("serviceOptions", withNone(catalogue.services(t).stream()
                .map(x -> new Option(x.id().toString(), x.name())).toList()));
        model.addAttribute("insightOptions", maps.insights(t).stream()
                .map(i -> new Option(i.id().toString(), support.text(i.kind().messageKey()) + ": " + i.title())).toList());
        // the figures the step shows now, as saved
        model.addAttribute("kpiFigures", stepId == null ? List.of()
                : c.step(stepId).map(s -> maps.kpiFigures(t, s, LocaleContextHolder.getLocale())).orElse(List.of()));
        return "journeys/step-form";
    }

    private static Step step(String id, StepForm f) {
        return new Step(id, f.phaseId(), f.title() == null ? "" : f.title(), f.channel(), f.ownerTeamId(), f.duration(),
                f.need(), f.personaIds(), f.insightIds(), null, f.serviceId());
    }

    // --- survey question --------------------------------------------------------------------------------

    @GetMapping("/{id}/steps/{stepId}/question")
    @PreAuthorize(EDIT)
    String questionPage(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId, Model model) {
        Step s = maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        String current = s.question() == null ? "" : s.question().questionnaireId() + "|" + s.question().questionKey();
        model.addAttribute("form", new QuestionForm(current));
        return questionForm(tenant, id, s, model);
    }

    @PostMapping("/{id}/steps/{stepId}/question")
    @PreAuthorize(EDIT)
    String linkQuestion(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @ModelAttribute("form") QuestionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Step s = maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        UUID questionnaire = null;
        String key = null;
        if (form.question() != null && !form.question().isBlank()) {
            int bar = form.question().indexOf('|');
            try {
                questionnaire = UUID.fromString(form.question().substring(0, Math.max(0, bar)));
                key = form.question().substring(bar + 1);
            } catch (IllegalArgumentException e) {
                result.rejectValue("question", "journeys.error.unknownQuestion");
                return questionForm(tenant, id, s, model);
            }
        }
        try {
            maps.linkQuestion(tenant, id, stepId, questionnaire, key);
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return questionForm(tenant, id, s, model);
        }
        redirect.addFlashAttribute("message", questionnaire == null ? "journeys.question.unlinked" : "journeys.question.linked");
        return "redirect:/journeys/" + id + "#stap-" + stepId;
    }

    private String questionForm(TenantContext tenant, UUID id, Step step, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Option> options = new ArrayList<>();
        options.add(new Option("", support.text("journeys.question.none")));
        maps.linkableQuestions(tenant.tenantId()).forEach(q -> options.add(new Option(q.questionnaireId() + "|" + q.questionKey(),
                q.questionnaireName() + ": " + q.label(locale))));
        model.addAttribute("questionOptions", options);
        model.addAttribute("journeyId", id);
        model.addAttribute("step", step);
        return "journeys/question-form";
    }

    // --- KPIs -------------------------------------------------------------------------------------------

    @GetMapping("/{id}/steps/{stepId}/kpis")
    @PreAuthorize(EDIT)
    String kpiPage(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId, Model model) {
        Step s = maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        model.addAttribute("form", new KpiForm(s.kpiIds().stream().map(UUID::toString).toList()));
        return kpiForm(tenant, id, s, model);
    }

    @PostMapping("/{id}/steps/{stepId}/kpis")
    @PreAuthorize(EDIT)
    String linkKpis(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @ModelAttribute("form") KpiForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Step s = maps.journey(tenant.tenantId(), id).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        List<UUID> ids = new ArrayList<>();
        try {
            form.kpiIds().stream().filter(x -> x != null && !x.isBlank()).forEach(x -> ids.add(UUID.fromString(x.strip())));
            maps.linkKpis(tenant, id, stepId, ids);
        } catch (IllegalArgumentException e) {
            result.rejectValue("kpiIds", "journeys.error.unknownKpi");
            return kpiForm(tenant, id, s, model);
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            return kpiForm(tenant, id, s, model);
        }
        redirect.addFlashAttribute("message", ids.isEmpty() ? "journeys.kpi.unlinked" : "journeys.kpi.linked");
        return "redirect:/journeys/" + id + "#stap-" + stepId;
    }

    private String kpiForm(TenantContext tenant, UUID id, Step step, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("kpiOptions", maps.linkableKpis(tenant.tenantId()).stream()
                .map(k -> new Option(k.id().toString(), k.name(locale))).toList());
        model.addAttribute("kpiFigures", maps.kpiFigures(tenant.tenantId(), step, locale));
        model.addAttribute("journeyId", id);
        model.addAttribute("step", step);
        return "journeys/kpi-form";
    }

    // --- opportunities ---------------------------------------------------------------------------------

    @GetMapping("/{id}/opportunities/new")
    @PreAuthorize(EDIT)
    String newOpportunity(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) String step, Model model) {
        model.addAttribute("form", new OpportunityForm("", "", step == null ? List.of() : List.of(step), List.of(), "", ""));
        return opportunityForm(tenant, id, model);
    }

    @PostMapping("/{id}/opportunities/new")
    @PreAuthorize(EDIT)
    String addOpportunity(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") OpportunityForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        maps.journey(tenant.tenantId(), id);
        List<Solution> solutions = form.solutionTitle() == null || form.solutionTitle().isBlank() ? List.of()
                : List.of(new Solution(form.solutionTitle().strip(), JourneyMapsText.blank(form.solutionDescription())));
        try {
            maps.addOpportunity(tenant, id, new Opportunity(null, form.title(), form.description(), form.stepIds(),
                    form.promiseCodes(), solutions));
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem, f -> f.startsWith("solutions") ? "solutionTitle" : f);
            return opportunityForm(tenant, id, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/" + id + "#kansen";
    }

    @PostMapping("/{id}/opportunities/{opportunityId}/delete")
    @PreAuthorize(EDIT)
    String removeOpportunity(TenantContext tenant, @PathVariable UUID id, @PathVariable String opportunityId,
            RedirectAttributes redirect) {
        maps.removeOpportunity(tenant, id, opportunityId);
        redirect.addFlashAttribute("message", "journeys.opportunity.removed");
        return "redirect:/journeys/" + id + "#kansen";
    }

    @GetMapping("/{id}/opportunities/{opportunityId}")
    @PreAuthorize(EDIT)
    String editOpportunity(TenantContext tenant, @PathVariable UUID id, @PathVariable String opportunityId, Model model) {
        Opportunity o = maps.journey(tenant.tenantId(), id).content().opportunity(opportunityId)
                .orElseThrow(() -> new NotFoundException("opportunity"));
        OpportunityEditForm form = new OpportunityEditForm();
        form.setTitle(o.title());
        form.setDescription(o.description());
        form.setStepIds(new ArrayList<>(o.stepIds()));
        form.setPromiseCodes(new ArrayList<>(o.promiseCodes()));
        o.solutions().forEach(x -> {
            form.getSolutionTitles().add(x.title());
            form.getSolutionDescriptions().add(x.description());
        });
        model.addAttribute("form", form);
        return opportunityEdit(tenant, id, opportunityId, model);
    }

    /**
     * Saves a changed opportunity. A solution whose title is left empty (and that has no description)
     * is removed; the empty row at the end adds one.
     */
    @PostMapping("/{id}/opportunities/{opportunityId}")
    @PreAuthorize(EDIT)
    String changeOpportunity(TenantContext tenant, @PathVariable UUID id, @PathVariable String opportunityId,
            @ModelAttribute("form") OpportunityEditForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        maps.journey(tenant.tenantId(), id).content().opportunity(opportunityId)
                .orElseThrow(() -> new NotFoundException("opportunity"));
        List<Solution> solutions = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < form.getSolutionTitles().size(); i++) {
            String title = form.getSolutionTitles().get(i);
            String description = i < form.getSolutionDescriptions().size() ? form.getSolutionDescriptions().get(i) : null;
            if ((title == null || title.isBlank()) && (description == null || description.isBlank())) {
                continue;
            }
            solutions.add(new Solution(title, description));
            rows.add(i);
        }
        try {
            maps.changeOpportunity(tenant, id, opportunityId, new Opportunity(opportunityId, form.getTitle(),
                    form.getDescription(), form.getStepIds(), form.getPromiseCodes(), solutions));
        } catch (ValidationProblem problem) {
            // solutions[2].title is shown at the row the editor typed it in
            FormErrors.reject(result, new ValidationProblem(problem.problems().stream().map(p -> {
                String f = p.field();
                if (f != null && f.startsWith("solutions[")) {
                    int n = Integer.parseInt(f.substring("solutions[".length(), f.indexOf(']')));
                    f = (f.endsWith(".title") ? "solutionTitles[" : "solutionDescriptions[") + rows.get(n) + "]";
                } else if (f != null) {
                    f = JourneyPages.base(f);
                }
                return new ValidationProblem.FieldProblem(f, p.code(), p.args());
            }).toList()));
            return opportunityEdit(tenant, id, opportunityId, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/" + id + "#kansen";
    }

    private String opportunityEdit(TenantContext tenant, UUID id, String opportunityId, Model model) {
        OpportunityEditForm form = (OpportunityEditForm) model.getAttribute("form");
        // one empty row to add a solution
        if (form.getSolutionTitles().isEmpty() || !form.getSolutionTitles().getLast().isBlank()) {
            form.getSolutionTitles().add("");
        }
        while (form.getSolutionDescriptions().size() < form.getSolutionTitles().size()) {
            form.getSolutionDescriptions().add("");
        }
        model.addAttribute("opportunityId", opportunityId);
        opportunityForm(tenant, id, model);
        return "journeys/opportunity-edit";
    }

    private String opportunityForm(TenantContext tenant, UUID id, Model model) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        model.addAttribute("journeyId", id);
        model.addAttribute("journeyName", c.name());
        model.addAttribute("stepOptions", c.orderedSteps().stream().map(s -> new Option(s.id(), s.title())).toList());
        model.addAttribute("promiseOptions", maps.promises(tenant.tenantId()).entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getKey() + " " + e.getValue())).toList());
        return "journeys/opportunity-form";
    }

    // --- lived journeys --------------------------------------------------------------------------------

    @GetMapping("/{id}/lived/new")
    @PreAuthorize(EDIT)
    String newLived(TenantContext tenant, @PathVariable UUID id, Model model) {
        LivedForm form = new LivedForm();
        form.setRecordedOn(LocalDate.now().toString());
        model.addAttribute("form", form);
        return livedForm(tenant, id, model);
    }

    @PostMapping("/{id}/lived/new")
    @PreAuthorize(EDIT)
    String recordLived(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") LivedForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return saveLived(tenant, id, null, form, result, model, redirect);
    }

    @GetMapping("/{id}/lived/{livedId}")
    @PreAuthorize(EDIT)
    String editLived(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID livedId, Model model) {
        LivedJourney l = maps.lived(tenant.tenantId(), id, livedId);
        LivedForm form = new LivedForm();
        form.setParticipant(l.participant());
        form.setPersonaId(l.personaId());
        form.setMethod(l.method().name());
        form.setRecordedOn(l.recordedOn().toString());
        l.experiences().forEach(e -> {
            form.getRatings().put(e.stepId(), e.experience() == null ? "" : e.experience().name());
            form.getQuotes().put(e.stepId(), e.quote());
        });
        model.addAttribute("form", form);
        model.addAttribute("livedId", livedId);
        return livedForm(tenant, id, model);
    }

    @PostMapping("/{id}/lived/{livedId}")
    @PreAuthorize(EDIT)
    String changeLived(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID livedId,
            @ModelAttribute("form") LivedForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        maps.lived(tenant.tenantId(), id, livedId);
        model.addAttribute("livedId", livedId);
        return saveLived(tenant, id, livedId, form, result, model, redirect);
    }

    private String saveLived(TenantContext tenant, UUID id, UUID livedId, LivedForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        LocalDate on = null;
        try {
            on = form.getRecordedOn() == null || form.getRecordedOn().isBlank() ? null : LocalDate.parse(form.getRecordedOn().strip());
        } catch (DateTimeParseException e) {
            result.rejectValue("recordedOn", "journeys.error.date");
        }
        LivedJourney.Method method = Arrays.stream(LivedJourney.Method.values())
                .filter(m -> m.name().equals(form.getMethod())).findFirst().orElse(null);
        List<StepExperience> experiences = new ArrayList<>();
        for (Step s : c.orderedSteps()) {
            String rating = form.getRatings().get(s.id());
            LivedJourney.Experience e = Arrays.stream(LivedJourney.Experience.values())
                    .filter(x -> x.name().equals(rating)).findFirst().orElse(null);
            if (e != null) {
                experiences.add(new StepExperience(s.id(), e, form.getQuotes().get(s.id())));
            }
        }
        if (!result.hasErrors()) {
            try {
                if (livedId == null) {
                    maps.recordLived(tenant, id, form.getParticipant(), form.getPersonaId(), method, on, experiences);
                    redirect.addFlashAttribute("message", "journeys.lived.recorded");
                } else {
                    maps.changeLived(tenant, id, livedId, form.getParticipant(), form.getPersonaId(), method, on, experiences);
                    redirect.addFlashAttribute("message", "form.saved");
                }
                return "redirect:/journeys/" + id + "#geleefd";
            } catch (ValidationProblem problem) {
                JourneyPages.reject(result, problem);
            }
        }
        return livedForm(tenant, id, model);
    }

    @PostMapping("/{id}/lived/{livedId}/delete")
    @PreAuthorize(EDIT)
    String removeLived(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID livedId, RedirectAttributes redirect) {
        maps.removeLived(tenant, id, livedId);
        redirect.addFlashAttribute("message", "journeys.lived.removed");
        return "redirect:/journeys/" + id + "#geleefd";
    }

    private String livedForm(TenantContext tenant, UUID id, Model model) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        model.addAttribute("journeyId", id);
        model.addAttribute("journeyName", c.name());
        model.addAttribute("steps", c.orderedSteps());
        model.addAttribute("personaOptions", withNone(personaOptions(tenant.tenantId())));
        model.addAttribute("methodOptions", Arrays.stream(LivedJourney.Method.values())
                .map(m -> new Option(m.name(), support.text(m.messageKey()))).toList());
        model.addAttribute("experiences", LivedJourney.Experience.values());
        return "journeys/lived-form";
    }

    // --- phases, versions, copy, delete ------------------------------------------------------------------

    @GetMapping("/{id}/phases")
    @PreAuthorize(EDIT)
    String phasesPage(TenantContext tenant, @PathVariable UUID id, Model model) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        PhasesForm form = new PhasesForm();
        form.setNames(new ArrayList<>(c.phases().stream().map(support::phaseName).toList()));
        model.addAttribute("form", form);
        return phasesForm(c, id, model);
    }

    @PostMapping("/{id}/phases")
    @PreAuthorize(EDIT)
    String savePhases(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") PhasesForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        JourneyContent c = maps.journey(tenant.tenantId(), id).content();
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < c.phases().size(); i++) {
            Phase old = c.phases().get(i);
            String name = i < form.getNames().size() ? form.getNames().get(i) : old.name();
            if (name != null && !name.isBlank()) {
                // a standard phase shown in the page's language and left as it was keeps its standard name
                String kept = name.strip().equals(support.phaseName(old)) ? old.name() : name.strip();
                phases.add(new Phase(old.id(), kept, old.setback()));
            }
        }
        if (form.getNewPhase() != null && !form.getNewPhase().isBlank()) {
            phases.add(new Phase(c.nextId("f"), form.getNewPhase().strip(), false));
        }
        try {
            maps.renamePhases(tenant, id, phases);
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem, f -> "phases".equals(f) ? "newPhase" : f);
            return phasesForm(c, id, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/journeys/" + id;
    }

    private String phasesForm(JourneyContent c, UUID id, Model model) {
        model.addAttribute("journeyId", id);
        model.addAttribute("journeyName", c.name());
        model.addAttribute("phases", c.phases());
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.phases().forEach(p -> counts.put(p.id(), c.stepsIn(p.id()).size()));
        model.addAttribute("counts", counts);
        return "journeys/phases-form";
    }

    @GetMapping("/{id}/versions")
    String versions(TenantContext tenant, @PathVariable UUID id, Model model) {
        Journey journey = maps.journey(tenant.tenantId(), id);
        model.addAttribute("journey", journey);
        model.addAttribute("versions", maps.versions(tenant.tenantId(), id));
        model.addAttribute("form", new PublishForm(""));
        model.addAttribute("canEdit", tenant.can(Permission.JOURNEYS_EDIT));
        return "journeys/versions";
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize(EDIT)
    String publish(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") PublishForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            maps.publish(tenant, id, form.note());
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            Journey journey = maps.journey(tenant.tenantId(), id);
            model.addAttribute("journey", journey);
            model.addAttribute("versions", maps.versions(tenant.tenantId(), id));
            model.addAttribute("canEdit", true);
            return "journeys/versions";
        }
        redirect.addFlashAttribute("message", "journeys.version.published");
        return "redirect:/journeys/" + id + "/versions";
    }

    @GetMapping("/{id}/copy")
    @PreAuthorize(EDIT)
    String copyPage(TenantContext tenant, @PathVariable UUID id, Model model) {
        Journey journey = maps.journey(tenant.tenantId(), id);
        model.addAttribute("journey", journey);
        model.addAttribute("form", new CopyForm(support.text("journeys.copy.defaultName", journey.name())));
        return "journeys/copy";
    }

    @PostMapping("/{id}/copy")
    @PreAuthorize(EDIT)
    String copy(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") CopyForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Journey journey = maps.journey(tenant.tenantId(), id);
        try {
            Journey copy = maps.copy(tenant, id, form.name());
            redirect.addFlashAttribute("message", "journeys.copy.done");
            return "redirect:/journeys/" + copy.id();
        } catch (ValidationProblem problem) {
            JourneyPages.reject(result, problem);
            model.addAttribute("journey", journey);
            return "journeys/copy";
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(EDIT)
    String delete(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        maps.delete(tenant, id);
        redirect.addFlashAttribute("message", "journeys.deleted");
        return "redirect:/journeys";
    }

    /** Promise codes with their titles, for reading: "P1 We nemen de tijd voor u, P2 ...", or "-". */
    static String promiseText(List<String> codes, Map<String, String> titles) {
        if (codes.isEmpty()) {
            return "-";
        }
        return String.join(", ", codes.stream().map(c -> titles.containsKey(c) ? c + " " + titles.get(c) : c).toList());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private List<Option> personaOptions(UUID tenantId) {
        return maps.personas(tenantId).stream()
                .map(p -> new Option(p.id().toString(), p.name() + " (" + support.text(p.kind().messageKey()) + ")")).toList();
    }

    private List<Option> withNone(List<Option> options) {
        List<Option> all = new ArrayList<>();
        all.add(new Option("", support.text("journeys.none")));
        all.addAll(options);
        return all;
    }

    /** Small text helper. */
    static final class JourneyMapsText {

        private JourneyMapsText() {
        }

        static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
