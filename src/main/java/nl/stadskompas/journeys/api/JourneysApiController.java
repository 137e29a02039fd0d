// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.journeys.Journey;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.JourneyExchange;
import nl.stadskompas.journeys.JourneyFile;
import nl.stadskompas.journeys.JourneyMap;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.journeys.JourneySummary;
import nl.stadskompas.journeys.JourneyVersion;
import nl.stadskompas.journeys.LivedJourney;
import nl.stadskompas.journeys.LivedJourney.StepExperience;
import nl.stadskompas.journeys.StepKpi;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Journeys over REST: list, the journey as an exchange file, its map with the experience curve,
 * steps, survey question links, versions, lived journeys, and opportunities across journeys.
 * Wrong input gives 400 with every field problem and changes nothing; unknown ids give 404.
 */
@RestController
@RequestMapping("/api/v1/journeys")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Journeys", description = "Resident and entrepreneur journeys: phases, steps, experience, opportunities")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class JourneysApiController {

    private static final String EDIT = "hasAuthority('PERM_JOURNEYS_EDIT')";

    private final JourneyMaps maps;
    private final JourneyExchange exchange;

    JourneysApiController(JourneyMaps maps, JourneyExchange exchange) {
        this.maps = maps;
        this.exchange = exchange;
    }

    record JourneyJson(UUID id, String name, UUID clusterId, UUID ownerTeamId, int steps, Integer publishedVersion,
            Instant updatedAt) {

        static JourneyJson of(JourneySummary s) {
            return new JourneyJson(s.id(), s.name(), s.clusterId(), s.ownerTeamId(), s.steps(), s.publishedVersion(), s.updatedAt());
        }
    }

    record CreatedJson(UUID id, String name) {
    }

    record StepRequest(String phaseId, String title, String channel, UUID ownerTeamId, String duration, String need,
            List<UUID> personaIds, List<UUID> insightIds, UUID serviceId) {
    }

    record StepJson(String id, String phaseId, String title, String channel, UUID ownerTeamId, String duration, String need,
            UUID serviceId, List<UUID> kpiIds) {

        static StepJson of(Step s) {
            return new StepJson(s.id(), s.phaseId(), s.title(), s.channel(), s.ownerTeamId(), s.duration(), s.need(),
                    s.serviceId(), s.kpiIds());
        }
    }

    record KpisRequest(List<UUID> kpiIds) {
    }

    /**
     * The current figure of a KPI linked to a step, for the step's service and channel (null: all).
     *
     * @param period the quarter it is about ({@code 2026-Q4})
     * @param value the figure as people read it (a share in percent); null when none or suppressed
     * @param suppressed true when it rests on fewer observations than the minimum group: no value, no count
     * @param n the observations it rests on; null when not shown
     * @param target the target that applies; null when none
     * @param targetMet whether the figure reaches the target; null when either is missing
     */
    record KpiFigureJson(UUID kpiId, String name, String unit, String period, UUID serviceId, String channel, Double value,
            boolean suppressed, Long n, Double target, Boolean targetMet, String text) {

        static KpiFigureJson of(StepKpi k) {
            return new KpiFigureJson(k.kpiId(), k.name(), k.unit(), k.period(), k.serviceId(), k.channel(), k.value(),
                    k.suppressed(), k.n(), k.target(), k.targetMet(), k.text());
        }
    }

    record QuestionRequest(UUID questionnaireId, String questionKey) {
    }

    record PublishRequest(String note) {
    }

    record VersionJson(int number, String note, Instant publishedAt, String publishedBy, int steps) {

        static VersionJson of(JourneyVersion v) {
            return new VersionJson(v.number(), v.note(), v.publishedAt(), v.publishedBy(), v.content().steps().size());
        }
    }

    record ExperienceJson(String stepId, LivedJourney.Experience experience, String quote) {
    }

    record LivedRequest(String participant, UUID personaId, LivedJourney.Method method, LocalDate recordedOn,
            List<ExperienceJson> experiences) {
    }

    record LivedJson(UUID id, String participant, UUID personaId, LivedJourney.Method method, LocalDate recordedOn,
            List<ExperienceJson> experiences) {

        static LivedJson of(LivedJourney l) {
            return new LivedJson(l.id(), l.participant(), l.personaId(), l.method(), l.recordedOn(), l.experiences().stream()
                    .map(e -> new ExperienceJson(e.stepId(), e.experience(), e.quote())).toList());
        }
    }

    /**
     * One step of the map with its experience.
     *
     * @param livedAverage average of the lived journeys, -1 (negative) to +1 (positive); null when none
     * @param surveyMean mean answer of the linked question; null when none or suppressed
     * @param surveySuppressed true when the linked question has too few answers to show
     * @param serviceId the service whose survey results the step shows (through its channel), or null
     * @param serviceMean the mean report mark for that service and channel; null when none or suppressed
     * @param serviceSuppressed true when that service and channel have too few answers to show
     * @param kpis the current figures of the KPIs linked to the step
     */
    record MapStepJson(int number, String phase, String stepId, String title, String channel, String need,
            List<String> painPoints, List<String> opportunities, Double livedAverage, int livedCount, Double surveyMean,
            Double surveyPositiveShare, Long surveyRespondents, Boolean surveySuppressed, UUID serviceId,
            Double serviceMean, Double servicePositiveShare, Long serviceRespondents, Boolean serviceSuppressed,
            List<KpiFigureJson> kpis) {
    }

    record MapJson(UUID id, String name, Integer version, UUID personaId, int livedJourneys, List<MapStepJson> steps) {
    }

    record OpportunityJson(UUID journeyId, String journeyName, String id, String title, String description,
            List<String> stepIds, List<String> promiseCodes) {
    }

    @GetMapping
    @Operation(summary = "The journeys of the organisation")
    List<JourneyJson> list(TenantContext tenant) {
        return maps.journeys(tenant.tenantId()).stream().map(JourneyJson::of).toList();
    }

    @PostMapping
    @PreAuthorize(EDIT)
    @Operation(summary = "Create a journey from an exchange file (all or nothing)")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A problem in the file; nothing was created")
    ResponseEntity<CreatedJson> create(TenantContext tenant, @RequestBody JourneyFile file) {
        Journey journey = exchange.importFile(tenant, file);
        return ResponseEntity.created(URI.create("/api/v1/journeys/" + journey.id()))
                .body(new CreatedJson(journey.id(), journey.name()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A journey as an exchange file")
    @ApiResponse(responseCode = "404", description = "Unknown journey")
    JourneyFile get(TenantContext tenant, @PathVariable UUID id) {
        return exchange.export(tenant.tenantId(), id);
    }

    @GetMapping("/{id}/map")
    @Operation(summary = "The journey map: steps in order with pain points, opportunities and the experience curve")
    MapJson map(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "A published version number; without it the journey as it is now")
            @RequestParam(required = false) Integer version,
            @Parameter(description = "Only the steps and lived journeys of this persona or segment")
            @RequestParam(required = false) UUID persona) {
        Locale locale = LocaleContextHolder.getLocale();
        JourneyMap map = maps.map(tenant.tenantId(), id, version, persona, locale);
        List<MapStepJson> steps = map.phases().stream().flatMap(p -> p.steps().stream().map(r -> new MapStepJson(r.number(),
                p.phase().name(), r.step().id(), r.step().title(), r.step().channel(), r.step().need(),
                r.insights().stream().map(i -> i.title()).toList(), r.opportunities().stream().map(o -> o.title()).toList(),
                r.livedAverage(), r.livedCount(), r.score() == null ? null : r.score().mean(),
                r.score() == null ? null : r.score().positiveShare(), r.score() == null ? null : r.score().respondents(),
                r.score() == null ? null : r.score().suppressed(), r.step().serviceId(),
                r.serviceScore() == null ? null : r.serviceScore().mean(),
                r.serviceScore() == null ? null : r.serviceScore().positiveShare(),
                r.serviceScore() == null ? null : r.serviceScore().respondents(),
                r.serviceScore() == null ? null : r.serviceScore().suppressed(),
                r.kpis().stream().map(KpiFigureJson::of).toList()))).toList();
        return new MapJson(id, map.content().name(), version, persona, map.lived().size(), steps);
    }

    @PostMapping("/{id}/steps")
    @PreAuthorize(EDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a step at the end of its phase")
    @ApiResponse(responseCode = "400", description = "A problem in the step; nothing changed")
    StepJson addStep(TenantContext tenant, @PathVariable UUID id, @RequestBody StepRequest r) {
        return StepJson.of(maps.addStep(tenant, id, new Step(null, r.phaseId(), r.title() == null ? "" : r.title(), r.channel(),
                r.ownerTeamId(), r.duration(), r.need(), r.personaIds(), r.insightIds(), null, r.serviceId())));
    }

    @PostMapping("/{id}/steps/{stepId}/move")
    @PreAuthorize(EDIT)
    @Operation(summary = "Move a step one place up or down within its phase")
    List<StepJson> move(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @Parameter(description = "up or down") @RequestParam String direction) {
        return maps.moveStep(tenant, id, stepId, "up".equals(direction) ? -1 : 1).content().orderedSteps().stream()
                .map(StepJson::of).toList();
    }

    @PutMapping("/{id}/steps/{stepId}/question")
    @PreAuthorize(EDIT)
    @Operation(summary = "Link a survey question to a step (both fields empty: remove the link)")
    StepJson linkQuestion(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId,
            @RequestBody QuestionRequest r) {
        return StepJson.of(maps.linkQuestion(tenant, id, stepId, r.questionnaireId(), r.questionKey()));
    }

    @PutMapping("/{id}/steps/{stepId}/kpis")
    @PreAuthorize(EDIT)
    @Operation(summary = "Link KPIs of the catalogue to a step (an empty list removes every link)")
    @ApiResponse(responseCode = "400", description = "A KPI that is not in the catalogue; nothing changed")
    StepJson linkKpis(TenantContext tenant, @PathVariable UUID id, @PathVariable String stepId, @RequestBody KpisRequest r) {
        return StepJson.of(maps.linkKpis(tenant, id, stepId, r.kpiIds()));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The published versions, newest first")
    List<VersionJson> versions(TenantContext tenant, @PathVariable UUID id) {
        return maps.versions(tenant.tenantId(), id).stream().map(VersionJson::of).toList();
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize(EDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the journey as it is now as the next version")
    VersionJson publish(TenantContext tenant, @PathVariable UUID id, @RequestBody(required = false) PublishRequest r) {
        return VersionJson.of(maps.publish(tenant, id, r == null ? null : r.note()));
    }

    @GetMapping("/{id}/lived")
    @Operation(summary = "The lived journeys recorded for this journey")
    List<LivedJson> lived(TenantContext tenant, @PathVariable UUID id) {
        return maps.livedJourneys(tenant.tenantId(), id).stream().map(LivedJson::of).toList();
    }

    @PostMapping("/{id}/lived")
    @PreAuthorize(EDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a lived journey (participant by pseudonym)")
    @ApiResponse(responseCode = "400", description = "A problem in the input; nothing was recorded")
    LivedJson record(TenantContext tenant, @PathVariable UUID id, @RequestBody LivedRequest r) {
        List<StepExperience> experiences = r.experiences() == null ? List.of() : r.experiences().stream()
                .map(e -> new StepExperience(e.stepId(), e.experience(), e.quote())).toList();
        return LivedJson.of(maps.recordLived(tenant, id, r.participant(), r.personaId(), r.method(), r.recordedOn(), experiences));
    }

    @GetMapping("/opportunities")
    @Operation(summary = "The opportunities of all journeys, sorted by promise (default) or by journey")
    List<OpportunityJson> opportunities(TenantContext tenant,
            @Parameter(description = "promise or journey") @RequestParam(defaultValue = "promise") String sort) {
        return maps.opportunities(tenant.tenantId(), !"journey".equals(sort)).stream()
                .map(o -> new OpportunityJson(o.journeyId(), o.journeyName(), o.opportunity().id(), o.opportunity().title(),
                        o.opportunity().description(), o.opportunity().stepIds(), o.opportunity().promiseCodes()))
                .toList();
    }
}
