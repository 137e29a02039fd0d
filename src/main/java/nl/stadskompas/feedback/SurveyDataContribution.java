// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import nl.stadskompas.insights.spi.SurveyData;
import nl.stadskompas.platform.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback's contribution to the analyses of the insights module: the questionnaires of a tenant,
 * their items (from the latest published version) and the respondent-level answers, imported
 * historical responses included (they live in the same tables). "Don't know" is delivered as
 * missing. Answers are streamed in pages from the database, so a large questionnaire is never held
 * in memory as rows.
 */
@Component
class SurveyDataContribution implements SurveyData {

    private static final int FETCH_SIZE = 2_000;

    private final QuestionnaireEditing editing;
    private final FeedbackResults results;
    private final NamedParameterJdbcTemplate jdbc;

    SurveyDataContribution(QuestionnaireEditing editing, FeedbackResults results, DataSource dataSource) {
        this.editing = editing;
        this.results = results;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SurveyReference> surveys(UUID tenantId) {
        return editing.list(tenantId).stream().map(s -> new SurveyReference(s.id(), s.name(), s.responses())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Survey> survey(UUID tenantId, UUID surveyId) {
        Questionnaire questionnaire;
        try {
            questionnaire = editing.questionnaire(tenantId, surveyId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<SurveyItem> items = results.latestQuestions(questionnaire).stream().map(SurveyDataContribution::item)
                .toList();
        return Optional.of(new Survey(questionnaire.id(), questionnaire.name(), items));
    }

    private static SurveyItem item(Question q) {
        ItemType type = q.type().isScale() ? ItemType.SCALE
                : q.type() == QuestionType.SINGLE_CHOICE ? ItemType.CHOICE : ItemType.OTHER;
        ItemOrigin origin = switch (q.source()) {
            case STATEMENT -> ItemOrigin.STATEMENT;
            case ASPECT -> ItemOrigin.ASPECT;
            default -> q.type() == QuestionType.MARK ? ItemOrigin.MARK : ItemOrigin.OTHER;
        };
        String code = origin == ItemOrigin.STATEMENT || origin == ItemOrigin.ASPECT ? q.key() : null;
        Integer positiveFrom = null;
        if (q.type().isScale()) {
            for (int v = q.type().min(); v <= q.type().max(); v++) {
                if (q.type().positive(v)) {
                    positiveFrom = v;
                    break;
                }
            }
        }
        List<Option> options = q.options().stream().map(o -> new Option(o.code(), o.labelNl(), o.labelEn())).toList();
        return new SurveyItem(q.key(), q.textNl(), q.textEn(), type, origin, code,
                q.type().isScale() ? q.type().min() : null, q.type().isScale() ? q.type().max() : null,
                positiveFrom, options);
    }

    @Override
    @Transactional(readOnly = true)
    public void responses(UUID tenantId, UUID surveyId, Set<String> itemKeys, Consumer<SurveyResponse> consumer) {
        List<String> keys = new ArrayList<>(itemKeys);
        if (keys.isEmpty()) {
            keys.add("");
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("t", tenantId).addValue("q", surveyId)
                .addValue("k", keys);
        // Ordered by response, so that the answers of one response arrive together and only one
        // response is held at a time.
        Building building = new Building(consumer);
        jdbc.query("SELECT r.id, r.submitted_on, r.service_id, r.channel, r.municipality_id, r.location, "
                + "a.question_key, a.value_number, a.value_code, a.dont_know FROM fb_response r "
                + "LEFT JOIN fb_answer a ON a.response_id = r.id AND a.question_key IN (:k) AND a.value_text IS NULL "
                + "WHERE r.tenant_id = :t AND r.questionnaire_id = :q ORDER BY r.id", params, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (building.current == null || !building.current.equals(id)) {
                        building.flush();
                        building.start(id, rs.getDate(2).toLocalDate(), rs.getObject(3, UUID.class), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getString(6));
                    }
                    String key = rs.getString(7);
                    if (key != null && !rs.getBoolean(10)) {
                        Object number = rs.getObject(8);
                        if (number != null) {
                            building.numbers.put(key, ((Number) number).intValue());
                        }
                        String code = rs.getString(9);
                        if (code != null && !building.codes.containsKey(key)) {
                            building.codes.put(key, code);
                        }
                    }
                });
        building.flush();
    }

    /** The response being put together from its rows. */
    private static final class Building {

        private final Consumer<SurveyResponse> consumer;
        private UUID current;
        private java.time.LocalDate day;
        private UUID service;
        private String channel;
        private UUID municipality;
        private String location;
        private Map<String, Integer> numbers = new HashMap<>();
        private Map<String, String> codes = new HashMap<>();

        Building(Consumer<SurveyResponse> consumer) {
            this.consumer = consumer;
        }

        void start(UUID id, java.time.LocalDate submittedOn, UUID serviceId, String channelCode, UUID municipalityId,
                String place) {
            current = id;
            day = submittedOn;
            service = serviceId;
            channel = channelCode;
            municipality = municipalityId;
            location = place;
            numbers = new HashMap<>();
            codes = new HashMap<>();
        }

        void flush() {
            if (current != null) {
                consumer.accept(new SurveyResponse(current, day, service, channel, municipality, location,
                        Map.copyOf(numbers), Map.copyOf(codes)));
                current = null;
            }
        }
    }
}
