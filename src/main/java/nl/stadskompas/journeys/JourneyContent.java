// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The designed ("shadow") journey as the organisation draws it: its phases in order, the steps in
 * order (each in one phase), and the opportunities found on it. Kept as one document, so that a
 * version is a frozen copy of it. Values, never changed in place: every change makes a new one.
 *
 * @param clusterId the cluster it belongs to, or null
 * @param ownerTeamId the team that owns the journey (organisation module), or null
 * @param serviceIds the services the journey involves (organisation module)
 * @param personaIds the personas and segments the journey concerns
 */
public record JourneyContent(String name, String description, UUID clusterId, UUID ownerTeamId, List<UUID> serviceIds,
        List<UUID> personaIds, List<Phase> phases, List<Step> steps, List<Opportunity> opportunities) {

    public JourneyContent {
        serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
        personaIds = personaIds == null ? List.of() : List.copyOf(personaIds);
        phases = phases == null ? List.of() : List.copyOf(phases);
        steps = steps == null ? List.of() : List.copyOf(steps);
        opportunities = opportunities == null ? List.of() : List.copyOf(opportunities);
    }

    /** The standard phases of a resident's journey, plus coping with a setback. */
    public static List<Phase> standardPhases() {
        return List.of(new Phase("awareness", "Bewust worden", false),
                new Phase("orientation", "Oriënteren", false),
                new Phase("preparation", "Voorbereiden", false),
                new Phase("application", "Aanvragen", false),
                new Phase("use", "Gebruiken of wijzigen", false),
                new Phase("stopping", "Stoppen", false),
                new Phase("setback", "Omgaan met een tegenvaller", true));
    }

    public static JourneyContent start(String name, String description, UUID clusterId, UUID ownerTeamId) {
        return new JourneyContent(name, description, clusterId, ownerTeamId, List.of(), List.of(), standardPhases(),
                List.of(), List.of());
    }

    public Optional<Phase> phase(String id) {
        return phases.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Opportunity> opportunity(String id) {
        return opportunities.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The steps of one phase, in order. */
    public List<Step> stepsIn(String phaseId) {
        return steps.stream().filter(s -> s.phaseId().equals(phaseId)).toList();
    }

    /** The steps in map order: phase by phase, and within a phase in their own order. */
    public List<Step> orderedSteps() {
        List<Step> ordered = new ArrayList<>();
        phases.forEach(p -> ordered.addAll(stepsIn(p.id())));
        return ordered;
    }

    public JourneyContent withHeader(String name, String description, UUID clusterId, UUID ownerTeamId,
            List<UUID> serviceIds, List<UUID> personaIds) {
        return new JourneyContent(name, description, clusterId, ownerTeamId, serviceIds, personaIds, phases, steps,
                opportunities);
    }

    public JourneyContent withPhases(List<Phase> phases) {
        return new JourneyContent(name, description, clusterId, ownerTeamId, serviceIds, personaIds, phases, steps,
                opportunities);
    }

    public JourneyContent withSteps(List<Step> steps) {
        return new JourneyContent(name, description, clusterId, ownerTeamId, serviceIds, personaIds, phases, steps,
                opportunities);
    }

    public JourneyContent withOpportunities(List<Opportunity> opportunities) {
        return new JourneyContent(name, description, clusterId, ownerTeamId, serviceIds, personaIds, phases, steps,
                opportunities);
    }

    /** A new id for a step or opportunity, unique within this journey. */
    public String nextId(String prefix) {
        int n = 1;
        while (true) {
            String candidate = prefix + n;
            if (step(candidate).isEmpty() && opportunity(candidate).isEmpty() && phase(candidate).isEmpty()) {
                return candidate;
            }
            n++;
        }
    }

    /**
     * Moves a step one place up (-1) or down (+1) among the steps of its phase. At the edge of its
     * phase nothing changes.
     */
    public JourneyContent move(String stepId, int direction) {
        Step step = step(stepId).orElseThrow();
        List<Step> inPhase = stepsIn(step.phaseId());
        int at = inPhase.indexOf(step);
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= inPhase.size()) {
            return this;
        }
        Step other = inPhase.get(to);
        List<Step> moved = new ArrayList<>(steps);
        int i = moved.indexOf(step);
        int j = moved.indexOf(other);
        moved.set(i, other);
        moved.set(j, step);
        return withSteps(moved);
    }

    /**
     * A phase of the journey.
     *
     * @param id stable within the journey (for example {@code application})
     * @param setback true for the phase of coping with a setback, drawn apart on the map
     */
    public record Phase(String id, String name, boolean setback) {

        /**
         * True for a standard phase that still has its standard (Dutch) name: pages show it in the
         * reader's language with the message {@code journeys.phase.standard.<id>}. A renamed phase is
         * shown as typed.
         */
        public boolean standard() {
            return standardPhases().stream().anyMatch(p -> p.id().equals(id) && p.name().equals(name));
        }

        /** The message key of a standard phase's name. */
        public String messageKey() {
            return "journeys.phase.standard." + id;
        }
    }

    /**
     * A step of the journey.
     *
     * @param channel the channel (organisation's {@code Channel} name), or null
     * @param ownerTeamId the team that owns the step, or null
     * @param duration the typical duration in words ("2 weeks"), or null
     * @param need the resident's need in their own words ("Ik wil ... zodat ..."), or null
     * @param personaIds the personas and segments this step concerns; empty means all
     * @param insightIds the pain points and insights tied to this step
     * @param question the survey question linked to this step, or null
     * @param serviceId the service (organisation module) whose survey results the step shows, with its
     *        channel, or null
     * @param kpiIds the KPIs of the insights catalogue whose current figure the step shows, for its
     *        service and channel; empty when none (and in documents saved before KPIs could be linked)
     */
    public record Step(String id, String phaseId, String title, String channel, UUID ownerTeamId, String duration,
            String need, List<UUID> personaIds, List<UUID> insightIds, QuestionLink question, UUID serviceId,
            List<UUID> kpiIds) {

        public Step {
            personaIds = personaIds == null ? List.of() : List.copyOf(personaIds);
            insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
            kpiIds = kpiIds == null ? List.of() : List.copyOf(kpiIds);
        }

        /** A step without linked KPIs. */
        public Step(String id, String phaseId, String title, String channel, UUID ownerTeamId, String duration,
                String need, List<UUID> personaIds, List<UUID> insightIds, QuestionLink question, UUID serviceId) {
            this(id, phaseId, title, channel, ownerTeamId, duration, need, personaIds, insightIds, question, serviceId,
                    List.of());
        }

        /** A step not linked to a service. */
        public Step(String id, String phaseId, String title, String channel, UUID ownerTeamId, String duration,
                String need, List<UUID> personaIds, List<UUID> insightIds, QuestionLink question) {
            this(id, phaseId, title, channel, ownerTeamId, duration, need, personaIds, insightIds, question, null, List.of());
        }

        /** True when the step concerns the persona (or all personas). */
        public boolean concerns(UUID personaId) {
            return personaId == null || personaIds.isEmpty() || personaIds.contains(personaId);
        }

        public Step withQuestion(QuestionLink link) {
            return new Step(id, phaseId, title, channel, ownerTeamId, duration, need, personaIds, insightIds, link, serviceId,
                    kpiIds);
        }

        public Step withKpis(List<UUID> kpis) {
            return new Step(id, phaseId, title, channel, ownerTeamId, duration, need, personaIds, insightIds, question,
                    serviceId, kpis);
        }
    }

    /** A survey question linked to a step: a question of a questionnaire, by key. */
    public record QuestionLink(UUID questionnaireId, String questionKey) {

        public QuestionLink {
            Objects.requireNonNull(questionnaireId);
            Objects.requireNonNull(questionKey);
        }
    }

    /**
     * An opportunity to improve, on one or more steps, serving promises of the service framework.
     *
     * @param promiseCodes codes of the framework's promises it serves
     */
    public record Opportunity(String id, String title, String description, List<String> stepIds,
            List<String> promiseCodes, List<Solution> solutions) {

        public Opportunity {
            stepIds = stepIds == null ? List.of() : List.copyOf(stepIds);
            promiseCodes = promiseCodes == null ? List.of() : List.copyOf(promiseCodes);
            solutions = solutions == null ? List.of() : List.copyOf(solutions);
        }
    }

    /** A possible solution for an opportunity. */
    public record Solution(String title, String description) {
    }
}
