// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import nl.stadskompas.feedback.Results.Breakdown;
import nl.stadskompas.feedback.Results.Group;
import nl.stadskompas.feedback.Results.WeekCount;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a questionnaire: responses per week, per question the distribution, mean and
 * share positive with n, and a breakdown of one question by a context field or a demographic
 * question. Any group smaller than {@code stadskompas.privacy.min-group-size} (default 5) is
 * suppressed, with complementary suppression, in every answer this class gives; pages and the API
 * show nothing else.
 */
@Service
public class FeedbackResults {

    /** Context fields a breakdown can use; a single-choice question key can be used too. */
    public static final List<String> CONTEXT_FIELDS = List.of("service", "channel", "municipality", "location");

    private final QuestionnaireEditing editing;
    private final OrganisationCatalogue catalogue;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final int minimum;

    FeedbackResults(QuestionnaireEditing editing, OrganisationCatalogue catalogue, MessageSource messages,
            JdbcClient jdbc, @Value("${stadskompas.privacy.min-group-size:5}") int minimum) {
        this.editing = editing;
        this.catalogue = catalogue;
        this.messages = messages;
        this.jdbc = jdbc;
        this.minimum = Math.max(1, minimum);
    }

    /** The smallest group that is shown. */
    public int minimumGroup() {
        return minimum;
    }

    /**
     * @param versionId limit to one version, or null for all
     * @param field breakdown field, or null for none
     * @param questionKey the scale question to break down; the first scale question when null
     */
    @Transactional(readOnly = true)
    public Results results(UUID tenantId, UUID questionnaireId, UUID versionId, String field, String questionKey,
            Locale locale) {
        Questionnaire questionnaire = editing.questionnaire(tenantId, questionnaireId);
        QuestionnaireLayout layout = new QuestionnaireLayout(latestQuestions(questionnaire));
        long all = count(tenantId, questionnaireId, null);
        UUID version = null;
        boolean refused = false;
        if (versionId != null) {
            editing.version(tenantId, versionId);
            long inVersion = count(tenantId, questionnaireId, versionId);
            long rest = all - inVersion;
            if (inVersion >= minimum && (rest == 0 || rest >= minimum)) {
                version = versionId;
            } else {
                refused = true;
            }
        }
        Scope scope = new Scope(tenantId, questionnaireId, version);
        long total = version == null ? all : count(tenantId, questionnaireId, version);
        if (total < minimum) {
            return new Results(total, true, version, refused, List.of(), List.of(), null, minimum);
        }
        List<WeekCount> weeks = weeks(scope);
        List<QuestionStatistics> questions = questions(scope, layout);
        Breakdown breakdown = field == null || field.isBlank() ? null
                : breakdown(scope, layout, field, questionKey, questionnaire, locale);
        return new Results(total, false, version, refused, weeks, questions, breakdown, minimum);
    }

    /** The questions of the latest published version (or the draft, before anything was published). */
    @Transactional(readOnly = true)
    public List<Question> latestQuestions(Questionnaire questionnaire) {
        return editing.published(questionnaire).map(QuestionnaireVersion::questions)
                .or(() -> editing.draft(questionnaire).map(d -> editing.resolved(questionnaire, d)))
                .orElse(List.of());
    }

    /** The fields the results of this questionnaire can be broken down by. */
    @Transactional(readOnly = true)
    public List<String> breakdownFields(Questionnaire questionnaire) {
        List<String> fields = new ArrayList<>(CONTEXT_FIELDS);
        latestQuestions(questionnaire).stream().filter(q -> q.type() == QuestionType.SINGLE_CHOICE)
                .forEach(q -> fields.add(q.key()));
        return fields;
    }

    private record Scope(UUID tenantId, UUID questionnaireId, UUID versionId) {

        String where() {
            return " r.tenant_id = :t AND r.questionnaire_id = :q" + (versionId == null ? "" : " AND r.version_id = :v");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            spec = spec.param("t", tenantId).param("q", questionnaireId);
            return versionId == null ? spec : spec.param("v", versionId);
        }
    }

    private long count(UUID tenantId, UUID questionnaireId, UUID versionId) {
        Scope scope = new Scope(tenantId, questionnaireId, versionId);
        return scope.bind(jdbc.sql("SELECT COUNT(*) FROM fb_response r WHERE" + scope.where()))
                .query(Long.class).single();
    }

