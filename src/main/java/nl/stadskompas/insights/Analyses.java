// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;

import nl.stadskompas.insights.analysis.ExactShapley;
import nl.stadskompas.insights.analysis.KeyDriverAnalysis;
import nl.stadskompas.insights.analysis.MarginFit;
import nl.stadskompas.insights.analysis.Raking;
import nl.stadskompas.insights.analysis.WeightedEstimate;
import nl.stadskompas.insights.spi.SurveyData;
import nl.stadskompas.insights.spi.SurveyData.ItemOrigin;
import nl.stadskompas.insights.spi.SurveyData.ItemType;
import nl.stadskompas.insights.spi.SurveyData.Survey;
import nl.stadskompas.insights.spi.SurveyData.SurveyItem;
import nl.stadskompas.insights.spi.SurveyData.SurveyReference;
import nl.stadskompas.insights.spi.SurveyData.SurveyResponse;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.hipparchus.exception.MathRuntimeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses for advisors on any questionnaire a module contributes through {@link SurveyData}
 * (imported historical data included): key drivers with the exact Shapley (LMG) share of R²,
 * importance versus performance, and representativeness against population margins with raking
 * weights and weighted estimates.
 * <p>
 * Missing answers: an analysis uses the respondents who gave a value to every question it needs
 * (listwise deletion); "don't know" counts as no value. For key drivers these are the outcome and
 * all chosen aspects, and every figure (means, shares, correlations, regression, importance) is
 * computed on exactly those respondents. For weighting they are the respondents who answered every
 * margin question; each weighted estimate then uses those of them who answered the question.
 * <p>
 * No result is given for fewer respondents than {@code stadskompas.privacy.min-group-size}.
 */
@Service
public class Analyses {

    /** The most aspects one key-driver analysis takes (2^30 subsets for LMG). */
    public static final int MAX_ASPECTS = 30;
    /** Respondents needed beyond the number of aspects: at least ten residual degrees of freedom. */
    public static final int MARGIN_OVER_ASPECTS = 11;

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final List<SurveyData> sources;
    private final JdbcClient jdbc;
    private final int minimum;
    private final int maxIterations;
    private final double tolerance;

