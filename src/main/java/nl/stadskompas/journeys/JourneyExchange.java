// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.QuestionLink;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.JourneyFile.InsightJson;
import nl.stadskompas.journeys.JourneyFile.KpiJson;
import nl.stadskompas.journeys.JourneyFile.OpportunityJson;
import nl.stadskompas.journeys.JourneyFile.PersonaJson;
import nl.stadskompas.journeys.JourneyFile.QuestionJson;
import nl.stadskompas.journeys.JourneyFile.StepJson;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;

/**
 * Export and import of a journey as a JSON file. An import is all or nothing: the file is read and
 * checked as a whole, and one problem means nothing is created. Personas, pain points and the
 * cluster are matched by name (and created when new); teams and services must exist by name. A
 * linked survey question that the organisation does not have is left out.
 */
@Service
public class JourneyExchange {

    private final JourneyMaps maps;
    private final JourneyStore store;
    private final JourneyRules rules;
    private final OrganisationCatalogue catalogue;

    JourneyExchange(JourneyMaps maps, JourneyStore store, JourneyRules rules, OrganisationCatalogue catalogue) {
        this.maps = maps;
        this.store = store;
        this.rules = rules;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public JourneyFile export(UUID tenantId, UUID journeyId) {
        JourneyContent c = maps.journey(tenantId, journeyId).content();
        Map<UUID, Persona> personas = new HashMap<>();
        store.personas(tenantId).forEach(p -> personas.put(p.id(), p));
        Map<UUID, Insight> insights = new HashMap<>();
        store.insights(tenantId).forEach(i -> insights.put(i.id(), i));
        Map<UUID, String> teams = new HashMap<>();
        catalogue.teams(tenantId).forEach(t -> teams.put(t.id(), t.name()));
        Map<UUID, String> services = new HashMap<>();
        catalogue.services(tenantId).forEach(s -> services.put(s.id(), s.name()));
        String cluster = c.clusterId() == null ? null : store.clusters(tenantId).stream()
                .filter(x -> x.id().equals(c.clusterId())).map(Cluster::name).findFirst().orElse(null);
        Map<UUID, String> measures = new HashMap<>();
        maps.linkableKpis(tenantId).forEach(k -> measures.put(k.id(), k.measure()));
        List<UUID> usedPersonas = new ArrayList<>(c.personaIds());
        c.steps().forEach(s -> s.personaIds().stream().filter(p -> !usedPersonas.contains(p)).forEach(usedPersonas::add));
        return new JourneyFile(JourneyFile.FORMAT, JourneyFile.VERSION, c.name(), c.description(), cluster,
                teams.get(c.ownerTeamId()), c.serviceIds().stream().map(services::get).filter(Objects::nonNull).toList(),
                usedPersonas.stream().map(personas::get).filter(Objects::nonNull)
                        .map(p -> new PersonaJson(p.kind(), p.name(), p.description())).toList(),
                c.phases(),
                c.steps().stream().map(s -> new StepJson(s.id(), s.phaseId(), s.title(), s.channel(), teams.get(s.ownerTeamId()),
                        s.duration(), s.need(), s.personaIds().stream().map(personas::get).filter(Objects::nonNull)
                                .map(Persona::name).toList(),
                        s.insightIds().stream().map(insights::get).filter(Objects::nonNull)
                                .map(i -> new InsightJson(i.kind(), i.title(), i.description())).toList(),
                        s.question() == null ? null : new QuestionJson(s.question().questionnaireId(), s.question().questionKey()),
                        services.get(s.serviceId()), kpis(tenantId, s, measures)))
                        .toList(),
                c.opportunities().stream().map(o -> new OpportunityJson(o.id(), o.title(), o.description(), o.stepIds(),
                        o.promiseCodes(), o.solutions())).toList());
    }

    /** The KPIs of a step by measure, with their figures now (in Dutch, the organisation's language). */
    private List<KpiJson> kpis(UUID tenantId, Step step, Map<UUID, String> measures) {
        return maps.kpiFigures(tenantId, step, Locale.forLanguageTag("nl")).stream()
                .map(k -> new KpiJson(measures.get(k.kpiId()), k.name(), k.period(), k.value(), k.suppressed(), k.n(),
                        k.target()))
                .toList();
    }

    public byte[] exportBytes(UUID tenantId, UUID journeyId) {
        try {
            return JourneyStore.JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsBytes(export(tenantId, journeyId));
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot write the journey file", e);
        }
    }

    /** Reads a file; unreadable JSON gives one problem with the line where reading stopped. */
    public static JourneyFile read(byte[] bytes) {
        try {
            return JourneyStore.JSON.readValue(bytes, JourneyFile.class);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ValidationProblem.of("file", "journeys.import.unreadable", line);
        }
    }

    /** Imports a file as a new journey; all or nothing. */
    @Transactional
    public Journey importFile(TenantContext tenant, byte[] bytes) {
        tenant.require(Permission.JOURNEYS_EDIT);
        return importFile(tenant, read(bytes));
    }

    @Transactional
    public Journey importFile(TenantContext tenant, JourneyFile file) {
        tenant.require(Permission.JOURNEYS_EDIT);
        UUID tenantId = tenant.tenantId();
        List<FieldProblem> problems = new ArrayList<>();
        if (!JourneyFile.FORMAT.equals(file.format()) || !Integer.valueOf(JourneyFile.VERSION).equals(file.formatVersion())) {
            throw ValidationProblem.of("format", "journeys.import.format");
        }
        // personas: existing by name, else new (checked first)
        Map<String, UUID> personaIds = new HashMap<>();
        store.personas(tenantId).forEach(p -> personaIds.put(key(p.name()), p.id()));
        List<Persona> newPersonas = new ArrayList<>();
        for (int i = 0; i < file.personas().size(); i++) {
            PersonaJson p = file.personas().get(i);
            List<FieldProblem> pp = new ArrayList<>();
            if (p.kind() == null) {
                pp.add(new FieldProblem("personas[" + i + "].kind", "journeys.error.required"));
            }
            JourneyRules.text(pp, "personas[" + i + "].name", p.name(), JourneyRules.NAME, true);
            JourneyRules.text(pp, "personas[" + i + "].description", p.description(), JourneyRules.TEXT, false);
            problems.addAll(pp);
            if (pp.isEmpty() && !personaIds.containsKey(key(p.name()))) {
                Persona persona = new Persona(UUID.randomUUID(), tenantId, p.kind(), p.name().strip(),
                        JourneyMaps.blankToNull(p.description()));
                newPersonas.add(persona);
                personaIds.put(key(p.name()), persona.id());
            }
        }
        Map<String, UUID> insightIds = new HashMap<>();
        store.insights(tenantId).forEach(x -> insightIds.put(x.kind() + "/" + key(x.title()), x.id()));
        List<Insight> newInsights = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Map<String, UUID> kpiByMeasure = new HashMap<>();
        maps.linkableKpis(tenantId).forEach(k -> kpiByMeasure.put(k.measure(), k.id()));
        List<QuestionScoresView> linkable = maps.linkableQuestions(tenantId).stream()
                .map(q -> new QuestionScoresView(q.questionnaireId(), q.questionKey())).toList();
        for (int i = 0; i < file.steps().size(); i++) {
            StepJson s = file.steps().get(i);
            String prefix = "steps[" + i + "].";
            UUID team = team(tenantId, s.ownerTeam(), prefix + "ownerTeam", problems);
            List<UUID> stepPersonas = new ArrayList<>();
            for (String name : s.personas()) {
                UUID id = personaIds.get(key(name));
                if (id == null) {
                    problems.add(new FieldProblem(prefix + "personas", "journeys.import.unknownPersona", name));
                } else {
                    stepPersonas.add(id);
                }
            }
            List<UUID> stepInsights = new ArrayList<>();
            for (int k = 0; k < s.insights().size(); k++) {
                InsightJson in = s.insights().get(k);
                List<FieldProblem> ip = new ArrayList<>();
                if (in.kind() == null) {
                    ip.add(new FieldProblem(prefix + "insights[" + k + "].kind", "journeys.error.required"));
                }
                JourneyRules.text(ip, prefix + "insights[" + k + "].title", in.title(), JourneyRules.NAME, true);
                JourneyRules.text(ip, prefix + "insights[" + k + "].description", in.description(), JourneyRules.TEXT, false);
                problems.addAll(ip);
                if (!ip.isEmpty()) {
                    continue;
                }
                String k2 = in.kind() + "/" + key(in.title());
                UUID id = insightIds.get(k2);
                if (id == null) {
                    Insight insight = new Insight(UUID.randomUUID(), tenantId, in.kind(), in.title().strip(),
                            JourneyMaps.blankToNull(in.description()));
                    newInsights.add(insight);
                    insightIds.put(k2, insight.id());
                    id = insight.id();
                }
                stepInsights.add(id);
            }
            QuestionLink link = null;
            if (s.question() != null && s.question().questionnaireId() != null && s.question().questionKey() != null
                    && linkable.contains(new QuestionScoresView(s.question().questionnaireId(), s.question().questionKey()))) {
                link = new QuestionLink(s.question().questionnaireId(), s.question().questionKey());
            }
            UUID stepService = null;
            if (s.service() != null) {
                Optional<OrganisationCatalogue.ServiceReference> service = catalogue.serviceNamed(tenantId, s.service());
                if (service.isEmpty()) {
                    problems.add(new FieldProblem(prefix + "service", "journeys.import.unknownService", s.service()));
                } else {
                    stepService = service.get().id();
                }
            }
            // a KPI whose measure the organisation does not follow is left out, like an unknown question
            List<UUID> stepKpis = s.kpis().stream().filter(Objects::nonNull).map(KpiJson::measure)
                    .filter(Objects::nonNull).map(kpiByMeasure::get).filter(Objects::nonNull).distinct().toList();
            steps.add(new Step(s.id(), s.phase(), s.title(), s.channel(), team, s.duration(), s.need(), stepPersonas,
                    stepInsights, link, stepService, stepKpis));
        }
        UUID ownerTeam = team(tenantId, file.ownerTeam(), "ownerTeam", problems);
        List<UUID> services = new ArrayList<>();
        for (String name : file.services()) {
            Optional<OrganisationCatalogue.ServiceReference> service = name == null ? Optional.empty()
                    : catalogue.serviceNamed(tenantId, name);
            if (service.isEmpty()) {
                problems.add(new FieldProblem("services", "journeys.import.unknownService", name));
            } else {
                services.add(service.get().id());
            }
        }
        List<UUID> journeyPersonas = file.personas().stream().map(p -> personaIds.get(key(p.name())))
                .filter(Objects::nonNull).distinct().toList();
        List<Opportunity> opportunities = file.opportunities().stream()
                .map(o -> new Opportunity(o.id(), o.title(), o.description(), o.steps(), o.promises(), o.solutions()))
                .toList();
        if (file.cluster() != null) {
            JourneyRules.text(problems, "cluster", file.cluster(), JourneyRules.NAME, false);
        }
        // check the content without the references created by this import (they are known to be new)
        newPersonas.forEach(store::insert);
        newInsights.forEach(store::insert);
        UUID clusterId = null;
        if (file.cluster() != null && !file.cluster().isBlank() && file.cluster().length() <= JourneyRules.NAME) {
            clusterId = store.clusters(tenantId).stream().filter(c -> key(c.name()).equals(key(file.cluster())))
                    .map(Cluster::id).findFirst().orElse(null);
            if (clusterId == null) {
                Cluster cluster = new Cluster(UUID.randomUUID(), tenantId, file.cluster().strip(), null);
                store.insert(cluster);
                clusterId = cluster.id();
            }
        }
        JourneyContent content = new JourneyContent(file.name(), file.description(), clusterId, ownerTeam, services,
                journeyPersonas, file.phases(), steps, opportunities);
        problems.addAll(rules.check(tenantId, content));
        // Everything written above is rolled back with the transaction when there is any problem.
        JourneyMaps.refuse(problems);
        return maps.create(tenant, content);
    }

    private UUID team(UUID tenantId, String name, String field, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Optional<OrganisationCatalogue.TeamReference> team = catalogue.teamNamed(tenantId, name);
        if (team.isEmpty()) {
            problems.add(new FieldProblem(field, "journeys.import.unknownTeam", name));
            return null;
        }
        return team.get().id();
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private record QuestionScoresView(UUID questionnaireId, String key) {
    }
}