    private List<WeekCount> weeks(Scope scope) {
        TreeMap<LocalDate, Long> perWeek = new TreeMap<>();
        scope.bind(jdbc.sql("SELECT r.submitted_on, COUNT(*) AS n FROM fb_response r WHERE" + scope.where()
                        + " GROUP BY r.submitted_on"))
                .query((rs, i) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getLong(2))).list()
                .forEach(e -> perWeek.merge(e.getKey().with(DayOfWeek.MONDAY), e.getValue(), Long::sum));
        if (perWeek.isEmpty()) {
            return List.of();
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate week = perWeek.firstKey(); !week.isAfter(perWeek.lastKey()); week = week.plusWeeks(1)) {
            days.add(week);
        }
        List<Long> counts = days.stream().map(d -> perWeek.getOrDefault(d, 0L)).toList();
        Set<Integer> hidden = Suppression.suppressed(counts, minimum);
        List<WeekCount> weeks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            weeks.add(new WeekCount(days.get(i), hidden.contains(i) ? null : counts.get(i)));
        }
        return weeks;
    }

    private List<QuestionStatistics> questions(Scope scope, QuestionnaireLayout layout) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        scope.bind(jdbc.sql("SELECT a.question_key, a.value_number, a.value_code, a.dont_know, COUNT(*) AS n "
                        + "FROM fb_answer a JOIN fb_response r ON r.id = a.response_id WHERE" + scope.where()
                        + " AND a.value_text IS NULL GROUP BY a.question_key, a.value_number, a.value_code, a.dont_know"))
                .query((rs, i) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .merge(value(rs.getObject(2), rs.getString(3), rs.getBoolean(4)), rs.getLong(5), Long::sum);
                    return null;
                }).list();
        Map<String, Long> respondents = new HashMap<>();
        scope.bind(jdbc.sql("SELECT a.question_key, COUNT(DISTINCT a.response_id) FROM fb_answer a "
                        + "JOIN fb_response r ON r.id = a.response_id WHERE" + scope.where() + " GROUP BY a.question_key"))
                .query((rs, i) -> respondents.put(rs.getString(1), rs.getLong(2))).list();
        return layout.questions().stream()
                .map(q -> QuestionStatistics.of(q, counts.getOrDefault(q.key(), Map.of()),
                        respondents.getOrDefault(q.key(), 0L), minimum))
                .toList();
    }

    private static String value(Object number, String code, boolean dontKnow) {
        if (dontKnow) {
            return QuestionType.DONT_KNOW;
        }
        return number != null ? String.valueOf(((Number) number).intValue()) : code;
    }

    private Breakdown breakdown(Scope scope, QuestionnaireLayout layout, String field, String questionKey,
            Questionnaire questionnaire, Locale locale) {
        Optional<Question> byQuestion = layout.question(field).filter(q -> q.type() == QuestionType.SINGLE_CHOICE);
        if (!CONTEXT_FIELDS.contains(field) && byQuestion.isEmpty()) {
            throw ValidationProblem.of("breakdown", "feedback.results.unknownField");
        }
        Question measured = (questionKey == null || questionKey.isBlank()
                ? layout.questions().stream().filter(q -> q.type().isScale()).findFirst()
                : layout.question(questionKey).filter(q -> q.type().isScale()))
                .orElseThrow(() -> ValidationProblem.of("question", "feedback.results.unknownQuestion"));
        String group = switch (field) {
            case "service" -> "r.service_id";
            case "channel" -> "r.channel";
            case "municipality" -> "r.municipality_id";
            case "location" -> "r.location";
            default -> "d.value_code";
        };
        String join = byQuestion.isPresent()
                ? " LEFT JOIN fb_answer d ON d.response_id = r.id AND d.question_key = :dk" : "";
        JdbcClient.StatementSpec spec = scope.bind(jdbc.sql("SELECT " + group + " AS grp, a.value_number, "
                + "COUNT(*) AS n FROM fb_response r JOIN fb_answer a ON a.response_id = r.id AND a.question_key = :k"
                + join + " WHERE" + scope.where() + " AND a.dont_know = FALSE GROUP BY " + group + ", a.value_number"))
                .param("k", measured.key());
        if (byQuestion.isPresent()) {
            spec = spec.param("dk", field);
        }
        Map<String, Map<Integer, Long>> perGroup = new LinkedHashMap<>();
        spec.query((rs, i) -> {
            Object g = rs.getObject(1);
            perGroup.computeIfAbsent(g == null ? null : String.valueOf(g), k -> new TreeMap<>())
                    .merge(rs.getInt(2), rs.getLong(3), Long::sum);
            return null;
        }).list();
        List<String> values = new ArrayList<>(perGroup.keySet());
        values.sort(java.util.Comparator.nullsLast(java.util.Comparator.comparing(
                v -> label(field, v, byQuestion, questionnaire, locale))));
        List<Long> ns = values.stream().map(v -> perGroup.get(v).values().stream().mapToLong(Long::longValue).sum())
                .toList();
        Set<Integer> hidden = Suppression.suppressed(ns, minimum);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String label = label(field, v, byQuestion, questionnaire, locale);
            if (hidden.contains(i)) {
                groups.add(new Group(v, label, null, null, null));
                continue;
            }
            long n = ns.get(i);
            long sum = 0;
            long good = 0;
            for (var e : perGroup.get(v).entrySet()) {
                sum += (long) e.getKey() * e.getValue();
                good += measured.type().positive(e.getKey()) ? e.getValue() : 0;
            }
            groups.add(new Group(v, label, n, (double) sum / n, QuestionStatistics.percent(good, n)));
        }
        return new Breakdown(field, measured.key(), groups);
    }

    private String label(String field, String value, Optional<Question> byQuestion, Questionnaire questionnaire,
            Locale locale) {
        if (value == null) {
            return messages.getMessage("feedback.results.notKnown", null, "-", locale);
        }
        return switch (field) {
            case "service" -> catalogue.service(questionnaire.tenantId(), UUID.fromString(value))
                    .map(OrganisationCatalogue.ServiceReference::name).orElse(value);
            case "municipality" -> catalogue.municipalities(questionnaire.tenantId()).stream()
                    .filter(m -> m.id().toString().equals(value)).map(OrganisationCatalogue.MunicipalityReference::name)
                    .findFirst().orElse(value);
            case "channel" -> messages.getMessage(Channels.messageKey(value), null, value, locale);
            case "location" -> value;
            default -> byQuestion.flatMap(q -> q.option(value)).map(o -> o.label(locale)).orElse(value);
        };
    }

    static LocalDate date(Date date) {
        return date.toLocalDate();
    }
}
