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
        List<double[]> aspects = new ArrayList<>();
        List<Double> outcome = new ArrayList<>();
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
            }
        }
        double[] positiveFrom = new double[P];
        java.util.Arrays.fill(positiveFrom, 4);
        return KeyDriverAnalysis.analyse(outcome.stream().mapToDouble(Double::doubleValue).toArray(),
                aspects.toArray(double[][]::new), positiveFrom, ForkJoinPool.commonPool());
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