    Analyses(List<SurveyData> sources, JdbcClient jdbc,
            @Value("${stadskompas.privacy.min-group-size:5}") int minimum,
            @Value("${stadskompas.insights.raking.max-iterations:100}") int maxIterations,
            @Value("${stadskompas.insights.raking.tolerance:1e-9}") double tolerance) {
        this.sources = List.copyOf(sources);
        this.jdbc = jdbc;
        this.minimum = Math.max(1, minimum);
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** The smallest group for which a result is shown. */
    public int minimumGroup() {
        return minimum;
    }

    // --- questionnaires -----------------------------------------------------------------------

    public List<SurveyReference> surveys(UUID tenantId) {
        return sources.stream().flatMap(s -> s.surveys(tenantId).stream()).toList();
    }

    /** The questionnaire, or {@link NotFoundException} when no source knows it in this tenant. */
    public Survey survey(UUID tenantId, UUID surveyId) {
        return source(tenantId, surveyId).flatMap(s -> s.survey(tenantId, surveyId))
                .orElseThrow(() -> new NotFoundException("survey"));
    }

    private Optional<SurveyData> source(UUID tenantId, UUID surveyId) {
        return sources.stream().filter(s -> s.survey(tenantId, surveyId).isPresent()).findFirst();
    }

    /** The item used as outcome when none is chosen: the report mark, else the first scale item. */
    public static Optional<SurveyItem> defaultOutcome(Survey survey) {
        return survey.items().stream().filter(i -> i.isScale() && i.origin() == ItemOrigin.MARK).findFirst()
                .or(() -> survey.items().stream().filter(SurveyItem::isScale).findFirst());
    }

    /** The aspects used when none are chosen: the service aspects of the questionnaire. */
    public static List<SurveyItem> defaultAspects(Survey survey, String outcome) {
        List<SurveyItem> aspects = survey.items().stream()
                .filter(i -> i.isScale() && i.origin() == ItemOrigin.ASPECT && !i.key().equals(outcome)).toList();
        return aspects.isEmpty() ? survey.items().stream()
                .filter(i -> i.isScale() && i.origin() != ItemOrigin.MARK && !i.key().equals(outcome)).toList()
                : aspects;
    }

    // --- key drivers ---------------------------------------------------------------------------

    /** Where an aspect stands in the importance–performance matrix. */
    public enum Quadrant {
        /** Important and scoring below average: improve here first. */
        IMPROVE,
        /** Important and scoring above average: keep it up. */
        KEEP,
        /** Less important and scoring below average: lower priority. */
        LOW_PRIORITY,
        /** Less important and scoring above average: possibly more effort than needed. */
        OVERDONE;

        public String messageKey() {
            return "insights-analysis.quadrant." + name();
        }
    }

    /**
     * The figures of one aspect.
     *
     * @param importance the LMG share of the explained variance (LMG / R²), the importance axis
     * @param correlationP null when weighted (see {@link KeyDriverReport#weightedTo()})
     * @param standardError null when weighted
     * @param coefficientP null when weighted
     */
    public record Driver(String key, String labelNl, String labelEn, int n, double mean, Double sharePositive,
            double correlation, Double correlationP, double coefficient, Double standardError, Double coefficientP,
            double relativeWeight, double lmg, double importance, int correlationRank, int relativeWeightRank,
            int lmgRank, Quadrant quadrant) {

        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }

    /**
     * A key-driver analysis.
     *
     * @param respondents respondents of the questionnaire (before listwise deletion)
     * @param n respondents used: those with a value for the outcome and every aspect
     * @param importanceCut the mean importance of the aspects, the vertical cut-off of the matrix
     * @param performanceCut the mean of the aspects' means, the horizontal cut-off
     * @param from the first day of the answers used, or null for no limit
     * @param to the last day of the answers used, or null for no limit
     * @param weightedTo the name of the margins the answers are weighted to (raking), or null when
     *        unweighted; then means, shares, correlations, coefficients, R², relative weights and LMG
     *        are weighted, n is the real number of respondents, and no standard errors or p-values
     *        are given
     */
    public record KeyDriverReport(UUID surveyId, String surveyName, SurveyItem outcome, long respondents, int n,
            double r2, double adjustedR2, List<Driver> drivers, double importanceCut, double performanceCut,
            LocalDate from, LocalDate to, String weightedTo) {

        public boolean weighted() {
            return weightedTo != null;
        }
    }

    /**
     * Which answers a key-driver analysis uses and how.
     *
     * @param from only answers given on or after this day, or null
     * @param to only answers given on or before this day, or null
     * @param marginSetId weight the answers to these population margins (raking), or null
     */
    public record KeyDriverScope(LocalDate from, LocalDate to, UUID marginSetId) {

        /** Every answer, unweighted. */
        public static final KeyDriverScope ALL = new KeyDriverScope(null, null, null);

        /** The answers given in the period. */
        public static KeyDriverScope of(Period period) {
            return new KeyDriverScope(period.start(), period.end(), null);
        }

        boolean includes(LocalDate day) {
            return (from == null || (day != null && !day.isBefore(from)))
                    && (to == null || (day != null && !day.isAfter(to)));
        }
    }

    /**
     * @param outcomeKey the outcome item, or null for the default
     * @param aspectKeys the aspects, or empty for the default
     * @throws ValidationProblem when the choice is invalid or too few respondents remain
     */
    public KeyDriverReport keyDrivers(UUID tenantId, UUID surveyId, String outcomeKey, List<String> aspectKeys) {
        return keyDrivers(tenantId, surveyId, outcomeKey, aspectKeys, KeyDriverScope.ALL);
    }

    /**
     * Key drivers on the answers of the scope: only those given in its period, and weighted to its
     * margins when it names a set. With weighting the respondents are raked as on the
     * representativeness page (those in the period who answered every margin question, in the set's
     * municipality when it names one); the analysis then uses those of them with a value for the
     * outcome and every aspect, with their weights.
     *
     * @throws ValidationProblem when the choice is invalid, too few respondents remain or the
     *         weighting does not reach the margins
     */
    @Transactional(readOnly = true)
    public KeyDriverReport keyDrivers(UUID tenantId, UUID surveyId, String outcomeKey, List<String> aspectKeys,
            KeyDriverScope scope) {
        SurveyData source = source(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey"));
        Survey survey = source.survey(tenantId, surveyId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        SurveyItem outcome = outcomeKey == null || outcomeKey.isBlank() ? defaultOutcome(survey).orElse(null)
                : survey.item(outcomeKey).filter(SurveyItem::isScale).orElse(null);
        if (outcome == null) {
            problems.add(new FieldProblem("outcome", "insights-analysis.error.outcome"));
        }
        List<SurveyItem> aspects = new ArrayList<>();
        if (aspectKeys == null || aspectKeys.isEmpty()) {
            if (outcome != null) {
                aspects.addAll(defaultAspects(survey, outcome.key()));
            }
        } else {
            for (String key : new LinkedHashSet<>(aspectKeys)) {
                Optional<SurveyItem> item = survey.item(key).filter(SurveyItem::isScale);
                if (item.isEmpty() || (outcome != null && key.equals(outcome.key()))) {
                    problems.add(new FieldProblem("aspects", "insights-analysis.error.aspect", key));
                } else {
                    aspects.add(item.get());
                }
            }
        }
        if (problems.isEmpty() && aspects.isEmpty()) {
            problems.add(new FieldProblem("aspects", "insights-analysis.error.noAspects"));
        }
        if (aspects.size() > MAX_ASPECTS) {
            problems.add(new FieldProblem("aspects", "insights-analysis.error.tooManyAspects", MAX_ASPECTS));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        int p = aspects.size();
        MarginSet set = scope.marginSetId() == null ? null : marginSet(tenantId, scope.marginSetId());
        Margins margins = set == null ? null : margins(survey, set);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(outcome.key());
        aspects.forEach(a -> keys.add(a.key()));
        if (margins != null) {
            keys.addAll(margins.keys());
        }
        List<double[]> rows = new ArrayList<>();
        List<int[]> weighted = new ArrayList<>();
        List<Integer> rowOfWeighted = new ArrayList<>();
        long[] respondents = { 0 };
        source.responses(tenantId, surveyId, keys, response -> {
            if (!scope.includes(response.submittedOn())) {
                return;
            }
            int[] categories = null;
            if (margins != null) {
                if (set.municipalityId() != null && !set.municipalityId().equals(response.municipalityId())) {
                    return;
                }
                categories = margins.categoriesOf(response);
                if (categories == null) {
                    respondents[0]++;
                    return;
                }
                weighted.add(categories);
                rowOfWeighted.add(-1);
            }
            respondents[0]++;
            Integer y = response.numbers().get(outcome.key());
            if (y == null) {
                return;
            }
            double[] row = new double[p + 1];
            for (int j = 0; j < p; j++) {
                Integer v = response.numbers().get(aspects.get(j).key());
                if (v == null) {
                    return;
                }
                row[j] = v;
            }
            row[p] = y;
            if (categories != null) {
                rowOfWeighted.set(rowOfWeighted.size() - 1, rows.size());
            }
            rows.add(row);
        });
        int n = rows.size();
        int needed = Math.max(minimum, p + MARGIN_OVER_ASPECTS);
        if (n < needed) {
            throw n < minimum ? ValidationProblem.of("aspects", "insights-analysis.error.tooFewPrivacy", needed, minimum)
                    : ValidationProblem.of("aspects", "insights-analysis.error.tooFew", n, needed, p);
        }
        double[] weights = null;
        if (margins != null) {
            Raking.Result raking;
            try {
                raking = Raking.rake(weighted.toArray(int[][]::new), margins.population(), maxIterations, tolerance);
            } catch (IllegalArgumentException e) {
                throw ValidationProblem.of("margins", "insights-analysis.error.emptyCategory");
            }
            if (!raking.converged()) {
                throw ValidationProblem.of("margins", "insights-analysis.raking.notConverged", raking.iterations());
            }
            weights = new double[n];
            for (int i = 0; i < rowOfWeighted.size(); i++) {
                if (rowOfWeighted.get(i) >= 0) {
                    weights[rowOfWeighted.get(i)] = raking.weights()[i];
                }
            }
        }
        double[] y = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            y[i] = row[p];
            x[i] = java.util.Arrays.copyOf(row, p);
        }
        rows.clear();
        double[] positiveFrom = aspects.stream()
                .mapToDouble(a -> a.positiveFrom() == null ? Double.POSITIVE_INFINITY : a.positiveFrom()).toArray();
        KeyDriverAnalysis.Figures figures;
        try {
            figures = KeyDriverAnalysis.analyse(y, x, positiveFrom, weights, POOL);
        } catch (IllegalArgumentException | MathRuntimeException e) {
            throw ValidationProblem.of("aspects", "insights-analysis.error.collinear");
        }
        double importanceCut = 0;
        double performanceCut = 0;
        for (int j = 0; j < p; j++) {
            importanceCut += figures.aspects().get(j).lmg() / figures.r2();
            performanceCut += figures.aspects().get(j).mean();
        }
        importanceCut /= p;
        performanceCut /= p;
        List<Driver> drivers = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            KeyDriverAnalysis.AspectFigures f = figures.aspects().get(j);
            SurveyItem item = aspects.get(j);
            double importance = f.lmg() / figures.r2();
            boolean important = importance >= importanceCut;
            boolean good = f.mean() >= performanceCut;
            Quadrant quadrant = important ? (good ? Quadrant.KEEP : Quadrant.IMPROVE)
                    : (good ? Quadrant.OVERDONE : Quadrant.LOW_PRIORITY);
            drivers.add(new Driver(item.key(), item.labelNl(), item.labelEn(), n, f.mean(),
                    item.positiveFrom() == null ? null : f.sharePositive(), f.correlation(), given(f.correlationP()),
                    f.coefficient(), given(f.standardError()), given(f.coefficientP()), f.relativeWeight(), f.lmg(),
                    importance, f.correlationRank(), f.relativeWeightRank(), f.lmgRank(), quadrant));
        }
        return new KeyDriverReport(survey.id(), survey.name(), outcome, respondents[0], n, figures.r2(),
                figures.adjustedR2(), drivers, importanceCut, performanceCut, scope.from(), scope.to(),
                set == null ? null : set.name());
    }

    private static Double given(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** The margins of a set as raking needs them: per margin its categories and population counts. */
    private record Margins(List<String> keys, List<List<String>> categories, double[][] population) {

        /** The category index per margin, or null when the response lacks one. */
        int[] categoriesOf(SurveyResponse response) {
            int[] row = new int[keys.size()];
            for (int m = 0; m < row.length; m++) {
                String code = response.codes().get(keys.get(m));
                row[m] = code == null ? -1 : categories.get(m).indexOf(code);
                if (row[m] < 0) {
                    return null;
                }
            }
            return row;
        }
    }

    /** @throws ValidationProblem when a margin is not a single-choice question of the survey */
    private static Margins margins(Survey survey, MarginSet set) {
        List<String> marginKeys = set.itemKeys();
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : marginKeys) {
            if (survey.item(key).filter(i -> i.type() == ItemType.CHOICE).isEmpty()) {
                problems.add(new FieldProblem("margins", "insights-analysis.error.marginItem", key));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        List<List<String>> categories = marginKeys.stream()
                .map(k -> set.cells(k).stream().map(MarginCell::category).toList()).toList();
        double[][] population = marginKeys.stream()
                .map(k -> set.cells(k).stream().mapToDouble(MarginCell::population).toArray()).toArray(double[][]::new);
        return new Margins(marginKeys, categories, population);
    }

    /** The responses to a questionnaire given in the scope's period (weighting plays no part). */
    @Transactional(readOnly = true)
    public long respondents(UUID tenantId, UUID surveyId, KeyDriverScope scope) {
        long[] count = { 0 };
        source(tenantId, surveyId).ifPresent(s -> s.responses(tenantId, surveyId, Set.of(), response -> {
            if (scope.includes(response.submittedOn())) {
                count[0]++;
            }
        }));
        return count[0];
    }

    /** Exposed for the benchmark: the LMG shares from a correlation matrix (outcome last). */
    public static double[] lmg(double[][] correlation) {
        return ExactShapley.lmg(correlation, POOL);
    }

    // --- margins -------------------------------------------------------------------------------

    /** One category of a margin with its population count. */
    public record MarginCell(String itemKey, String category, long population) {
    }

    /**
     * Population margins for one area.
     *
     * @param municipalityId the municipality they describe, or null for the whole area
     * @param district the district they describe within it, or null
     * @param source where the figures come from (for example the CBS table and year)
     */
    public record MarginSet(UUID id, String name, UUID municipalityId, String district, String source,
            List<MarginCell> cells) {

        /** The margins (item keys) in order of first appearance. */
        public List<String> itemKeys() {
            return cells.stream().map(MarginCell::itemKey).distinct().toList();
        }

        public List<MarginCell> cells(String itemKey) {
            return cells.stream().filter(c -> c.itemKey().equals(itemKey)).toList();
        }
    }

    /** What an advisor enters. */
    public record MarginSetInput(String name, UUID municipalityId, String district, String source,
            List<MarginCell> cells) {
    }

    @Transactional(readOnly = true)
    public List<MarginSet> marginSets(UUID tenantId) {
        return jdbc.sql("SELECT id FROM ins_margin_set WHERE tenant_id = :t ORDER BY name").param("t", tenantId)
                .query(UUID.class).list().stream().map(id -> marginSet(tenantId, id)).toList();
    }

    @Transactional(readOnly = true)
    public MarginSet marginSet(UUID tenantId, UUID id) {
        var head = jdbc.sql("SELECT name, municipality_id, district, source FROM ins_margin_set "
                        + "WHERE id = :id AND tenant_id = :t")
                .param("id", id).param("t", tenantId)
                .query((rs, i) -> new MarginSet(id, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("margins"));
        List<MarginCell> cells = jdbc.sql("SELECT c.item_key, c.category, c.population FROM ins_margin_cell c "
                        + "JOIN ins_margin_set s ON s.id = c.margin_set_id "
                        + "WHERE c.margin_set_id = :id AND s.tenant_id = :t ORDER BY c.position")
                .param("id", id).param("t", tenantId)
                .query((rs, i) -> new MarginCell(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        return new MarginSet(id, head.name(), head.municipalityId(), head.district(), head.source(), cells);
    }

    /**
     * Creates (id null) or replaces a set of margins. Every margin needs at least two categories and
     * a population above zero; nothing is written when any input is wrong.
     */
    @Transactional
    public MarginSet saveMarginSet(TenantContext tenant, UUID id, MarginSetInput input) {
        if (id != null) {
            marginSet(tenant.tenantId(), id);
        }
        validate(input);
        UUID setId = id == null ? UUID.randomUUID() : id;
        if (id == null) {
            jdbc.sql("INSERT INTO ins_margin_set (id, tenant_id, name, municipality_id, district, source, created_at) "
                            + "VALUES (:id, :t, :n, :m, :d, :s, :c)")
                    .param("id", setId).param("t", tenant.tenantId()).param("n", input.name().strip())
                    .param("m", input.municipalityId()).param("d", blankToNull(input.district()))
                    .param("s", blankToNull(input.source())).param("c", java.sql.Timestamp.from(Instant.now())).update();
        } else {
            jdbc.sql("UPDATE ins_margin_set SET name = :n, municipality_id = :m, district = :d, source = :s "
                            + "WHERE id = :id AND tenant_id = :t")
                    .param("id", setId).param("t", tenant.tenantId()).param("n", input.name().strip())
                    .param("m", input.municipalityId()).param("d", blankToNull(input.district()))
                    .param("s", blankToNull(input.source())).update();
            jdbc.sql("DELETE FROM ins_margin_cell WHERE margin_set_id = :id").param("id", setId).update();
        }
        int position = 0;
        for (MarginCell cell : input.cells()) {
            jdbc.sql("INSERT INTO ins_margin_cell (margin_set_id, item_key, category, population, position) "
                            + "VALUES (:s, :k, :c, :p, :o)")
                    .param("s", setId).param("k", cell.itemKey().strip()).param("c", cell.category().strip())
                    .param("p", cell.population()).param("o", position++).update();
        }
        return marginSet(tenant.tenantId(), setId);
    }

    @Transactional
    public void deleteMarginSet(TenantContext tenant, UUID id) {
        marginSet(tenant.tenantId(), id);
        // Scheduled council reports weighted to these margins go back to unweighted.
        jdbc.sql("UPDATE ins_report_setting SET margin_set_id = NULL WHERE margin_set_id = :id AND tenant_id = :t")
                .param("id", id).param("t", tenant.tenantId()).update();
        jdbc.sql("DELETE FROM ins_margin_set WHERE id = :id AND tenant_id = :t").param("id", id)
                .param("t", tenant.tenantId()).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void validate(MarginSetInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            problems.add(new FieldProblem("name", "insights-analysis.margins.error.name"));
        }
        if (input.district() != null && input.district().length() > 60) {
            problems.add(new FieldProblem("district", "insights-analysis.margins.error.district"));
        }
        if (input.source() != null && input.source().length() > 200) {
            problems.add(new FieldProblem("source", "insights-analysis.margins.error.source"));
        }
        List<MarginCell> cells = input.cells() == null ? List.of() : input.cells();
        Map<String, Set<String>> categories = new LinkedHashMap<>();
        for (MarginCell cell : cells) {
            if (cell.itemKey() == null || cell.itemKey().isBlank() || cell.itemKey().strip().length() > 20
                    || cell.category() == null || cell.category().isBlank() || cell.category().strip().length() > 40) {
                problems.add(new FieldProblem("cells", "insights-analysis.margins.error.cell"));
                continue;
            }
            if (cell.population() <= 0) {
                problems.add(new FieldProblem("cells", "insights-analysis.margins.error.population",
                        cell.itemKey(), cell.category()));
            }
            if (!categories.computeIfAbsent(cell.itemKey().strip(), k -> new LinkedHashSet<>())
                    .add(cell.category().strip())) {
                problems.add(new FieldProblem("cells", "insights-analysis.margins.error.duplicate",
                        cell.itemKey(), cell.category()));
            }
        }
        if (categories.isEmpty()) {
            problems.add(new FieldProblem("cells", "insights-analysis.margins.error.empty"));
        }
        categories.forEach((key, values) -> {
            if (values.size() < 2) {
                problems.add(new FieldProblem("cells", "insights-analysis.margins.error.categories", key));
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }

    // --- representativeness -------------------------------------------------------------------

    /**
     * One category of a margin. Respondent counts of a category smaller than the minimum group
     * (and, when only one is, the next smallest) are null: not shown.
     */
    public record CategoryFit(String code, String label, long population, double populationShare,
            Long respondents, Double respondentShare, Double weightedShare) {
    }

    /**
     * A margin: its categories and the chi-square goodness-of-fit test of the respondents. When
     * category counts are hidden (too small) the test pools the hidden categories into one, so it
     * cannot be solved for their counts; with fewer than two groups left there is no test (null).
     *
     * @param pooled whether hidden categories were pooled for the test
     */
    public record MarginReport(String itemKey, String label, List<CategoryFit> categories, Double chiSquare,
            Integer degreesOfFreedom, Double p, boolean pooled) {

        public boolean tested() {
            return chiSquare != null;
        }
    }

    /**
     * A weighted estimate of a scale item.
     *
     * @param marginOfError half the width of the 95% confidence interval of the weighted mean (1.96 SE)
     */
    public record ItemEstimate(String key, String labelNl, String labelEn, int n, double unweightedMean,
            double weightedMean, double standardError, double marginOfError, double designEffect,
            double kishDesignEffect, Double weightedSharePositive, Double shareStandardError) {

        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }

    /**
     * Representativeness of the respondents against a set of margins, with weighting by raking.
     *
     * @param n respondents with an answer to every margin question (in the municipality of the set,
     *        when it names one); they are weighted
     * @param converged whether raking reached the margins; without it there are no weighted estimates
     * @param kishDesignEffect Kish's design effect of the raking weights of all n respondents,
     *        n Σw² / (Σw)², or null without convergence
     * @param effectiveN the effective number of respondents, (Σw)² / Σw² = n / Kish's design effect,
     *        or null without convergence
     * @param from the first day of the answers used, or null for no limit
     * @param to the last day of the answers used, or null for no limit
     */
    public record RepresentativenessReport(UUID surveyId, String surveyName, MarginSet margins, long respondents,
            int n, List<MarginReport> marginReports, boolean converged, int iterations, List<ItemEstimate> estimates,
            Double kishDesignEffect, Double effectiveN, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public RepresentativenessReport representativeness(UUID tenantId, UUID surveyId, UUID marginSetId,
            java.util.Locale locale) {
        return representativeness(tenantId, surveyId, marginSetId, locale, null, null);
    }

    /**
     * Representativeness and weighted estimates of the answers given from {@code from} to {@code to}
     * (inclusive; null for no limit).
     */
    @Transactional(readOnly = true)
    public RepresentativenessReport representativeness(UUID tenantId, UUID surveyId, UUID marginSetId,
            java.util.Locale locale, LocalDate from, LocalDate to) {
        KeyDriverScope scope = new KeyDriverScope(from, to, marginSetId);
        SurveyData source = source(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey"));
        Survey survey = source.survey(tenantId, surveyId).orElseThrow();
        MarginSet set = marginSet(tenantId, marginSetId);
        List<String> marginKeys = set.itemKeys();
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : marginKeys) {
            if (survey.item(key).filter(i -> i.type() == ItemType.CHOICE).isEmpty()) {
                problems.add(new FieldProblem("margins", "insights-analysis.error.marginItem", key));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        List<List<String>> categories = marginKeys.stream()
                .map(k -> set.cells(k).stream().map(MarginCell::category).toList()).toList();
        double[][] population = marginKeys.stream()
                .map(k -> set.cells(k).stream().mapToDouble(MarginCell::population).toArray()).toArray(double[][]::new);
        List<SurveyItem> scales = survey.items().stream().filter(SurveyItem::isScale).toList();
        Set<String> keys = new LinkedHashSet<>(marginKeys);
        scales.forEach(s -> keys.add(s.key()));
        List<int[]> cats = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        long[] respondents = { 0 };
        source.responses(tenantId, surveyId, keys, (SurveyResponse response) -> {
            if (!scope.includes(response.submittedOn())) {
                return;
            }
            if (set.municipalityId() != null && !set.municipalityId().equals(response.municipalityId())) {
                return;
            }
            respondents[0]++;
            int[] row = new int[marginKeys.size()];
            for (int m = 0; m < row.length; m++) {
                String code = response.codes().get(marginKeys.get(m));
                row[m] = code == null ? -1 : categories.get(m).indexOf(code);
                if (row[m] < 0) {
                    return;
                }
            }
            double[] v = new double[scales.size()];
            for (int s = 0; s < v.length; s++) {
                Integer value = response.numbers().get(scales.get(s).key());
                v[s] = value == null ? Double.NaN : value;
            }
            cats.add(row);
            values.add(v);
        });
        int n = cats.size();
        if (n < minimum) {
            throw ValidationProblem.of("margins", "insights-analysis.error.tooFewWeighted", minimum);
        }
        int[][] categoryIndex = cats.toArray(int[][]::new);
        Raking.Result raking;
        try {
            raking = Raking.rake(categoryIndex, population, maxIterations, tolerance);
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of("margins", "insights-analysis.error.emptyCategory");
        }
        List<MarginReport> reports = new ArrayList<>();
        for (int m = 0; m < marginKeys.size(); m++) {
            SurveyItem item = survey.item(marginKeys.get(m)).orElseThrow();
            int size = categories.get(m).size();
            long[] observed = new long[size];
            double[] weighted = new double[size];
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                observed[categoryIndex[i][m]]++;
                weighted[categoryIndex[i][m]] += raking.weights()[i];
                weightSum += raking.weights()[i];
            }
            double populationTotal = java.util.Arrays.stream(population[m]).sum();
            Set<Integer> hidden = suppressed(observed);
            Optional<MarginFit> fit = MarginFit.pooled(observed, population[m], hidden);
            List<CategoryFit> fits = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                String code = categories.get(m).get(c);
                String label = item.options().stream().filter(o -> o.code().equals(code)).findFirst()
                        .map(o -> o.label(locale)).orElse(code);
                boolean shown = !hidden.contains(c);
                fits.add(new CategoryFit(code, label, (long) population[m][c], population[m][c] / populationTotal,
                        shown ? observed[c] : null, shown ? (double) observed[c] / n : null,
                        shown && raking.converged() ? weighted[c] / weightSum : null));
            }
            reports.add(new MarginReport(item.key(), item.label(locale), fits,
                    fit.map(MarginFit::chiSquare).orElse(null), fit.map(MarginFit::degreesOfFreedom).orElse(null),
                    fit.map(MarginFit::p).orElse(null), !hidden.isEmpty()));
        }
        List<ItemEstimate> estimates = new ArrayList<>();
        if (raking.converged()) {
            for (int s = 0; s < scales.size(); s++) {
                SurveyItem item = scales.get(s);
                double[] v = new double[n];
                double[] positive = new double[n];
                int answered = 0;
                for (int i = 0; i < n; i++) {
                    v[i] = values.get(i)[s];
                    if (!Double.isNaN(v[i])) {
                        answered++;
                    }
                    positive[i] = Double.isNaN(v[i]) || item.positiveFrom() == null ? Double.NaN
                            : v[i] >= item.positiveFrom() ? 1 : 0;
                }
                if (answered < Math.max(minimum, 2)) {
                    continue;
                }
                WeightedEstimate.Estimate mean = WeightedEstimate.mean(v, categoryIndex, raking);
                WeightedEstimate.Estimate share = item.positiveFrom() == null ? null
                        : WeightedEstimate.mean(positive, categoryIndex, raking);
                estimates.add(new ItemEstimate(item.key(), item.labelNl(), item.labelEn(), mean.n(), mean.unweighted(),
                        mean.estimate(), mean.standardError(), 1.959963984540054 * mean.standardError(),
                        mean.designEffect(), mean.kishDesignEffect(), share == null ? null : share.estimate(),
                        share == null ? null : share.standardError()));
            }
        }
        Double kish = null;
        Double effective = null;
        if (raking.converged()) {
            double sum = 0;
            double squares = 0;
            for (double w : raking.weights()) {
                sum += w;
                squares += w * w;
            }
            effective = sum * sum / squares;
            kish = n / effective;
        }
        return new RepresentativenessReport(survey.id(), survey.name(), set, respondents[0], n, reports,
                raking.converged(), raking.iterations(), estimates, kish, effective, from, to);
    }

    /** Categories too small to show, with one more when exactly one is (complementary suppression). */
    private Set<Integer> suppressed(long[] counts) {
        Set<Integer> hidden = new java.util.HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < minimum) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden.contains(i) && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden.add(smallest);
            }
        }
        return hidden;
    }
}
