// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Survey questions a journey step can be linked to, and how residents rate them now. Contributed as
 * a bean by the module that holds questionnaires. Every method filters on the tenant.
 */
public interface QuestionScores {

    /** The scale questions of the tenant's questionnaires that can be linked to a step. */
    List<LinkableQuestion> questions(UUID tenantId);

    /**
     * The current score of a question, or empty when the questionnaire or question is unknown in the
     * tenant. A score based on fewer respondents than the minimum group size is marked suppressed and
     * carries no figures.
     */
    Optional<Score> score(UUID tenantId, UUID questionnaireId, String questionKey);

    /** A question as it can be chosen. */
    record LinkableQuestion(UUID questionnaireId, String questionnaireName, String questionKey, String labelNl,
            String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }

    /**
     * A question's score now.
     *
     * @param respondents how many answered it (on the scale; "don't know" not counted)
     * @param suppressed true when there are too few respondents to show figures
     * @param mean the average answer, or null when suppressed
     * @param scaleMin lowest value of the scale
     * @param scaleMax highest value of the scale
     * @param positiveShare the share of positive answers (0..1), or null when suppressed
     */
    record Score(long respondents, boolean suppressed, Double mean, int scaleMin, int scaleMax, Double positiveShare) {

        /** The mean placed on -1 (lowest) .. +1 (highest), or null when suppressed. */
        public Double normalised() {
            if (suppressed || mean == null || scaleMax <= scaleMin) {
                return null;
            }
            return (mean - scaleMin) / (scaleMax - scaleMin) * 2 - 1;
        }
    }
}
