// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Phase;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.LivedJourney.Experience;
import nl.stadskompas.journeys.spi.QuestionScores.Score;

/**
 * A journey map ready to be shown: the phases with their steps in order, per step what is tied to
 * it, and the experience curve: the average of the lived journeys (-1 negative .. +1 positive) and
 * the linked survey question's current score on the same scale. Filtered to one persona or segment
 * when asked: then only the steps that concern it and the lived journeys of that persona count.
 *
 * @param personaId the persona or segment filtered on, or null for all
 * @param lived the lived journeys that count, in the order of the columns of {@link StepRow#experiences()}
 */
public record JourneyMap(Journey journey, JourneyContent content, Integer versionNumber, UUID personaId,
        List<PhaseColumn> phases, List<LivedJourney> lived, String ownerTeamName) {

    /** All step rows, phase by phase. */
    public List<StepRow> steps() {
        return phases.stream().flatMap(p -> p.steps().stream()).toList();
    }

    /** True when any step shows a KPI figure: the drawing then has a row for them. */
    public boolean hasKpis() {
        return steps().stream().anyMatch(s -> !s.kpis().isEmpty());
    }

    public boolean hasCurve() {
        return steps().stream().anyMatch(s -> s.livedAverage() != null || s.surveyValue() != null);
    }

    /** A phase and its steps on the map. */
    public record PhaseColumn(Phase phase, List<StepRow> steps) {
    }

    /**
     * One step on the map.
     *
     * @param number the step's place on the whole map, from 1
     * @param ownerTeamName the name of the owner team, or null
     * @param insights the pain points and insights tied to it
     * @param opportunities the opportunities that name it
     * @param experiences per lived journey (same order as {@link JourneyMap#lived()}): the experience, or null
     * @param quotes per lived journey: the quote, or null
     * @param livedAverage the average experience of the lived journeys (-1..+1), or null when none rated it
     * @param livedCount how many lived journeys rated it
     * @param questionLabel the linked question's text, or null
     * @param score the linked question's current score, or null
     * @param serviceName the name of the linked service, or null
     * @param serviceScore the survey score of the linked service through the step's channel (of the
     *        channel for all services when the step has no service), or null
     * @param kpis the current figures of the linked KPIs for the step's service and channel
     */
    public record StepRow(int number, Step step, String ownerTeamName, List<Insight> insights,
            List<Opportunity> opportunities, List<Experience> experiences, List<String> quotes, Double livedAverage,
            int livedCount, String questionLabel, Score score, String serviceName, Score serviceScore,
            List<StepKpi> kpis) {

        public StepRow {
            kpis = kpis == null ? List.of() : List.copyOf(kpis);
        }

        /**
         * The survey score on the curve's scale (-1..+1): the linked question's, or else the linked
         * service's; null when neither can be shown. The score of a channel for all services is not
         * about this step alone and stays off the curve.
         */
        public Double surveyValue() {
            Double question = score == null ? null : score.normalised();
            return question != null || serviceScore == null || step.serviceId() == null ? question
                    : serviceScore.normalised();
        }

        /** The lived average as a word: positive, neutral or negative (thresholds at one third). */
        public Experience livedExperience() {
            if (livedAverage == null) {
                return null;
            }
            return livedAverage > 1.0 / 3 ? Experience.POSITIVE : livedAverage < -1.0 / 3 ? Experience.NEGATIVE : Experience.NEUTRAL;
        }

        public long painPoints() {
            return insights.stream().filter(i -> i.kind() == Insight.Kind.PAIN_POINT).count();
        }
    }
}
