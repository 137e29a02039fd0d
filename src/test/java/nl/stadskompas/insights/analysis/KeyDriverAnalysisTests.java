// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import nl.stadskompas.insights.analysis.KeyDriverAnalysis.AspectFigures;
import nl.stadskompas.insights.analysis.KeyDriverAnalysis.Figures;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every key-driver figure agrees with R on the committed fixture (lm, cor.test, Johnson's weights
 * from eigen, LMG by brute force over all 1,024 subsets with lm), after the same listwise deletion.
 */
class KeyDriverAnalysisTests {

    private static final int P = 10;

    private static Figures analyseFixture() {
        return analyseFixture(null);
    }

    /** With weights: R's raking weight of each respondent (weights-expected.csv), by id. */
    private static Figures analyseFixture(java.util.Map<String, Double> weightById) {
        List<double[]> aspects = new ArrayList<>();
        List<Double> outcome = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (CSVRecord row : Fixture.read("key-drivers.csv")) {
            Integer mark = Fixture.value(row, "MARK");
            double[] values = new double[P];
            boolean complete = mark != null;
            for (int j = 0; j < P && complete; j++) {
                Integer v = Fixture.value(row, "A" + (j + 1));
                complete = v != null;
                values[j] = complete ? v : 0;
            }
            if (complete) {
                outcome.add((double) mark);
                aspects.add(values);
                if (weightById != null) {
                    weights.add(weightById.get(row.get("id")));
                }
            }
        }
        double[] positiveFrom = new double[P];
        java.util.Arrays.fill(positiveFrom, 4);
        return KeyDriverAnalysis.analyse(outcome.stream().mapToDouble(Double::doubleValue).toArray(),
                aspects.toArray(double[][]::new), positiveFrom,
                weightById == null ? null : weights.stream().mapToDouble(Double::doubleValue).toArray(),
                ForkJoinPool.commonPool());
    }

    /**
     * Weighted key drivers agree with NumPy (weighted-key-drivers.py: numpy.cov with weights, weighted
     * least squares by lstsq, LMG by brute force over all 1,024 weighted fits) on the same fixture,
     * with the raking weights R gave each respondent; standard errors and p-values are not given.
     */
    @Test
    void weightedFiguresAgreeWithNumPyAndLeaveOutTheUnsoundTests() {
        java.util.Map<String, Double> weightById = new java.util.HashMap<>();
        Fixture.read("weights-expected.csv").forEach(r -> weightById.put(r.get("id"), Fixture.number(r, "weight")));
        Figures figures = analyseFixture(weightById);
        Figures unweighted = analyseFixture();
        List<CSVRecord> expected = Fixture.read("weighted-key-drivers-expected.csv");
        assertThat(figures.weighted()).isTrue();
        assertThat(figures.n()).isEqualTo(Integer.parseInt(expected.get(0).get("n")));
        assertThat(figures.r2()).isCloseTo(Fixture.number(expected.get(0), "r2"), within(1e-10));
        assertThat(figures.r2()).isNotCloseTo(unweighted.r2(), within(1e-3));
        assertThat(figures.adjustedR2()).isCloseTo(Fixture.number(expected.get(0), "adj_r2"), within(1e-10));
        double lmgSum = 0;
        for (int j = 0; j < P; j++) {
            AspectFigures a = figures.aspects().get(j);
            CSVRecord r = expected.get(j);
            assertThat(r.get("aspect")).isEqualTo("A" + (j + 1));
            assertThat(a.mean()).isCloseTo(Fixture.number(r, "mean"), within(1e-12));
            assertThat(a.sharePositive()).isCloseTo(Fixture.number(r, "share_positive"), within(1e-12));
            assertThat(a.correlation()).isCloseTo(Fixture.number(r, "r"), within(1e-10));
            assertThat(a.coefficient()).isCloseTo(Fixture.number(r, "b"), within(1e-9));
            assertThat(a.relativeWeight()).isCloseTo(Fixture.number(r, "rw"), within(1e-10));
            assertThat(a.lmg()).isCloseTo(Fixture.number(r, "lmg"), within(1e-10));
            assertThat(a.correlationP()).isNaN();
            assertThat(a.standardError()).isNaN();
            assertThat(a.coefficientP()).isNaN();
            lmgSum += a.lmg();
        }
        assertThat(lmgSum).isCloseTo(figures.r2(), within(1e-10));
    }

    @Test
    void agreesWithRAspectByAspect() {
        Figures figures = analyseFixture();
        List<CSVRecord> expected = Fixture.read("key-drivers-expected.csv");
        assertThat(figures.n()).isEqualTo(Integer.parseInt(expected.get(0).get("n")));
        assertThat(figures.r2()).isCloseTo(Fixture.number(expected.get(0), "r2"), within(1e-10));
        assertThat(figures.adjustedR2()).isCloseTo(Fixture.number(expected.get(0), "adj_r2"), within(1e-10));
        for (int j = 0; j < P; j++) {
            AspectFigures a = figures.aspects().get(j);
            CSVRecord r = expected.get(j);
            assertThat(r.get("aspect")).isEqualTo("A" + (j + 1));
            assertThat(a.mean()).isCloseTo(Fixture.number(r, "mean"), within(1e-12));
            assertThat(a.sharePositive()).isCloseTo(Fixture.number(r, "share_positive"), within(1e-12));
            assertThat(a.correlation()).isCloseTo(Fixture.number(r, "r"), within(1e-10));
            assertThat(a.correlationP()).isCloseTo(Fixture.number(r, "r_p"), within(1e-12));
            assertThat(a.coefficient()).isCloseTo(Fixture.number(r, "b"), within(1e-9));
            assertThat(a.standardError()).isCloseTo(Fixture.number(r, "b_se"), within(1e-9));
            assertThat(a.coefficientP()).isCloseTo(Fixture.number(r, "b_p"), within(1e-8));
            assertThat(a.relativeWeight()).isCloseTo(Fixture.number(r, "rw"), within(1e-10));
            assertThat(a.lmg()).isCloseTo(Fixture.number(r, "lmg"), within(1e-10));
        }
    }

    @Test
    void ranksPutTheLargestFirst() {
        Figures figures = analyseFixture();
        List<CSVRecord> expected = Fixture.read("key-drivers-expected.csv");
        int best = 0;
        for (int j = 1; j < P; j++) {
            if (Fixture.number(expected.get(j), "lmg") > Fixture.number(expected.get(best), "lmg")) {
                best = j;
            }
        }
        assertThat(figures.aspects().get(best).lmgRank()).isEqualTo(1);
        assertThat(figures.aspects().stream().mapToInt(AspectFigures::lmgRank).sorted().toArray())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(KeyDriverAnalysis.ranks(new double[] { 0.2, 0.5, 0.2 })).containsExactly(2, 1, 2);
    }
}
