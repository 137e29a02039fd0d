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
import nl.stadskompas.journeys.spi.ServiceScores;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback's contribution to the journeys module: the scale questions of the tenant's
 * questionnaires, so a journey step can be linked to one, and each question's current score. Scores
 * of fewer respondents than the minimum group size are suppressed. Also the report mark residents give
 * a service through a channel (or through a channel for all services), from the service and channel each
 * response was given about.
 */
@Component
class JourneyScoresContribution implements QuestionScores, ServiceScores {

    private final SurveyDataContribution surveys;
    private final FeedbackResults results;
    private final JdbcClient jdbc;

    JourneyScoresContribution(SurveyDataContribution surveys, FeedbackResults results, JdbcClient jdbc) {
        this.surveys = surveys;
        this.results = results;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Score> serviceScore(UUID tenantId, UUID serviceId, String channel) {
        boolean asked = jdbc.sql("SELECT COUNT(*) FROM fb_question q JOIN fb_version v ON v.id = q.fb_version "
                        + "WHERE v.tenant_id = :t AND v.published_at IS NOT NULL AND q.type = 'MARK'")
                .param("t", tenantId).query(Long.class).single() > 0;
        if (!asked) {
            return Optional.empty();
        }
        // counted in the database per mark, so no respondent-level data is read
        long[] count = new long[1];
        long[] positive = new long[1];
        double[] sum = new double[1];
        JdbcClient.StatementSpec query = jdbc.sql("SELECT a.value_number, COUNT(*) FROM fb_response r "
                        + "JOIN fb_answer a ON a.response_id = r.id JOIN fb_questionnaire qn ON qn.id = r.questionnaire_id "
                        + "JOIN fb_question q ON q.fb_version = r.version_id AND q.question_key = a.question_key "
                        + "WHERE r.tenant_id = :t "
                        + (serviceId == null ? "" : "AND r.service_id = :s ")
                        + (channel == null ? "" : "AND r.channel = :c ")
                        + "AND qn.kind = 'RESIDENT' AND q.type = 'MARK' AND a.dont_know = FALSE AND a.value_number IS NOT NULL "
                        + "GROUP BY a.value_number")
                .param("t", tenantId);
        if (serviceId != null) {
            query = query.param("s", serviceId);
        }
        if (channel != null) {
            query = query.param("c", channel);
        }
        query.query(rs -> {
            int value = rs.getInt(1);
            long n = rs.getLong(2);
            count[0] += n;
            sum[0] += (double) value * n;
            if (QuestionType.MARK.positive(value)) {
                positive[0] += n;
            }
        });
        int min = QuestionType.MARK.min();
        int max = QuestionType.MARK.max();
        if (count[0] == 0 || count[0] < results.minimumGroup()) {
            return Optional.of(new Score(count[0], true, null, min, max, null));
        }
        return Optional.of(new Score(count[0], false, sum[0] / count[0], min, max, (double) positive[0] / count[0]));
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
