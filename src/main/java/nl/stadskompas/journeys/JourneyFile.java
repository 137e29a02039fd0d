// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.List;
import java.util.UUID;

/**
 * A journey as an exchange file (JSON): the designed map with its personas and pain points written
 * out in full, and teams and services by name, so that the file can be read by another organisation
 * too. Step and phase ids are kept; lived journeys and versions are not part of it.
 */
public record JourneyFile(String format, Integer formatVersion, String name, String description, String cluster,
        String ownerTeam, List<String> services, List<PersonaJson> personas, List<JourneyContent.Phase> phases,
        List<StepJson> steps, List<OpportunityJson> opportunities) {

    public static final String FORMAT = "stadskompas-journey";
    public static final int VERSION = 1;

    public JourneyFile {
        services = services == null ? List.of() : services;
        personas = personas == null ? List.of() : personas;
        phases = phases == null ? List.of() : phases;
        steps = steps == null ? List.of() : steps;
        opportunities = opportunities == null ? List.of() : opportunities;
    }

    public record PersonaJson(Persona.Kind kind, String name, String description) {
    }

    public record InsightJson(Insight.Kind kind, String title, String description) {
    }

    public record QuestionJson(UUID questionnaireId, String questionKey) {
    }

    /**
     * A step; {@code personas} names personas of the file, {@code insights} are written out, {@code service}
     * names the service whose survey results it shows (optional, absent in older files), {@code kpis} the
     * KPIs it shows (optional, absent in older files).
     */
    public record StepJson(String id, String phase, String title, String channel, String ownerTeam, String duration,
            String need, List<String> personas, List<InsightJson> insights, QuestionJson question, String service,
            List<KpiJson> kpis) {

        public StepJson {
            personas = personas == null ? List.of() : personas;
            insights = insights == null ? List.of() : insights;
            kpis = kpis == null ? List.of() : kpis;
        }

        public StepJson(String id, String phase, String title, String channel, String ownerTeam, String duration,
                String need, List<String> personas, List<InsightJson> insights, QuestionJson question, String service) {
            this(id, phase, title, channel, ownerTeam, duration, need, personas, insights, question, service, List.of());
        }
    }

    /**
     * A KPI linked to a step, by its measure code (the link an import restores when the organisation
     * has a KPI of that measure), with its figure at the time of the export for reading: the figure
     * fields are ignored on import.
     *
     * @param value the figure as people read it (a share in percent), or null when none or suppressed
     * @param suppressed true when it rests on too few observations to show
     * @param n the observations it rests on, or null when not shown
     * @param target the target that applies, or null
     */
    public record KpiJson(String measure, String name, String period, Double value, Boolean suppressed, Long n,
            Double target) {
    }

    public record OpportunityJson(String id, String title, String description, List<String> steps, List<String> promises,
            List<JourneyContent.Solution> solutions) {
    }
}
