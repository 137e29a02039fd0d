// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Phase;
import nl.stadskompas.journeys.JourneyContent.Solution;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * What makes a designed journey valid in a tenant: texts filled in and not too long, phases and
 * steps with unique ids, and every reference (team, service, persona, pain point, promise) known.
 * Field names are those of the JSON file ({@code steps[2].title}); pages drop the prefix.
 */
@Component
class JourneyRules {

    static final int NAME = 200;
    static final int TEXT = 2000;
    static final int SHORT = 100;
    static final int NEED = 500;

    private final OrganisationCatalogue catalogue;
    private final FrameworkEditing framework;
    private final JourneyStore store;

    JourneyRules(OrganisationCatalogue catalogue, FrameworkEditing framework, JourneyStore store) {
        this.catalogue = catalogue;
        this.framework = framework;
        this.store = store;
    }

    /** The codes of the promises in the tenant's framework (current and latest published version). */
    Set<String> promiseCodes(UUID tenantId) {
        Set<String> codes = new HashSet<>();
        framework.current(tenantId).map(FrameworkVersion::content).ifPresent(c -> c.promises().forEach(p -> codes.add(p.code())));
        framework.latestPublished(tenantId).map(FrameworkVersion::content)
                .ifPresent(c -> c.promises().forEach(p -> codes.add(p.code())));
        return codes;
    }

    List<FieldProblem> check(UUID tenantId, JourneyContent c) {
        Context context = new Context(tenantId);
        List<FieldProblem> problems = new ArrayList<>(header(context, c));
        problems.addAll(phases(c.phases()));
        for (int i = 0; i < c.steps().size(); i++) {
            problems.addAll(step(context, c, c.steps().get(i), "steps[" + i + "]."));
        }
        Set<String> stepIds = new HashSet<>();
        for (int i = 0; i < c.steps().size(); i++) {
            if (!stepIds.add(c.steps().get(i).id())) {
                problems.add(new FieldProblem("steps[" + i + "].id", "journeys.error.duplicateId", c.steps().get(i).id()));
            }
        }
        for (int i = 0; i < c.opportunities().size(); i++) {
            problems.addAll(opportunity(context, c, c.opportunities().get(i), "opportunities[" + i + "]."));
        }
        return problems;
    }

    List<FieldProblem> header(UUID tenantId, JourneyContent c) {
        return header(new Context(tenantId), c);
    }

    private List<FieldProblem> header(Context context, JourneyContent c) {
        List<FieldProblem> p = new ArrayList<>();
        text(p, "name", c.name(), NAME, true);
        text(p, "description", c.description(), TEXT, false);
        if (c.clusterId() != null && !context.clusters().contains(c.clusterId())) {
            p.add(new FieldProblem("clusterId", "journeys.error.unknownCluster"));
        }
        if (c.ownerTeamId() != null && !context.teams().contains(c.ownerTeamId())) {
            p.add(new FieldProblem("ownerTeamId", "journeys.error.unknownTeam"));
        }
        if (!context.services().containsAll(c.serviceIds())) {
            p.add(new FieldProblem("serviceIds", "journeys.error.unknownService"));
        }
        if (!context.personas().containsAll(c.personaIds())) {
            p.add(new FieldProblem("personaIds", "journeys.error.unknownPersona"));
        }
        return p;
    }

