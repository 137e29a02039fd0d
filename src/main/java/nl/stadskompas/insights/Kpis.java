// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import nl.stadskompas.insights.kpi.Summary;
import nl.stadskompas.insights.kpi.Suppression;
import nl.stadskompas.insights.spi.KpiScopes;
import nl.stadskompas.insights.spi.KpiScopes.Scope;
import nl.stadskompas.insights.spi.KpiSource;
import nl.stadskompas.insights.spi.KpiSource.Aggregation;
import nl.stadskompas.insights.spi.KpiSource.Dimension;
import nl.stadskompas.insights.spi.KpiSource.DimensionValue;
import nl.stadskompas.insights.spi.KpiSource.Group;
import nl.stadskompas.insights.spi.KpiSource.Kind;
import nl.stadskompas.insights.spi.KpiSource.Measure;
import nl.stadskompas.insights.spi.KpiSource.Unit;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI catalogue of an organisation with its targets and reference values, and the figures per
 * period. Figures come from the modules that contribute a {@link KpiSource}; they are kept as
 * monthly roll-ups ({@code ins_kpi_rollup}) so that a filtered view adds up a few hundred rows
 * instead of scanning answers or cases. Roll-ups are refreshed nightly, when a KPI is added and on
 * request.
 * <p>
 * A figure based on fewer observations than {@code stadskompas.privacy.min-group-size} is not shown;
 * in a breakdown the next smallest group is hidden too when only one is (complementary suppression).
 * A change from the previous period is tested with Welch's two-sample t-test (two-sided, 5%).
 */
@Service
public class Kpis {

    private static final Logger log = LoggerFactory.getLogger(Kpis.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The significance level of the test of a change. */
    public static final double ALPHA = 0.05;

    private final List<KpiSource> sources;
    private final List<KpiScopes> scopes;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final int minimum;
    private final int months;

    Kpis(List<KpiSource> sources, List<KpiScopes> scopes, JdbcClient jdbc, JdbcTemplate template,
            Optional<Clock> clock, @Value("${stadskompas.privacy.min-group-size:5}") int minimum,
            @Value("${stadskompas.insights.kpi.months:36}") int months) {
        this.sources = List.copyOf(sources);
        this.scopes = List.copyOf(scopes);
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.minimum = Math.max(1, minimum);
        this.months = Math.max(2, months);
    }

    public int minimumGroup() {
        return minimum;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // --- catalogue -------------------------------------------------------------------------------

    /** A KPI of the catalogue. */
    public record Kpi(UUID id, String measure, Kind kind, Unit unit, Aggregation aggregation, boolean higherIsBetter,
            String nameNl, String nameEn, int position) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameNl;
        }

        /** Whether a change can be tested: a mean or share of observations, not a stock. */
        public boolean testable() {
            return aggregation == Aggregation.ADDITIVE && unit != Unit.COUNT;
        }
    }

    /** A target: the figure to reach by the deadline. */
    public record Target(UUID id, UUID kpiId, double value, LocalDate deadline, String note) {
    }

    /** A figure from elsewhere, shown beside ours. */
    public record Reference(UUID id, UUID kpiId, String label, double value, String source) {
    }

    /** What a KPI form posts. */
    public record KpiInput(String measure, String nameNl, String nameEn) {
    }

    /** What a target form posts. */
    public record TargetInput(Double value, LocalDate deadline, String note) {
    }

    /** What a reference form posts. */
    public record ReferenceInput(String label, Double value, String source) {
    }

    /** The measures all sources offer in the tenant. */
    public List<Measure> measures(UUID tenantId) {
        return sources.stream().flatMap(s -> s.measures(tenantId).stream())
                .sorted(Comparator.comparing(Measure::kind).thenComparing(Measure::code)).toList();
    }

    private Optional<KpiSource> sourceOf(UUID tenantId, String measure) {
        return sources.stream().filter(s -> s.measures(tenantId).stream().anyMatch(m -> m.code().equals(measure)))
                .findFirst();
    }

