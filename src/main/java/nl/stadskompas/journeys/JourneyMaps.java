// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Phase;
import nl.stadskompas.journeys.JourneyContent.QuestionLink;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.LivedJourney.StepExperience;
import nl.stadskompas.journeys.spi.QuestionScores;
import nl.stadskompas.journeys.spi.QuestionScores.LinkableQuestion;
import nl.stadskompas.journeys.spi.QuestionScores.Score;
import nl.stadskompas.journeys.spi.ServiceScores;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import nl.stadskompas.insights.KpiFormat;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Period;
import nl.stadskompas.organisation.OrganisationCatalogue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapping journeys: the public API of the module. Every change is checked as a whole before
 * anything is saved; a refused change throws {@link ValidationProblem} and leaves everything as it
 * was. Changing needs {@link Permission#JOURNEYS_EDIT}.
 */
@Service
public class JourneyMaps {

    private final JourneyStore store;
    private final JourneyRules rules;
    private final FrameworkEditing framework;
    private final ObjectProvider<QuestionScores> scores;
    private final ObjectProvider<ServiceScores> serviceScores;
    private final org.springframework.context.MessageSource messages;
    private final OrganisationCatalogue catalogue;
    private final Kpis kpis;

    JourneyMaps(JourneyStore store, JourneyRules rules, FrameworkEditing framework, ObjectProvider<QuestionScores> scores,
            ObjectProvider<ServiceScores> serviceScores, OrganisationCatalogue catalogue,
            org.springframework.context.MessageSource messages, Kpis kpis) {
        this.kpis = kpis;
        this.messages = messages;
        this.serviceScores = serviceScores;
        this.catalogue = catalogue;
        this.store = store;
        this.rules = rules;
        this.framework = framework;
        this.scores = scores;
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<JourneySummary> journeys(UUID tenantId) {
        return store.journeys(tenantId).stream()
                .map(j -> new JourneySummary(j.id(), j.name(), j.content().clusterId(), j.content().ownerTeamId(),
                        j.content().steps().size(), j.publishedVersion(), j.updatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Journey journey(UUID tenantId, UUID journeyId) {
        return store.journey(tenantId, journeyId).orElseThrow(() -> new NotFoundException("journey"));
    }

    @Transactional(readOnly = true)
    public List<Cluster> clusters(UUID tenantId) {
        return store.clusters(tenantId);
    }

    @Transactional(readOnly = true)
    public List<Persona> personas(UUID tenantId) {
        return store.personas(tenantId);
    }

    @Transactional(readOnly = true)
    public List<Insight> insights(UUID tenantId) {
        return store.insights(tenantId);
    }

    @Transactional(readOnly = true)
    public List<JourneyVersion> versions(UUID tenantId, UUID journeyId) {
        journey(tenantId, journeyId);
        return store.versions(tenantId, journeyId);
    }

    @Transactional(readOnly = true)
    public JourneyVersion version(UUID tenantId, UUID journeyId, int number) {
        return store.version(tenantId, journeyId, number).orElseThrow(() -> new NotFoundException("version"));
    }

    @Transactional(readOnly = true)
    public List<LivedJourney> livedJourneys(UUID tenantId, UUID journeyId) {
        journey(tenantId, journeyId);
        return store.lived(tenantId, journeyId);
    }

    /** The promises of the tenant's framework by code, with their titles, in framework order. */
    @Transactional(readOnly = true)
    public Map<String, String> promises(UUID tenantId) {
        Map<String, String> promises = new LinkedHashMap<>();
        framework.latestPublished(tenantId).map(FrameworkVersion::content)
                .ifPresent(c -> c.promises().forEach(p -> promises.put(p.code(), p.title())));
        framework.current(tenantId).map(FrameworkVersion::content)
                .ifPresent(c -> c.promises().forEach(p -> promises.putIfAbsent(p.code(), p.title())));
        return promises;
    }

    /** An opportunity with the journey it was found on. */
    public record OpportunityOnJourney(UUID journeyId, String journeyName, Opportunity opportunity) {
    }

    /**
     * The opportunities of all journeys. Sorted by the first promise they serve (those serving none
     * last), then by journey and title; or by journey when {@code byPromise} is false.
     */
    @Transactional(readOnly = true)
    public List<OpportunityOnJourney> opportunities(UUID tenantId, boolean byPromise) {
        return opportunities(tenantId, byPromise, null);
    }

    /**
     * The opportunities of all journeys, as {@link #opportunities(UUID, boolean)}; for one persona or
     * segment when {@code personaId} is not null: those of journeys that concern it (or everyone) with
     * at least one step that concerns it.
     */
    @Transactional(readOnly = true)
    public List<OpportunityOnJourney> opportunities(UUID tenantId, boolean byPromise, UUID personaId) {
        List<String> promiseOrder = new ArrayList<>(promises(tenantId).keySet());
        List<OpportunityOnJourney> all = new ArrayList<>();
        store.journeys(tenantId).stream()
                .filter(j -> personaId == null || j.content().personaIds().isEmpty() || j.content().personaIds().contains(personaId))
                .forEach(j -> j.content().opportunities().stream()
                        .filter(o -> personaId == null || o.stepIds().stream().anyMatch(
                                s -> j.content().step(s).map(step -> step.concerns(personaId)).orElse(false)))
                        .forEach(o -> all.add(new OpportunityOnJourney(j.id(), j.name(), o))));
        Comparator<OpportunityOnJourney> byJourney = Comparator.comparing(OpportunityOnJourney::journeyName)
                .thenComparing(o -> o.opportunity().title());
        if (byPromise) {
            Comparator<OpportunityOnJourney> promise = Comparator.comparingInt(o -> o.opportunity().promiseCodes().stream()
                    .mapToInt(c -> promiseOrder.contains(c) ? promiseOrder.indexOf(c) : promiseOrder.size())
                    .min().orElse(Integer.MAX_VALUE));
            all.sort(promise.thenComparing(byJourney));
        } else {
            all.sort(byJourney);
        }
        return all;
    }

    /** The questions a step can be linked to; empty when no module contributes survey questions. */
    @Transactional(readOnly = true)
    public List<LinkableQuestion> linkableQuestions(UUID tenantId) {
        QuestionScores source = scores.getIfAvailable();
        return source == null ? List.of() : source.questions(tenantId);
    }

    /** The current survey score of the question linked to a step, if any. */
    @Transactional(readOnly = true)
    public Optional<Score> score(UUID tenantId, QuestionLink link) {
        QuestionScores source = scores.getIfAvailable();
        if (source == null || link == null) {
            return Optional.empty();
        }
        return source.score(tenantId, link.questionnaireId(), link.questionKey());
    }

    /**
     * The current survey score of the service linked to a step, through the step's channel when it has
     * one; for a step with a channel but no service, the score through that channel for all services.
     * Empty when the step has neither, or no module contributes service scores.
     */
    @Transactional(readOnly = true)
    public Optional<Score> serviceScore(UUID tenantId, Step step) {
        ServiceScores source = serviceScores.getIfAvailable();
        if (source == null || (step.serviceId() == null && step.channel() == null)) {
            return Optional.empty();
        }
        return source.serviceScore(tenantId, step.serviceId(), step.channel());
    }

    /**
     * The map of a journey as it is now (version null) or of a published version, for everyone or
     * for one persona or segment.
     */
    @Transactional(readOnly = true)
    public JourneyMap map(UUID tenantId, UUID journeyId, Integer versionNumber, UUID personaId, java.util.Locale locale) {
        Journey journey = journey(tenantId, journeyId);
        JourneyContent content = versionNumber == null ? journey.content()
                : version(tenantId, journeyId, versionNumber).content();
        Map<UUID, Insight> insights = new java.util.HashMap<>();
        store.insights(tenantId).forEach(i -> insights.put(i.id(), i));
        Map<UUID, String> teams = new java.util.HashMap<>();
        catalogue.teams(tenantId).forEach(t -> teams.put(t.id(), t.name()));
        Map<UUID, String> services = new java.util.HashMap<>();
        if (content.steps().stream().anyMatch(s -> s.serviceId() != null)) {
            catalogue.services(tenantId).forEach(s -> services.put(s.id(), s.name()));
        }
        List<LivedJourney> lived = store.lived(tenantId, journeyId).stream()
                .filter(l -> personaId == null || personaId.equals(l.personaId())).toList();
        Map<String, String> questionLabels = new java.util.HashMap<>();
        boolean anyLinked = content.steps().stream().anyMatch(s -> s.question() != null);
        if (anyLinked) {
            linkableQuestions(tenantId).forEach(q -> questionLabels.put(q.questionnaireId() + "/" + q.questionKey(),
                    q.questionnaireName() + ": " + q.label(locale)));
        }
        List<JourneyMap.PhaseColumn> phases = new ArrayList<>();
        int number = 0;
        for (Phase phase : content.phases()) {
            List<JourneyMap.StepRow> rows = new ArrayList<>();
            for (Step step : content.stepsIn(phase.id())) {
                if (!step.concerns(personaId)) {
                    continue;
                }
                number++;
                List<LivedJourney.Experience> experiences = new ArrayList<>();
                List<String> quotes = new ArrayList<>();
                int sum = 0;
                int count = 0;
                for (LivedJourney l : lived) {
                    Optional<StepExperience> e = l.experience(step.id());
                    experiences.add(e.map(StepExperience::experience).orElse(null));
                    quotes.add(e.map(StepExperience::quote).orElse(null));
                    if (e.isPresent() && e.get().experience() != null) {
                        sum += e.get().experience().value();
                        count++;
                    }
                }
                QuestionLink link = step.question();
                Score score = link == null ? null : score(tenantId, link).orElse(null);
                String label = link == null ? null
                        : questionLabels.getOrDefault(link.questionnaireId() + "/" + link.questionKey(), link.questionKey());
                rows.add(new JourneyMap.StepRow(number, step, teams.get(step.ownerTeamId()),
                        step.insightIds().stream().map(insights::get).filter(java.util.Objects::nonNull).toList(),
                        content.opportunities().stream().filter(o -> o.stepIds().contains(step.id())).toList(),
                        experiences, quotes, count == 0 ? null : (double) sum / count, count, label, score,
                        step.serviceId() == null ? null : services.get(step.serviceId()),
                        serviceScore(tenantId, step).orElse(null), kpiFigures(tenantId, step, locale)));
            }
            phases.add(new JourneyMap.PhaseColumn(inLanguage(phase, locale), rows));
        }
        return new JourneyMap(journey, content, versionNumber, personaId, phases, lived, teams.get(content.ownerTeamId()));
    }

    /** A standard phase with its name in the reader's language; any other phase as it is. */
    Phase inLanguage(Phase phase, java.util.Locale locale) {
        if (!phase.standard()) {
            return phase;
        }
        return new Phase(phase.id(), messages.getMessage(phase.messageKey(), null, phase.name(), locale), phase.setback());
    }

    // --- clusters, personas, pain points -----------------------------------------------------------

    @Transactional
    public Cluster addCluster(TenantContext tenant, String name, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        refuse(clusterProblems(tenant.tenantId(), null, name, description));
        Cluster cluster = new Cluster(UUID.randomUUID(), tenant.tenantId(), name.strip(), blankToNull(description));
        store.insert(cluster);
        return cluster;
    }

    @Transactional
    public Cluster changeCluster(TenantContext tenant, UUID clusterId, String name, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        cluster(tenant.tenantId(), clusterId);
        refuse(clusterProblems(tenant.tenantId(), clusterId, name, description));
        Cluster cluster = new Cluster(clusterId, tenant.tenantId(), name.strip(), blankToNull(description));
        store.update(cluster);
        return cluster;
    }

    /**
     * Deletes a cluster. A cluster that journeys still belong to is not deleted: the problem names
     * those journeys, so the editor can move them first.
     */
    @Transactional
    public void removeCluster(TenantContext tenant, UUID clusterId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        cluster(tenant.tenantId(), clusterId);
        refuseInUse(store.journeys(tenant.tenantId()).stream().filter(j -> clusterId.equals(j.content().clusterId()))
                .map(Journey::name).toList());
        store.deleteCluster(tenant.tenantId(), clusterId);
    }

    @Transactional(readOnly = true)
    public Cluster cluster(UUID tenantId, UUID clusterId) {
        return store.clusters(tenantId).stream().filter(c -> c.id().equals(clusterId)).findFirst()
                .orElseThrow(() -> new NotFoundException("cluster"));
    }

    private List<FieldProblem> clusterProblems(UUID tenantId, UUID self, String name, String description) {
        List<FieldProblem> p = new ArrayList<>();
        JourneyRules.text(p, "name", name, JourneyRules.NAME, true);
        JourneyRules.text(p, "description", description, JourneyRules.TEXT, false);
        if (p.stream().noneMatch(x -> "name".equals(x.field())) && store.clusters(tenantId).stream()
                .anyMatch(c -> !c.id().equals(self) && c.name().equalsIgnoreCase(name.strip()))) {
            p.add(new FieldProblem("name", "journeys.error.nameTaken"));
        }
        return p;
    }

    @Transactional
    public Persona addPersona(TenantContext tenant, Persona.Kind kind, String name, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        refuse(personaProblems(tenant.tenantId(), null, kind, name, description));
        Persona persona = new Persona(UUID.randomUUID(), tenant.tenantId(), kind, name.strip(), blankToNull(description));
        store.insert(persona);
        return persona;
    }

    @Transactional
    public Persona changePersona(TenantContext tenant, UUID personaId, Persona.Kind kind, String name, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        persona(tenant.tenantId(), personaId);
        refuse(personaProblems(tenant.tenantId(), personaId, kind, name, description));
        Persona persona = new Persona(personaId, tenant.tenantId(), kind, name.strip(), blankToNull(description));
        store.update(persona);
        return persona;
    }

    /**
     * Deletes a persona or segment. One that a journey, a step or a lived journey still names is not
     * deleted: the problem names those journeys.
     */
    @Transactional
    public void removePersona(TenantContext tenant, UUID personaId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        persona(tenant.tenantId(), personaId);
        List<Journey> journeys = store.journeys(tenant.tenantId());
        List<String> users = new ArrayList<>(journeys.stream().filter(j -> j.content().personaIds().contains(personaId)
                || j.content().steps().stream().anyMatch(s -> s.personaIds().contains(personaId))).map(Journey::name).toList());
        store.livedOfPersona(tenant.tenantId(), personaId).forEach(l -> journeys.stream()
                .filter(j -> j.id().equals(l.journeyId())).findFirst().ifPresent(j -> users.add(j.name())));
        refuseInUse(users);
        store.deletePersona(tenant.tenantId(), personaId);
    }

    @Transactional(readOnly = true)
    public Persona persona(UUID tenantId, UUID personaId) {
        return store.personas(tenantId).stream().filter(x -> x.id().equals(personaId)).findFirst()
                .orElseThrow(() -> new NotFoundException("persona"));
    }

    private List<FieldProblem> personaProblems(UUID tenantId, UUID self, Persona.Kind kind, String name, String description) {
        List<FieldProblem> p = new ArrayList<>();
        if (kind == null) {
            p.add(new FieldProblem("kind", "journeys.error.required"));
        }
        JourneyRules.text(p, "name", name, JourneyRules.NAME, true);
        JourneyRules.text(p, "description", description, JourneyRules.TEXT, false);
        if (p.stream().noneMatch(x -> "name".equals(x.field())) && store.personas(tenantId).stream()
                .anyMatch(x -> !x.id().equals(self) && x.name().equalsIgnoreCase(name.strip()))) {
            p.add(new FieldProblem("name", "journeys.error.nameTaken"));
        }
        return p;
    }

    @Transactional
    public Insight addInsight(TenantContext tenant, Insight.Kind kind, String title, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        refuse(insightProblems(kind, title, description));
        Insight insight = new Insight(UUID.randomUUID(), tenant.tenantId(), kind, title.strip(), blankToNull(description));
        store.insert(insight);
        return insight;
    }

    @Transactional
    public Insight changeInsight(TenantContext tenant, UUID insightId, Insight.Kind kind, String title, String description) {
        tenant.require(Permission.JOURNEYS_EDIT);
        insight(tenant.tenantId(), insightId);
        refuse(insightProblems(kind, title, description));
        Insight insight = new Insight(insightId, tenant.tenantId(), kind, title.strip(), blankToNull(description));
        store.update(insight);
        return insight;
    }

    /**
     * Deletes a pain point or insight. One that steps still carry is not deleted: the problem names
     * the journeys of those steps.
     */
    @Transactional
    public void removeInsight(TenantContext tenant, UUID insightId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        insight(tenant.tenantId(), insightId);
        refuseInUse(store.journeys(tenant.tenantId()).stream()
                .filter(j -> j.content().steps().stream().anyMatch(s -> s.insightIds().contains(insightId)))
                .map(Journey::name).toList());
        store.deleteInsight(tenant.tenantId(), insightId);
    }

    @Transactional(readOnly = true)
    public Insight insight(UUID tenantId, UUID insightId) {
        return store.insights(tenantId).stream().filter(x -> x.id().equals(insightId)).findFirst()
                .orElseThrow(() -> new NotFoundException("insight"));
    }

    private static List<FieldProblem> insightProblems(Insight.Kind kind, String title, String description) {
        List<FieldProblem> p = new ArrayList<>();
        if (kind == null) {
            p.add(new FieldProblem("kind", "journeys.error.required"));
        }
        JourneyRules.text(p, "title", title, JourneyRules.NAME, true);
        JourneyRules.text(p, "description", description, JourneyRules.TEXT, false);
        return p;
    }

    private static void refuseInUse(List<String> journeyNames) {
        if (!journeyNames.isEmpty()) {
            throw ValidationProblem.of(null, "journeys.error.stillUsed",
                    String.join(", ", journeyNames.stream().distinct().sorted().toList()));
        }
    }

    // --- journeys ----------------------------------------------------------------------------------

    /** Starts a journey with the standard phases, or with the given content when not null. */
    @Transactional
    public Journey create(TenantContext tenant, JourneyContent content) {
        tenant.require(Permission.JOURNEYS_EDIT);
        refuse(rules.check(tenant.tenantId(), content));
        Journey journey = new Journey(UUID.randomUUID(), tenant.tenantId(), tidy(content), null, JourneyStore.now(),
                tenant.username(), 0);
        store.insert(journey);
        return journey;
    }

    /** Changes the designed journey as a whole; the result is checked before it is saved. */
    @Transactional
    public Journey change(TenantContext tenant, UUID journeyId, UnaryOperator<JourneyContent> change) {
        tenant.require(Permission.JOURNEYS_EDIT);
        Journey journey = journey(tenant.tenantId(), journeyId);
        JourneyContent changed = change.apply(journey.content());
        refuse(rules.check(tenant.tenantId(), changed));
        Journey saved = new Journey(journey.id(), journey.tenantId(), tidy(changed), journey.publishedVersion(),
                JourneyStore.now(), tenant.username(), journey.rowVersion());
        store.update(saved);
        return new Journey(saved.id(), saved.tenantId(), saved.content(), saved.publishedVersion(), saved.updatedAt(),
                saved.updatedBy(), saved.rowVersion() + 1);
    }

    @Transactional
    public Journey describe(TenantContext tenant, UUID journeyId, String name, String description, UUID clusterId,
            UUID ownerTeamId, List<UUID> serviceIds, List<UUID> personaIds) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        JourneyContent changed = current.withHeader(name, description, clusterId, ownerTeamId, serviceIds, personaIds);
        refuse(rules.header(tenant.tenantId(), changed));
        return change(tenant, journeyId, c -> changed);
    }

    @Transactional
    public void delete(TenantContext tenant, UUID journeyId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        journey(tenant.tenantId(), journeyId);
        store.delete(tenant.tenantId(), journeyId);
    }

    /** A copy to start from: the designed map without versions or lived journeys. */
    @Transactional
    public Journey copy(TenantContext tenant, UUID journeyId, String name) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent source = journey(tenant.tenantId(), journeyId).content();
        JourneyContent copy = source.withHeader(name, source.description(), source.clusterId(), source.ownerTeamId(),
                source.serviceIds(), source.personaIds());
        List<FieldProblem> p = rules.header(tenant.tenantId(), copy);
        refuse(p);
        return create(tenant, copy);
    }

    // --- phases and steps ---------------------------------------------------------------------------

    @Transactional
    public Journey renamePhases(TenantContext tenant, UUID journeyId, List<Phase> phases) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        List<FieldProblem> p = new ArrayList<>(rules.phases(phases));
        for (Phase old : current.phases()) {
            if (phases.stream().noneMatch(x -> x.id().equals(old.id())) && !current.stepsIn(old.id()).isEmpty()) {
                // named as the reader sees it: a standard phase in the page's language
                p.add(new FieldProblem("phases", "journeys.error.phaseHasSteps",
                        inLanguage(old, LocaleContextHolder.getLocale()).name()));
            }
        }
        refuse(p);
        return change(tenant, journeyId, c -> c.withPhases(phases));
    }

    /** Adds a step at the end of its phase; the step's id is chosen here. */
    @Transactional
    public Step addStep(TenantContext tenant, UUID journeyId, Step step) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Step added = new Step(current.nextId("s"), step.phaseId(), step.title(), step.channel(), step.ownerTeamId(),
                step.duration(), step.need(), step.personaIds(), step.insightIds(), step.question(), step.serviceId(),
                step.kpiIds());
        refuse(rules.step(tenant.tenantId(), current, added));
        refuse(kpiProblems(tenant.tenantId(), added.kpiIds()));
        List<Step> steps = new ArrayList<>(current.steps());
        steps.add(added);
        change(tenant, journeyId, c -> c.withSteps(steps));
        return added;
    }

    @Transactional
    public Step changeStep(TenantContext tenant, UUID journeyId, String stepId, Step step) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Step old = current.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        Step changed = new Step(stepId, step.phaseId(), step.title(), step.channel(), step.ownerTeamId(), step.duration(),
                step.need(), step.personaIds(), step.insightIds(), old.question(), step.serviceId(), old.kpiIds());
        refuse(rules.step(tenant.tenantId(), current, changed));
        List<Step> steps = new ArrayList<>(current.steps());
        if (old.phaseId().equals(changed.phaseId())) {
            steps.set(steps.indexOf(old), changed);
        } else {
            steps.remove(old);
            steps.add(changed);
        }
        change(tenant, journeyId, c -> c.withSteps(steps));
        return changed;
    }

    /** Removes a step, and takes it out of the opportunities that named it. */
    @Transactional
    public void removeStep(TenantContext tenant, UUID journeyId, String stepId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Step old = current.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        for (Opportunity o : current.opportunities()) {
            if (o.stepIds().equals(List.of(stepId))) {
                throw ValidationProblem.of(null, "journeys.error.stepHasOpportunity", o.title());
            }
        }
        List<Step> steps = new ArrayList<>(current.steps());
        steps.remove(old);
        List<Opportunity> opportunities = current.opportunities().stream()
                .map(o -> new Opportunity(o.id(), o.title(), o.description(),
                        o.stepIds().stream().filter(s -> !s.equals(stepId)).toList(), o.promiseCodes(), o.solutions()))
                .toList();
        change(tenant, journeyId, c -> c.withSteps(steps).withOpportunities(opportunities));
    }

    /** Moves a step one place up (negative) or down (positive) within its phase. */
    @Transactional
    public Journey moveStep(TenantContext tenant, UUID journeyId, String stepId, int direction) {
        tenant.require(Permission.JOURNEYS_EDIT);
        journey(tenant.tenantId(), journeyId).content().step(stepId).orElseThrow(() -> new NotFoundException("step"));
        return change(tenant, journeyId, c -> c.move(stepId, direction));
    }

    /**
     * Links a survey question to a step (or unlinks it when {@code questionKey} is null), so the step
     * shows how residents rate it now.
     */
    @Transactional
    public Step linkQuestion(TenantContext tenant, UUID journeyId, String stepId, UUID questionnaireId, String questionKey) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Step old = current.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        QuestionLink link = null;
        if (questionnaireId != null || (questionKey != null && !questionKey.isBlank())) {
            boolean known = questionnaireId != null && linkableQuestions(tenant.tenantId()).stream()
                    .anyMatch(q -> q.questionnaireId().equals(questionnaireId) && q.questionKey().equals(questionKey));
            if (!known) {
                throw ValidationProblem.of("question", "journeys.error.unknownQuestion");
            }
            link = new QuestionLink(questionnaireId, questionKey);
        }
        Step linked = old.withQuestion(link);
        List<Step> steps = new ArrayList<>(current.steps());
        steps.set(steps.indexOf(old), linked);
        change(tenant, journeyId, c -> c.withSteps(steps));
        return linked;
    }

    /**
     * Links KPIs of the insights catalogue to a step (an empty list removes every link), so the step
     * shows their current figures for its service and channel. A KPI that is not in the catalogue
     * is refused and nothing changes.
     */
    @Transactional
    public Step linkKpis(TenantContext tenant, UUID journeyId, String stepId, List<UUID> kpiIds) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Step old = current.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        List<UUID> ids = kpiIds == null ? List.of() : kpiIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        refuse(kpiProblems(tenant.tenantId(), ids));
        Step linked = old.withKpis(ids);
        List<Step> steps = new ArrayList<>(current.steps());
        steps.set(steps.indexOf(old), linked);
        change(tenant, journeyId, c -> c.withSteps(steps));
        return linked;
    }

    private List<FieldProblem> kpiProblems(UUID tenantId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<UUID> known = new java.util.HashSet<>();
        kpis.kpis(tenantId).forEach(k -> known.add(k.id()));
        return known.containsAll(ids) ? List.of() : List.of(new FieldProblem("kpiIds", "journeys.error.unknownKpi"));
    }

    /** The KPIs of the catalogue that a step can be linked to. */
    @Transactional(readOnly = true)
    public List<Kpis.Kpi> linkableKpis(UUID tenantId) {
        return kpis.kpis(tenantId);
    }

    /**
     * The current figures (this quarter) of the KPIs linked to a step, for the step's service and
     * channel; a figure of fewer observations than the minimum group is suppressed. A KPI that was
     * removed from the catalogue is left out.
     */
    @Transactional(readOnly = true)
    public List<StepKpi> kpiFigures(UUID tenantId, Step step, java.util.Locale locale) {
        if (step.kpiIds().isEmpty()) {
            return List.of();
        }
        Map<UUID, Kpis.Kpi> catalogue = new java.util.HashMap<>();
        kpis.kpis(tenantId).forEach(k -> catalogue.put(k.id(), k));
        List<UUID> linked = step.kpiIds().stream().filter(catalogue::containsKey).toList();
        if (linked.isEmpty()) {
            return List.of();
        }
        Period period = kpis.period(null);
        Kpis.Filter filter = new Kpis.Filter(null, step.serviceId(), step.channel(), null);
        KpiFormat format = new KpiFormat(messages, locale, kpis.minimumGroup());
        String scope = kpiScope(tenantId, step, locale);
        List<StepKpi> result = new ArrayList<>();
        for (UUID id : linked) {
            Kpis.Kpi kpi = catalogue.get(id);
            Kpis.KpiFigures f = kpis.figures(tenantId, id, period, filter, null, 2, locale);
            Kpis.Figure current = f.current();
            Double value = current.shown() ? Kpis.display(kpi, current.value()) : null;
            Double target = f.target() == null ? null : f.target().value();
            String name = kpi.name(locale);
            String where = scope + ", " + period.label(locale);
            String text;
            String brief;
            if (current.suppressed()) {
                text = text("journeys.kpi.suppressed", locale, name, where, kpis.minimumGroup());
                brief = text("journeys.kpi.brief.suppressed", locale, name);
            } else if (!current.shown()) {
                text = text("journeys.kpi.none", locale, name, where);
                brief = text("journeys.kpi.brief.none", locale, name);
            } else {
                String figure = format.number(kpi, current.value());
                text = text("journeys.kpi.shown", locale, name, where, figure, current.n());
                brief = name + ": " + figure;
            }
            if (target != null) {
                String goal = format.entered(kpi, target);
                String targetKey = f.targetMet() == null ? "journeys.kpi.target"
                        : f.targetMet() ? "journeys.kpi.target.met" : "journeys.kpi.target.notMet";
                text = text + "; " + text(targetKey, locale, goal);
                brief = brief + " (" + text("journeys.kpi.brief.target", locale, goal) + ")";
            }
            result.add(new StepKpi(id, name, kpi.unit().name(), period.code(), step.serviceId(), step.channel(), value,
                    current.suppressed(), current.shown() ? current.n() : null, target, f.targetMet(), text, brief));
        }
        return result;
    }

    private String kpiScope(UUID tenantId, Step step, java.util.Locale locale) {
        String service = step.serviceId() == null ? null : catalogue.services(tenantId).stream()
                .filter(s -> s.id().equals(step.serviceId())).map(OrganisationCatalogue.ServiceReference::name)
                .findFirst().orElse("?");
        String channel = step.channel() == null ? null
                : messages.getMessage("organisation.channel." + step.channel(), null, step.channel(), locale);
        if (service != null && channel != null) {
            return text("journeys.kpi.scope.serviceChannel", locale, service, channel);
        }
        if (service != null) {
            return text("journeys.kpi.scope.service", locale, service);
        }
        if (channel != null) {
            return text("journeys.kpi.scope.channel", locale, channel);
        }
        return text("journeys.kpi.scope.all", locale);
    }

    private String text(String key, java.util.Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    // --- opportunities ------------------------------------------------------------------------------

    @Transactional
    public Opportunity addOpportunity(TenantContext tenant, UUID journeyId, Opportunity opportunity) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Opportunity added = new Opportunity(current.nextId("o"), opportunity.title(), opportunity.description(),
                opportunity.stepIds(), opportunity.promiseCodes(), opportunity.solutions());
        refuse(rules.opportunity(tenant.tenantId(), current, added));
        List<Opportunity> all = new ArrayList<>(current.opportunities());
        all.add(added);
        change(tenant, journeyId, c -> c.withOpportunities(all));
        return added;
    }

    /** Changes an opportunity as a whole, solutions included; its id stays. */
    @Transactional
    public Opportunity changeOpportunity(TenantContext tenant, UUID journeyId, String opportunityId, Opportunity opportunity) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Opportunity old = current.opportunity(opportunityId).orElseThrow(() -> new NotFoundException("opportunity"));
        Opportunity changed = new Opportunity(opportunityId, opportunity.title(), blankToNull(opportunity.description()),
                opportunity.stepIds(), opportunity.promiseCodes(), opportunity.solutions().stream()
                        .map(x -> new JourneyContent.Solution(x.title() == null ? null : x.title().strip(),
                                blankToNull(x.description())))
                        .toList());
        refuse(rules.opportunity(tenant.tenantId(), current, changed));
        List<Opportunity> all = new ArrayList<>(current.opportunities());
        all.set(all.indexOf(old), changed);
        change(tenant, journeyId, c -> c.withOpportunities(all));
        return changed;
    }

    @Transactional
    public void removeOpportunity(TenantContext tenant, UUID journeyId, String opportunityId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        JourneyContent current = journey(tenant.tenantId(), journeyId).content();
        Opportunity old = current.opportunity(opportunityId).orElseThrow(() -> new NotFoundException("opportunity"));
        List<Opportunity> all = new ArrayList<>(current.opportunities());
        all.remove(old);
        change(tenant, journeyId, c -> c.withOpportunities(all));
    }

    // --- versions ------------------------------------------------------------------------------------

    /** Publishes the designed journey as it is now: a frozen copy with the next number. */
    @Transactional
    public JourneyVersion publish(TenantContext tenant, UUID journeyId, String note) {
        tenant.require(Permission.JOURNEYS_EDIT);
        List<FieldProblem> p = new ArrayList<>();
        JourneyRules.text(p, "note", note, 500, false);
        refuse(p);
        Journey journey = journey(tenant.tenantId(), journeyId);
        int number = journey.publishedVersion() == null ? 1 : journey.publishedVersion() + 1;
        JourneyVersion version = new JourneyVersion(journeyId, number, blankToNull(note), JourneyStore.now(),
                tenant.username(), journey.content());
        store.update(new Journey(journey.id(), journey.tenantId(), journey.content(), number, journey.updatedAt(),
                journey.updatedBy(), journey.rowVersion()));
        store.insert(tenant.tenantId(), version);
        return version;
    }

    // --- lived journeys ------------------------------------------------------------------------------

    @Transactional
    public LivedJourney recordLived(TenantContext tenant, UUID journeyId, String participant, UUID personaId,
            LivedJourney.Method method, LocalDate recordedOn, List<StepExperience> experiences) {
        tenant.require(Permission.JOURNEYS_EDIT);
        LivedJourney lived = checkedLived(tenant, journeyId, UUID.randomUUID(), participant, personaId, method, recordedOn,
                experiences);
        store.insert(lived);
        return lived;
    }

    /** Changes a lived journey as a whole: who, how, when and every step's experience. */
    @Transactional
    public LivedJourney changeLived(TenantContext tenant, UUID journeyId, UUID livedId, String participant, UUID personaId,
            LivedJourney.Method method, LocalDate recordedOn, List<StepExperience> experiences) {
        tenant.require(Permission.JOURNEYS_EDIT);
        lived(tenant.tenantId(), journeyId, livedId);
        LivedJourney lived = checkedLived(tenant, journeyId, livedId, participant, personaId, method, recordedOn, experiences);
        store.update(lived);
        return lived;
    }

    @Transactional(readOnly = true)
    public LivedJourney lived(UUID tenantId, UUID journeyId, UUID livedId) {
        return store.lived(tenantId, journeyId, livedId).orElseThrow(() -> new NotFoundException("lived journey"));
    }

    private LivedJourney checkedLived(TenantContext tenant, UUID journeyId, UUID id, String participant, UUID personaId,
            LivedJourney.Method method, LocalDate recordedOn, List<StepExperience> experiences) {
        JourneyContent content = journey(tenant.tenantId(), journeyId).content();
        List<FieldProblem> p = new ArrayList<>();
        JourneyRules.text(p, "participant", participant, JourneyRules.SHORT, true);
        if (personaId != null && store.personas(tenant.tenantId()).stream().noneMatch(x -> x.id().equals(personaId))) {
            p.add(new FieldProblem("personaId", "journeys.error.unknownPersona"));
        }
        if (method == null) {
            p.add(new FieldProblem("method", "journeys.error.required"));
        }
        if (recordedOn == null) {
            p.add(new FieldProblem("recordedOn", "journeys.error.date"));
        } else if (recordedOn.isAfter(LocalDate.now())) {
            p.add(new FieldProblem("recordedOn", "journeys.error.future"));
        }
        if (experiences.isEmpty()) {
            p.add(new FieldProblem("experiences", "journeys.error.noExperiences"));
        }
        for (StepExperience e : experiences) {
            if (content.step(e.stepId()).isEmpty()) {
                p.add(new FieldProblem("experiences", "journeys.error.unknownStep", e.stepId()));
            }
            if (e.experience() == null) {
                p.add(new FieldProblem("experiences", "journeys.error.required"));
            }
            JourneyRules.text(p, "experiences", e.quote(), JourneyRules.NEED, false);
        }
        refuse(p);
        return new LivedJourney(id, tenant.tenantId(), journeyId, participant.strip(), personaId, method, recordedOn,
                experiences.stream().map(e -> new StepExperience(e.stepId(), e.experience(), blankToNull(e.quote()))).toList());
    }

    @Transactional
    public void removeLived(TenantContext tenant, UUID journeyId, UUID livedId) {
        tenant.require(Permission.JOURNEYS_EDIT);
        store.lived(tenant.tenantId(), journeyId, livedId).orElseThrow(() -> new NotFoundException("lived journey"));
        store.deleteLived(tenant.tenantId(), journeyId, livedId);
    }

    // --- helpers -------------------------------------------------------------------------------------

    static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }

    private static JourneyContent tidy(JourneyContent c) {
        return new JourneyContent(c.name().strip(), blankToNull(c.description()), c.clusterId(), c.ownerTeamId(),
                c.serviceIds().stream().distinct().toList(), c.personaIds().stream().distinct().toList(), c.phases(),
                c.steps().stream().map(s -> new Step(s.id(), s.phaseId(), s.title().strip(), blankToNull(s.channel()),
                        s.ownerTeamId(), blankToNull(s.duration()), blankToNull(s.need()), s.personaIds(), s.insightIds(),
                        s.question(), s.serviceId(), s.kpiIds().stream().distinct().toList())).toList(),
                c.opportunities());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