    List<FieldProblem> phases(List<Phase> phases) {
        List<FieldProblem> p = new ArrayList<>();
        if (phases.isEmpty()) {
            p.add(new FieldProblem("phases", "journeys.error.noPhases"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String prefix = "phases[" + i + "].";
            if (phase.id() == null || phase.id().isBlank()) {
                p.add(new FieldProblem(prefix + "id", "journeys.error.required"));
            } else if (!ids.add(phase.id())) {
                p.add(new FieldProblem(prefix + "id", "journeys.error.duplicateId", phase.id()));
            }
            text(p, prefix + "name", phase.name(), SHORT, true);
        }
        return p;
    }

    List<FieldProblem> step(UUID tenantId, JourneyContent c, Step s) {
        return step(new Context(tenantId), c, s, "");
    }

    private List<FieldProblem> step(Context context, JourneyContent c, Step s, String prefix) {
        List<FieldProblem> p = new ArrayList<>();
        if (s.id() == null || s.id().isBlank()) {
            p.add(new FieldProblem(prefix + "id", "journeys.error.required"));
        }
        if (s.phaseId() == null || c.phase(s.phaseId()).isEmpty()) {
            p.add(new FieldProblem(prefix + "phaseId", "journeys.error.unknownPhase"));
        }
        text(p, prefix + "title", s.title(), NAME, true);
        if (s.channel() != null && !s.channel().isBlank() && !channels().contains(s.channel())) {
            p.add(new FieldProblem(prefix + "channel", "journeys.error.unknownChannel"));
        }
        if (s.ownerTeamId() != null && !context.teams().contains(s.ownerTeamId())) {
            p.add(new FieldProblem(prefix + "ownerTeamId", "journeys.error.unknownTeam"));
        }
        if (s.serviceId() != null && !context.services().contains(s.serviceId())) {
            p.add(new FieldProblem(prefix + "serviceId", "journeys.error.unknownStepService"));
        }
        text(p, prefix + "duration", s.duration(), SHORT, false);
        text(p, prefix + "need", s.need(), NEED, false);
        if (!context.personas().containsAll(s.personaIds())) {
            p.add(new FieldProblem(prefix + "personaIds", "journeys.error.unknownPersona"));
        }
        if (!context.insights().containsAll(s.insightIds())) {
            p.add(new FieldProblem(prefix + "insightIds", "journeys.error.unknownInsight"));
        }
        if (s.question() != null && s.question().questionKey().length() > SHORT) {
            p.add(new FieldProblem(prefix + "question", "journeys.error.unknownQuestion"));
        }
        return p;
    }

    List<FieldProblem> opportunity(UUID tenantId, JourneyContent c, Opportunity o) {
        return opportunity(new Context(tenantId), c, o, "");
    }

    private List<FieldProblem> opportunity(Context context, JourneyContent c, Opportunity o, String prefix) {
        List<FieldProblem> p = new ArrayList<>();
        if (o.id() == null || o.id().isBlank()) {
            p.add(new FieldProblem(prefix + "id", "journeys.error.required"));
        }
        text(p, prefix + "title", o.title(), NAME, true);
        text(p, prefix + "description", o.description(), TEXT, false);
        if (o.stepIds().isEmpty()) {
            p.add(new FieldProblem(prefix + "stepIds", "journeys.error.noSteps"));
        }
        for (String stepId : o.stepIds()) {
            if (c.step(stepId).isEmpty()) {
                p.add(new FieldProblem(prefix + "stepIds", "journeys.error.unknownStep", stepId));
            }
        }
        Set<String> promises = context.promises();
        for (String code : o.promiseCodes()) {
            if (!promises.contains(code)) {
                p.add(new FieldProblem(prefix + "promiseCodes", "journeys.error.unknownPromise", code));
            }
        }
        for (int i = 0; i < o.solutions().size(); i++) {
            Solution s = o.solutions().get(i);
            text(p, prefix + "solutions[" + i + "].title", s.title(), NAME, true);
            text(p, prefix + "solutions[" + i + "].description", s.description(), TEXT, false);
        }
        return p;
    }

    static Set<String> channels() {
        return java.util.Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toSet());
    }

    static void text(List<FieldProblem> p, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(new FieldProblem(field, "journeys.error.required"));
            }
        } else if (value.length() > max) {
            p.add(new FieldProblem(field, "journeys.error.tooLong", max));
        }
    }

    /** What a tenant has, looked up once per check. */
    private final class Context {

        private final UUID tenantId;
        private Set<UUID> teams;
        private Set<UUID> services;
        private Set<UUID> personas;
        private Set<UUID> insights;
        private Set<UUID> clusters;
        private Set<String> promises;

        Context(UUID tenantId) {
            this.tenantId = tenantId;
        }

        Set<UUID> teams() {
            if (teams == null) {
                teams = catalogue.teams(tenantId).stream().map(OrganisationCatalogue.TeamReference::id).collect(Collectors.toSet());
            }
            return teams;
        }

        Set<UUID> services() {
            if (services == null) {
                services = catalogue.services(tenantId).stream().map(OrganisationCatalogue.ServiceReference::id)
                        .collect(Collectors.toSet());
            }
            return services;
        }

        Set<UUID> personas() {
            if (personas == null) {
                personas = store.personas(tenantId).stream().map(Persona::id).collect(Collectors.toSet());
            }
            return personas;
        }

        Set<UUID> insights() {
            if (insights == null) {
                insights = store.insights(tenantId).stream().map(Insight::id).collect(Collectors.toSet());
            }
            return insights;
        }

        Set<UUID> clusters() {
            if (clusters == null) {
                clusters = store.clusters(tenantId).stream().map(Cluster::id).collect(Collectors.toSet());
            }
            return clusters;
        }

        Set<String> promises() {
            if (promises == null) {
                promises = promiseCodes(tenantId);
            }
            return promises;
        }
    }
}