    public List<Kpi> kpis(UUID tenantId) {
        return jdbc.sql("SELECT * FROM ins_kpi WHERE tenant_id = :t ORDER BY position, name_nl")
                .param("t", tenantId).query((rs, i) -> new Kpi(rs.getObject("id", UUID.class), rs.getString("measure"),
                        Kind.valueOf(rs.getString("kind")), Unit.valueOf(rs.getString("unit")),
                        Aggregation.valueOf(rs.getString("aggregation")), rs.getBoolean("higher_is_better"),
                        rs.getString("name_nl"), rs.getString("name_en"), rs.getInt("position")))
                .list();
    }

    public Kpi kpi(UUID tenantId, UUID id) {
        return kpis(tenantId).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("kpi"));
    }

    @Transactional
    public Kpi addKpi(TenantContext tenant, KpiInput input) {
        tenant.require(Permission.SURVEYS_EDIT);
        UUID tenantId = tenant.tenantId();
        List<FieldProblem> problems = new ArrayList<>();
        Measure measure = input.measure() == null ? null
                : measures(tenantId).stream().filter(m -> m.code().equals(input.measure())).findFirst().orElse(null);
        if (measure == null) {
            problems.add(new FieldProblem("measure", "insights.kpi.error.measure"));
        } else if (kpis(tenantId).stream().anyMatch(k -> k.measure().equals(measure.code()))) {
            problems.add(new FieldProblem("measure", "insights.kpi.error.duplicate"));
        }
        checkName(input, problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        String nameNl = blank(input.nameNl()) ? measure.labelNl() : input.nameNl().strip();
        String nameEn = blank(input.nameEn()) ? measure.labelEn() : input.nameEn().strip();
        int position = kpis(tenantId).stream().mapToInt(Kpi::position).max().orElse(0) + 1;
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO ins_kpi (id, tenant_id, measure, kind, unit, aggregation, higher_is_better, name_nl, "
                        + "name_en, position, created_at) VALUES (:id, :t, :m, :k, :u, :a, :h, :nl, :en, :p, :c)")
                .param("id", id).param("t", tenantId).param("m", measure.code()).param("k", measure.kind().name())
                .param("u", measure.unit().name()).param("a", measure.aggregation().name())
                .param("h", measure.higherIsBetter()).param("nl", cut(nameNl, 200)).param("en", cut(nameEn, 200))
                .param("p", position).param("c", java.sql.Timestamp.from(clock.instant())).update();
        refreshMeasure(tenantId, measure.code());
        return kpi(tenantId, id);
    }

    @Transactional
    public Kpi renameKpi(TenantContext tenant, UUID id, KpiInput input) {
        tenant.require(Permission.SURVEYS_EDIT);
        Kpi kpi = kpi(tenant.tenantId(), id);
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(input.nameNl())) {
            problems.add(new FieldProblem("nameNl", "insights.kpi.error.name"));
        }
        checkName(input, problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        jdbc.sql("UPDATE ins_kpi SET name_nl = :nl, name_en = :en WHERE id = :id AND tenant_id = :t")
                .param("nl", input.nameNl().strip()).param("en", blank(input.nameEn()) ? null : input.nameEn().strip())
                .param("id", kpi.id()).param("t", tenant.tenantId()).update();
        return kpi(tenant.tenantId(), id);
    }

    private static void checkName(KpiInput input, List<FieldProblem> problems) {
        if (input.nameNl() != null && input.nameNl().strip().length() > 200) {
            problems.add(new FieldProblem("nameNl", "insights.kpi.error.nameLength", 200));
        }
        if (input.nameEn() != null && input.nameEn().strip().length() > 200) {
            problems.add(new FieldProblem("nameEn", "insights.kpi.error.nameLength", 200));
        }
    }

    @Transactional
    public void removeKpi(TenantContext tenant, UUID id) {
        tenant.require(Permission.SURVEYS_EDIT);
        Kpi kpi = kpi(tenant.tenantId(), id);
        jdbc.sql("DELETE FROM ins_kpi WHERE id = :id AND tenant_id = :t").param("id", kpi.id())
                .param("t", tenant.tenantId()).update();
        jdbc.sql("DELETE FROM ins_kpi_rollup WHERE tenant_id = :t AND measure = :m").param("t", tenant.tenantId())
                .param("m", kpi.measure()).update();
    }

    public List<Target> targets(UUID tenantId, UUID kpiId) {
        return jdbc.sql("SELECT * FROM ins_kpi_target WHERE tenant_id = :t AND kpi_id = :k ORDER BY deadline")
                .param("t", tenantId).param("k", kpiId)
                .query((rs, i) -> new Target(rs.getObject("id", UUID.class), kpiId, rs.getDouble("target"),
                        rs.getDate("deadline").toLocalDate(), rs.getString("note")))
                .list();
    }

    @Transactional
    public Target addTarget(TenantContext tenant, UUID kpiId, TargetInput input) {
        tenant.require(Permission.SURVEYS_EDIT);
        Kpi kpi = kpi(tenant.tenantId(), kpiId);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.value() == null || !Double.isFinite(input.value())) {
            problems.add(new FieldProblem("value", "insights.target.error.value"));
        } else if (!inRange(kpi, input.value())) {
            problems.add(new FieldProblem("value", "insights.target.error.range"));
        }
        if (input.deadline() == null) {
            problems.add(new FieldProblem("deadline", "insights.target.error.deadline"));
        }
        if (input.note() != null && input.note().length() > 500) {
            problems.add(new FieldProblem("note", "insights.error.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO ins_kpi_target (id, tenant_id, kpi_id, target, deadline, note) "
                        + "VALUES (:id, :t, :k, :v, :d, :n)")
                .param("id", id).param("t", tenant.tenantId()).param("k", kpi.id()).param("v", input.value())
                .param("d", input.deadline()).param("n", blank(input.note()) ? null : input.note().strip()).update();
        return new Target(id, kpi.id(), input.value(), input.deadline(), input.note());
    }

    @Transactional
    public void removeTarget(TenantContext tenant, UUID kpiId, UUID targetId) {
        tenant.require(Permission.SURVEYS_EDIT);
        int removed = jdbc.sql("DELETE FROM ins_kpi_target WHERE id = :id AND kpi_id = :k AND tenant_id = :t")
                .param("id", targetId).param("k", kpiId).param("t", tenant.tenantId()).update();
        if (removed == 0) {
            throw new NotFoundException("target");
        }
    }

    public List<Reference> references(UUID tenantId, UUID kpiId) {
        return jdbc.sql("SELECT * FROM ins_kpi_reference WHERE tenant_id = :t AND kpi_id = :k ORDER BY label")
                .param("t", tenantId).param("k", kpiId)
                .query((rs, i) -> new Reference(rs.getObject("id", UUID.class), kpiId, rs.getString("label"),
                        rs.getDouble("ref_value"), rs.getString("source")))
                .list();
    }

    @Transactional
    public Reference addReference(TenantContext tenant, UUID kpiId, ReferenceInput input) {
        tenant.require(Permission.SURVEYS_EDIT);
        Kpi kpi = kpi(tenant.tenantId(), kpiId);
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(input.label())) {
            problems.add(new FieldProblem("label", "insights.reference.error.label"));
        } else if (input.label().strip().length() > 200) {
            problems.add(new FieldProblem("label", "insights.error.tooLong", 200));
        }
        if (input.value() == null || !Double.isFinite(input.value())) {
            problems.add(new FieldProblem("value", "insights.target.error.value"));
        } else if (!inRange(kpi, input.value())) {
            problems.add(new FieldProblem("value", "insights.target.error.range"));
        }
        if (blank(input.source())) {
            problems.add(new FieldProblem("source", "insights.reference.error.source"));
        } else if (input.source().strip().length() > 300) {
            problems.add(new FieldProblem("source", "insights.error.tooLong", 300));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO ins_kpi_reference (id, tenant_id, kpi_id, label, ref_value, source) "
                        + "VALUES (:id, :t, :k, :l, :v, :s)")
                .param("id", id).param("t", tenant.tenantId()).param("k", kpi.id()).param("l", input.label().strip())
                .param("v", input.value()).param("s", input.source().strip()).update();
        return new Reference(id, kpi.id(), input.label().strip(), input.value(), input.source().strip());
    }

    @Transactional
    public void removeReference(TenantContext tenant, UUID kpiId, UUID referenceId) {
        tenant.require(Permission.SURVEYS_EDIT);
        int removed = jdbc.sql("DELETE FROM ins_kpi_reference WHERE id = :id AND kpi_id = :k AND tenant_id = :t")
                .param("id", referenceId).param("k", kpiId).param("t", tenant.tenantId()).update();
        if (removed == 0) {
            throw new NotFoundException("reference");
        }
    }

    /** Whether a target or reference value fits the KPI's unit (a share in percent, a score on its scale). */
    private static boolean inRange(Kpi kpi, double value) {
        return switch (kpi.unit()) {
            case SHARE -> value >= 0 && value <= 100;
            case SCORE -> value >= 0 && value <= 10;
            case DAYS, COUNT -> value >= 0;
        };
    }

    // --- roll-ups --------------------------------------------------------------------------------

    /** Refreshes the roll-ups of every KPI of the tenant from its sources. */
    @Transactional
    public void refresh(UUID tenantId) {
        for (Kpi kpi : kpis(tenantId)) {
            refreshMeasure(tenantId, kpi.measure());
        }
        int updated = jdbc.sql("UPDATE ins_kpi_refresh SET refreshed_at = :at WHERE tenant_id = :t")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("t", tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ins_kpi_refresh (tenant_id, refreshed_at) VALUES (:t, :at)").param("t", tenantId)
                    .param("at", java.sql.Timestamp.from(clock.instant())).update();
        }
    }

    /** The organisations that have KPIs, for the nightly refresh. */
    public List<UUID> tenantsWithKpis() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM ins_kpi").query(UUID.class).list();
    }

    public Optional<Instant> refreshedAt(UUID tenantId) {
        return jdbc.sql("SELECT refreshed_at FROM ins_kpi_refresh WHERE tenant_id = :t").param("t", tenantId)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    private void refreshMeasure(UUID tenantId, String measure) {
        jdbc.sql("DELETE FROM ins_kpi_rollup WHERE tenant_id = :t AND measure = :m").param("t", tenantId)
                .param("m", measure).update();
        Optional<KpiSource> source = sourceOf(tenantId, measure);
        if (source.isEmpty()) {
            log.info("No source offers measure {} any more; its figures stay empty", measure);
            return;
        }
        YearMonth to = YearMonth.from(today());
        YearMonth from = to.minusMonths(months - 1L);
        List<Object[]> rows = new ArrayList<>();
        source.get().monthly(tenantId, measure, from, to, cell -> {
            rows.add(new Object[] { tenantId, measure, Date.valueOf(cell.month().atDay(1)), cell.municipalityId(),
                    cell.serviceId(), cell.channel(), cell.teamId(), cell.group() == null ? null : cell.group().name(),
                    cell.n(), cell.sum(), cell.sumSquares(), cut(cell.segment(), 40) });
            if (rows.size() >= 1000) {
                insert(rows);
                rows.clear();
            }
        });
        insert(rows);
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate("INSERT INTO ins_kpi_rollup (tenant_id, measure, month_start, municipality_id, "
                    + "service_id, channel, team_id, grp, n, total, total_sq, segment) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    // --- figures ---------------------------------------------------------------------------------

    /**
     * Which part of the organisation a figure is about; null fields do not filter.
     *
     * @param scope a journey (or other named set of services, channels and teams): only figures
     *        inside it, see {@link KpiScopes}
     * @param segment the code of an option of the segment question: only answers of respondents who
     *        chose it (hard figures have no segment, so they have no figures then)
     */
    public record Filter(UUID municipalityId, UUID serviceId, String channel, UUID teamId, Scope scope,
            String segment) {

        public static final Filter ALL = new Filter(null, null, null, null);

        /** A filter without journey and segment. */
        public Filter(UUID municipalityId, UUID serviceId, String channel, UUID teamId) {
            this(municipalityId, serviceId, channel, teamId, null, null);
        }
    }

    /**
     * A KPI's figure in one period.
     *
     * @param n the observations it rests on
     * @param value the figure (a share between 0 and 1), or null when there is none or it is hidden
     * @param suppressed whether it is hidden because it rests on fewer observations than the minimum
     * @param marginOfError half the 95% confidence interval, or null (counts and stocks have none)
     */
    public record Figure(Period period, long n, Double value, boolean suppressed, Double marginOfError,
            @com.fasterxml.jackson.annotation.JsonIgnore Summary summary) {

        public boolean shown() {
            return value != null;
        }
    }

    /** The figure of one group in a breakdown. */
    public record GroupFigure(String value, String label, Figure figure) {
    }

    /**
     * A KPI in a period: the figure, the previous period's and the change with its test, the target
     * that applies, the reference values and the trend.
     *
     * @param p the two-sided p-value of Welch's test for the change, or null when not tested
     * @param employees for a soft KPI, the employees' figure in the period (the KPI itself is the
     *        residents' figure)
     */
    public record KpiFigures(Kpi kpi, Figure current, Figure previous, Double change, Double p, boolean significant,
            Target target, Boolean targetMet, List<Reference> references, List<Figure> trend, Figure employees,
            List<GroupFigure> breakdown) {
    }

    /** The figures of every KPI of the tenant for a period. */
    @Transactional(readOnly = true)
    public List<KpiFigures> figures(UUID tenantId, Period period, Filter filter, Dimension breakdown, int trendLength,
            Locale locale) {
        List<KpiFigures> result = new ArrayList<>();
        Map<String, String> labels = breakdown == null ? Map.of() : labels(tenantId, breakdown, locale);
        for (Kpi kpi : kpis(tenantId)) {
            result.add(figures(tenantId, kpi, period, filter, breakdown, trendLength, labels));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public KpiFigures figures(UUID tenantId, UUID kpiId, Period period, Filter filter, Dimension breakdown,
            int trendLength, Locale locale) {
        Kpi kpi = kpi(tenantId, kpiId);
        return figures(tenantId, kpi, period, filter, breakdown, trendLength,
                breakdown == null ? Map.of() : labels(tenantId, breakdown, locale));
    }

    private KpiFigures figures(UUID tenantId, Kpi kpi, Period period, Filter filter, Dimension breakdown,
            int trendLength, Map<String, String> labels) {
        List<Period> trend = period.trend(Math.max(2, trendLength));
        Period first = trend.get(0);
        String group = kpi.kind() == Kind.SOFT ? Group.RESIDENTS.name() : null;
        Map<String, TreeMap<YearMonth, Summary>> byGroup = byGroup(tenantId, kpi.measure(), first.firstMonth(),
                period.lastMonth(), filter);
        TreeMap<YearMonth, Summary> ours = byGroup.getOrDefault(key(group), new TreeMap<>());
        List<Figure> figures = trend.stream().map(p -> figure(kpi, p, ours)).toList();
        Figure current = figures.get(figures.size() - 1);
        Figure previous = figures.get(figures.size() - 2);
        Double change = current.shown() && previous.shown() ? current.value() - previous.value() : null;
        Double p = null;
        if (change != null && kpi.testable()) {
            double pValue = Summary.welchP(current.summary(), previous.summary());
            p = Double.isNaN(pValue) ? null : pValue;
        }
        Figure employees = null;
        if (kpi.kind() == Kind.SOFT) {
            employees = figure(kpi, period, byGroup.getOrDefault(Group.EMPLOYEES.name(), new TreeMap<>()));
        }
        Target target = currentTarget(targets(tenantId, kpi.id()), period);
        Boolean met = null;
        if (target != null && current.shown()) {
            double value = display(kpi, current.value());
            met = kpi.higherIsBetter() ? value >= target.value() : value <= target.value();
        }
        // Cases have no segment: a breakdown by segment would show one group of unknowns.
        List<GroupFigure> groups = breakdown == null || breakdown == Dimension.SEGMENT && kpi.kind() == Kind.HARD
                ? List.of() : breakdown(tenantId, kpi, period, filter, breakdown, group, labels);
        return new KpiFigures(kpi, current, previous, change, p, p != null && p < ALPHA, target, met,
                references(tenantId, kpi.id()), figures, employees, groups);
    }

    /** The target that applies in a period: the first with a deadline on or after its end, else the last. */
    static Target currentTarget(List<Target> targets, Period period) {
        return targets.stream().filter(t -> !t.deadline().isBefore(period.end())).findFirst()
                .orElse(targets.isEmpty() ? null : targets.get(targets.size() - 1));
    }

    /** A value as people read it: shares in percent. */
    public static double display(Kpi kpi, double value) {
        return kpi.unit() == Unit.SHARE ? value * 100 : value;
    }

    private Figure figure(Kpi kpi, Period period, TreeMap<YearMonth, Summary> months) {
        Summary summary = Summary.EMPTY;
        if (kpi.aggregation() == Aggregation.LAST) {
            var last = months.subMap(period.firstMonth(), true, period.lastMonth(), true).lastEntry();
            summary = last == null ? Summary.EMPTY : last.getValue();
        } else {
            for (Summary s : months.subMap(period.firstMonth(), true, period.lastMonth(), true).values()) {
                summary = summary.plus(s);
            }
        }
        return figure(kpi, period, summary, false);
    }

    private Figure figure(Kpi kpi, Period period, Summary summary, boolean hide) {
        long n = summary.n();
        if (n == 0) {
            return new Figure(period, 0, null, false, null, summary);
        }
        if (n < minimum || hide) {
            return new Figure(period, 0, null, true, null, summary);
        }
        double value = kpi.unit() == Unit.COUNT ? summary.sum() : summary.mean();
        Double moe = kpi.unit() == Unit.COUNT || kpi.aggregation() == Aggregation.LAST || n < 2 ? null
                : summary.marginOfError();
        return new Figure(period, n, value, false, moe, summary);
    }

    private List<GroupFigure> breakdown(UUID tenantId, Kpi kpi, Period period, Filter filter, Dimension dimension,
            String group, Map<String, String> labels) {
        Map<String, TreeMap<YearMonth, Summary>> byValue = monthly(tenantId, kpi.measure(), period.firstMonth(),
                period.lastMonth(), filter, dimension, group);
        List<String> values = new ArrayList<>(byValue.keySet());
        List<Figure> raw = values.stream().map(v -> figure(kpi, period, byValue.get(v))).toList();
        long[] counts = raw.stream().mapToLong(f -> f.summary().n()).toArray();
        Set<Integer> hidden = Suppression.hidden(counts, minimum);
        List<GroupFigure> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            Figure f = hidden.contains(i) ? figure(kpi, period, raw.get(i).summary(), true) : raw.get(i);
            String label = value.isEmpty() ? null : labels.getOrDefault(value, value);
            result.add(new GroupFigure(value, label, f));
        }
        result.sort(Comparator.comparing(g -> g.label() == null ? "\uffff" : g.label()));
        return result;
    }

    private static String key(String group) {
        return group == null ? "" : group;
    }

    private static final Map<Dimension, String> COLUMNS = Map.of(Dimension.MUNICIPALITY, "municipality_id",
            Dimension.SERVICE, "service_id", Dimension.CHANNEL, "channel", Dimension.TEAM, "team_id",
            Dimension.SEGMENT, "segment");

    /** Monthly summaries per respondent group ("" for none). */
    private Map<String, TreeMap<YearMonth, Summary>> byGroup(UUID tenantId, String measure, YearMonth from,
            YearMonth to, Filter filter) {
        return query(tenantId, measure, from, to, filter, "grp", null);
    }

    /** Monthly summaries per value of a dimension ("" for unknown), for one respondent group. */
    private Map<String, TreeMap<YearMonth, Summary>> monthly(UUID tenantId, String measure, YearMonth from,
            YearMonth to, Filter filter, Dimension dimension, String group) {
        return query(tenantId, measure, from, to, filter, COLUMNS.get(dimension), group == null ? "" : group);
    }

    private Map<String, TreeMap<YearMonth, Summary>> query(UUID tenantId, String measure, YearMonth from,
            YearMonth to, Filter filter, String column, String group) {
        StringBuilder sql = new StringBuilder("SELECT month_start, ").append(column)
                .append(", SUM(n), SUM(total), SUM(total_sq) FROM ins_kpi_rollup WHERE tenant_id = :t AND measure = :m "
                        + "AND month_start BETWEEN :from AND :to");
        Map<String, Object> params = new HashMap<>();
        params.put("t", tenantId);
        params.put("m", measure);
        params.put("from", Date.valueOf(from.atDay(1)));
        params.put("to", Date.valueOf(to.atDay(1)));
        if (filter.municipalityId() != null) {
            sql.append(" AND municipality_id = :mu");
            params.put("mu", filter.municipalityId());
        }
        if (filter.serviceId() != null) {
            sql.append(" AND service_id = :se");
            params.put("se", filter.serviceId());
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = :ch");
            params.put("ch", filter.channel());
        }
        if (filter.teamId() != null) {
            sql.append(" AND team_id = :te");
            params.put("te", filter.teamId());
        }
        Scope scope = filter.scope();
        if (scope != null) {
            if (scope.serviceIds().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND service_id IN (:ss)");
                params.put("ss", List.copyOf(scope.serviceIds()));
            }
            if (!scope.channels().isEmpty()) {
                sql.append(" AND channel IN (:sc)");
                params.put("sc", List.copyOf(scope.channels()));
            }
            if (!scope.teamIds().isEmpty()) {
                sql.append(" AND team_id IN (:st)");
                params.put("st", List.copyOf(scope.teamIds()));
            }
        }
        if (filter.segment() != null) {
            sql.append(" AND segment = :sg");
            params.put("sg", filter.segment());
        }
        if (group != null) {
            sql.append(group.isEmpty() ? " AND grp IS NULL" : " AND grp = :g");
            params.put("g", group);
        }
        sql.append(" GROUP BY month_start, ").append(column);
        Map<String, TreeMap<YearMonth, Summary>> result = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            YearMonth month = YearMonth.from(rs.getDate(1).toLocalDate());
            Object value = rs.getObject(2);
            String k = value == null ? "" : value.toString();
            result.computeIfAbsent(k, x -> new TreeMap<>()).merge(month,
                    new Summary(rs.getLong(3), rs.getDouble(4), rs.getDouble(5)), Summary::plus);
        });
        return result;
    }

    /**
     * The period a request asks for ({@code 2026}, {@code 2026-Q1}, {@code 2026-03}); without one,
     * the current quarter.
     *
     * @throws ValidationProblem when the text is not a period
     */
    public Period period(String code) {
        if (code == null || code.isBlank()) {
            return Period.containing(Period.Type.QUARTER, today());
        }
        try {
            return Period.parse(code.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of("period", "insights.error.period");
        }
    }

    /** The periods offered in the filter: the last {@code count} of the type, newest first. */
    public List<Period> recentPeriods(Period.Type type, int count) {
        List<Period> periods = new ArrayList<>(Period.containing(type, today()).trend(count));
        java.util.Collections.reverse(periods);
        return periods;
    }

    // --- dimensions ------------------------------------------------------------------------------

    /** The values one can filter on, per dimension, with their names. */
    public Map<Dimension, List<DimensionValue>> dimensionValues(UUID tenantId, Locale locale) {
        Map<Dimension, Map<String, DimensionValue>> values = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            values.put(d, new LinkedHashMap<>());
        }
        sources.forEach(s -> s.dimensionValues(tenantId).forEach(v -> values.get(v.dimension()).putIfAbsent(v.value(), v)));
        Map<Dimension, List<DimensionValue>> result = new java.util.EnumMap<>(Dimension.class);
        values.forEach((d, m) -> result.put(d, m.values().stream()
                .sorted(Comparator.comparing((DimensionValue v) -> v.label(locale))).toList()));
        return result;
    }

    /** The journeys (and other named scopes) one can filter on, by name. */
    public List<Scope> scopes(UUID tenantId, Locale locale) {
        Map<String, Scope> byId = new LinkedHashMap<>();
        scopes.forEach(s -> s.scopes(tenantId).forEach(scope -> byId.putIfAbsent(scope.id(), scope)));
        return byId.values().stream().sorted(Comparator.comparing((Scope s) -> s.label(locale))).toList();
    }

    /**
     * The scope a request names, or null for none.
     *
     * @throws ValidationProblem when the tenant has no such scope
     */
    public Scope scope(UUID tenantId, String id) {
        if (blank(id)) {
            return null;
        }
        return scopes(tenantId, Locale.ROOT).stream().filter(s -> s.id().equals(id.strip())).findFirst()
                .orElseThrow(() -> ValidationProblem.of("journey", "insights.error.journey"));
    }

    /**
     * The segment a request names, or null for none.
     *
     * @throws ValidationProblem when it is not an option of the segment question
     */
    public String segment(UUID tenantId, String code) {
        if (blank(code)) {
            return null;
        }
        return dimensionValues(tenantId, Locale.ROOT).get(Dimension.SEGMENT).stream().map(DimensionValue::value)
                .filter(v -> v.equals(code.strip())).findFirst()
                .orElseThrow(() -> ValidationProblem.of("segment", "insights.error.segment"));
    }

    private Map<String, String> labels(UUID tenantId, Dimension dimension, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        dimensionValues(tenantId, locale).get(dimension).forEach(v -> labels.put(v.value(), v.label(locale)));
        return labels;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
