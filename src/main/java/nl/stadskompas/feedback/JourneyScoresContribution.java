// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.insights.spi.SurveyData.Survey;
import nl.stadskompas.insights.spi.SurveyData.SurveyItem;
import nl.stadskompas.journeys.spi.QuestionScores;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback's contribution to the journeys module: the scale questions of the tenant's
 * questionnaires, so a journey step can be linked to one, and each question's current score. Scores
 * of fewer respondents than the minimum group size are suppressed.
 */
@Component
class JourneyScoresContribution implements QuestionScores {

    private final SurveyDataContribution surveys;
    private final FeedbackResults results;

    JourneyScoresContribution(SurveyDataContribution surveys, FeedbackResults results) {
        this.surveys = surveys;
        this.results = results;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LinkableQuestion> questions(UUID tenantId) {
        List<LinkableQuestion> questions = new ArrayList<>();
        surveys.surveys(tenantId).forEach(reference -> surveys.survey(tenantId, reference.id())
                .ifPresent(survey -> survey.items().stream().filter(SurveyItem::isScale)
                        .forEach(item -> questions.add(new LinkableQuestion(survey.id(), survey.name(), item.key(),
                                item.labelNl(), item.labelEn())))));
        return questions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Score> score(UUID tenantId, UUID questionnaireId, String questionKey) {
        Optional<Survey> survey = surveys.survey(tenantId, questionnaireId);
        Optional<SurveyItem> item = survey.flatMap(s -> s.item(questionKey)).filter(SurveyItem::isScale);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        SurveyItem question = item.get();
        long[] count = new long[1];
        long[] positive = new long[1];
        double[] sum = new double[1];
        surveys.responses(tenantId, questionnaireId, Set.of(questionKey), response -> {
            Integer value = response.numbers().get(questionKey);
            if (value != null) {
                count[0]++;
                sum[0] += value;
                if (question.positiveFrom() != null && value >= question.positiveFrom()) {
                    positive[0]++;
                }
            }
        });
        int min = question.scaleMin() == null ? 1 : question.scaleMin();
        int max = question.scaleMax() == null ? 5 : question.scaleMax();
        if (count[0] == 0 || count[0] < results.minimumGroup()) {
            return Optional.of(new Score(count[0], true, null, min, max, null));
        }
        return Optional.of(new Score(count[0], false, sum[0] / count[0], min, max, (double) positive[0] / count[0]));
    }
}
