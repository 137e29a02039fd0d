// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import nl.stadskompas.insights.spi.KpiSource;
import nl.stadskompas.organisation.OrganisationCatalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The soft KPIs of feedback for the insights module: for every statement and service aspect asked
 * in a published questionnaire, and for the report mark, the mean score and the share of positive
 * answers, per month of submission, municipality, service and channel, separately for residents'
 * and employees' questionnaires. "Don't know" is no answer. Counted in the database per answer
 * value, so no respondent-level data leaves this module.
 * <p>
 * Team: an answer carries its service, and the team is the service's owning team as the
 * organisation module knows it when the figures are delivered (a service that changes owner moves
 * its past answers along at the next refresh). Answers without a service have no team.
 * <p>
 * Segment: when the organisation has a segment question ({@link SegmentQuestion}), every cell carries
 * the option the respondent chose in it (null when they did not answer it), and the options are
 * offered as the values of the segment filter.
 */
@Component
class FeedbackKpis implements KpiSource {

    static final String MEAN = "SURVEY:MEAN:";
    static final String POSITIVE = "SURVEY:POSITIVE:";

    private final JdbcClient jdbc;
    private final OrganisationCatalogue catalogue;
    private final SegmentQuestion segments;

    FeedbackKpis(JdbcClient jdbc, OrganisationCatalogue catalogue, SegmentQuestion segments) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.segments = segments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DimensionValue> dimensionValues(UUID tenantId) {
        return segments.options(tenantId).stream()
                .map(o -> new DimensionValue(Dimension.SEGMENT, o.code(), o.labelNl(), o.labelEn())).toList();
    }

    /** A question asked in the tenant's published questionnaires. */
    private record Asked(String key, QuestionType type, String textNl, String textEn) {
    }

    private Map<String, Asked> asked(UUID tenantId) {
        Map<String, Asked> asked = new LinkedHashMap<>();
        jdbc.sql("SELECT q.question_key, q.type, q.text_nl, q.text_en, qn.kind FROM fb_question q "
                        + "JOIN fb_version v ON v.id = q.fb_version JOIN fb_questionnaire qn ON qn.id = v.questionnaire_id "
                        + "WHERE v.tenant_id = :t AND v.published_at IS NOT NULL "
                        + "AND (q.source IN ('STATEMENT', 'ASPECT') OR q.type = 'MARK') "
                        + "ORDER BY CASE WHEN qn.kind = 'RESIDENT' THEN 0 ELSE 1 END, v.published_at DESC")
                .param("t", tenantId).query(rs -> {
                    QuestionType type = QuestionType.valueOf(rs.getString(2));
                    if (type.isScale()) {
                        asked.putIfAbsent(rs.getString(1),
                                new Asked(rs.getString(1), type, rs.getString(3), rs.getString(4)));
                    }
                });
        return asked;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Measure> measures(UUID tenantId) {
        return asked(tenantId).values().stream().sorted(java.util.Comparator.comparing(Asked::key))
                .flatMap(a -> {
                    String nl = a.type() == QuestionType.MARK ? "Rapportcijfer" : a.key() + " " + a.textNl();
                    String en = a.type() == QuestionType.MARK ? "Report mark"
                            : a.key() + " " + (a.textEn() == null ? a.textNl() : a.textEn());
                    return java.util.stream.Stream.of(
                            new Measure(MEAN + a.key(), Kind.SOFT, Unit.SCORE, Aggregation.ADDITIVE, true,
                                    nl + " (gemiddelde)", en + " (mean)", (double) a.type().min(),
                                    (double) a.type().max()),
                            new Measure(POSITIVE + a.key(), Kind.SOFT, Unit.SHARE, Aggregation.ADDITIVE, true,
                                    nl + " (aandeel positief)", en + " (share positive)", null, null));
                }).toList();
    }

    /** The dimensions of a cell, and the month. */
    private record Key(YearMonth month, UUID municipalityId, UUID serviceId, String channel, Group group,
            String segment) {
    }

    @Override
    @Transactional(readOnly = true)
    public void monthly(UUID tenantId, String measure, YearMonth from, YearMonth to, Consumer<Cell> cells) {
        boolean mean = measure.startsWith(MEAN);
        if (!mean && !measure.startsWith(POSITIVE)) {
            return;
        }
        String key = measure.substring(mean ? MEAN.length() : POSITIVE.length());
        Asked asked = asked(tenantId).get(key);
        if (asked == null) {
            return;
        }
        Map<Key, double[]> sums = new HashMap<>();
        // The segment question is single choice: at most one answer row (index 0) per response.
        String segmentKey = segments.key(tenantId).orElse(null);
        String segment = segmentKey == null ? "CAST(NULL AS VARCHAR(40))" : "sa.value_code";
        String segmentJoin = segmentKey == null ? ""
                : " LEFT JOIN fb_answer sa ON sa.response_id = r.id AND sa.question_key = :sk AND sa.answer_index = 0";
        var statement = jdbc.sql("SELECT EXTRACT(YEAR FROM r.submitted_on), EXTRACT(MONTH FROM r.submitted_on), "
                        + "r.municipality_id, r.service_id, r.channel, qn.kind, a.value_number, COUNT(*), " + segment
                        + " FROM fb_response r JOIN fb_answer a ON a.response_id = r.id "
                        + "JOIN fb_questionnaire qn ON qn.id = r.questionnaire_id" + segmentJoin
                        + " WHERE r.tenant_id = :t AND a.question_key = :k AND a.dont_know = FALSE "
                        + "AND a.value_number IS NOT NULL AND r.submitted_on >= :a AND r.submitted_on <= :b "
                        + "GROUP BY EXTRACT(YEAR FROM r.submitted_on), EXTRACT(MONTH FROM r.submitted_on), "
                        + "r.municipality_id, r.service_id, r.channel, qn.kind, a.value_number"
                        + (segmentKey == null ? "" : ", sa.value_code"))
                .param("t", tenantId).param("k", key).param("a", Date.valueOf(from.atDay(1)))
                .param("b", Date.valueOf(to.atEndOfMonth()));
        if (segmentKey != null) {
            statement = statement.param("sk", segmentKey);
        }
        statement.query(rs -> {
                    YearMonth month = YearMonth.of(rs.getInt(1), rs.getInt(2));
                    Group group = QuestionnaireKind.EMPLOYEE.name().equals(rs.getString(6)) ? Group.EMPLOYEES
                            : Group.RESIDENTS;
                    int value = rs.getInt(7);
                    long count = rs.getLong(8);
                    double x = mean ? value : asked.type().positive(value) ? 1 : 0;
                    double[] s = sums.computeIfAbsent(Objects.requireNonNull(new Key(month,
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), group,
                            rs.getString(9))),
                            k -> new double[3]);
                    s[0] += count;
                    s[1] += x * count;
                    s[2] += x * x * count;
                });
        Map<UUID, UUID> owners = new HashMap<>();
        catalogue.services(tenantId).forEach(s -> {
            if (s.ownerTeamId() != null) {
                owners.put(s.id(), s.ownerTeamId());
            }
        });
        sums.forEach((k, s) -> cells.accept(new Cell(k.month(), k.municipalityId(), k.serviceId(), k.channel(),
                k.serviceId() == null ? null : owners.get(k.serviceId()), k.group(), (long) s[0], s[1], s[2],
                k.segment())));
    }
}
