// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Chi-square per margin, raking weights, weighted means and shares with linearised standard errors
 * and design effects agree with R's chisq.test and survey package (rake, svymean with deff) on the
 * committed fixture.
 */
class RepresentativenessTests {

    private static final String[] MARGINS = { "AGE", "SEX", "DISTRICT" };

    private final List<CSVRecord> rows = Fixture.read("key-drivers.csv");
    private final List<List<String>> categories = new ArrayList<>();
    private final double[][] population = new double[MARGINS.length][];

    RepresentativenessTests() {
        List<CSVRecord> margins = Fixture.read("margins.csv");
        for (int m = 0; m < MARGINS.length; m++) {
            String name = MARGINS[m];
            List<CSVRecord> own = margins.stream().filter(r -> r.get("margin").equals(name)).toList();
            categories.add(own.stream().map(r -> r.get("category")).toList());
            population[m] = own.stream().mapToDouble(r -> Fixture.number(r, "population")).toArray();
        }
    }

    private int[][] respondentCategories() {
        int[][] out = new int[rows.size()][MARGINS.length];
        for (int i = 0; i < rows.size(); i++) {
            for (int m = 0; m < MARGINS.length; m++) {
                out[i][m] = categories.get(m).indexOf(rows.get(i).get(MARGINS[m]));
            }
        }
        return out;
    }

    @Test
    void chiSquarePerMarginAgreesWithR() {
        int[][] cats = respondentCategories();
        for (CSVRecord expected : Fixture.read("chi-square-expected.csv")) {
            int m = List.of(MARGINS).indexOf(expected.get("margin"));
            long[] observed = new long[population[m].length];
            for (int[] row : cats) {
                observed[row[m]]++;
            }
            MarginFit fit = MarginFit.of(observed, population[m]);
            assertThat(fit.chiSquare()).isCloseTo(Fixture.number(expected, "chi_square"), within(1e-9));
            assertThat(fit.degreesOfFreedom()).isEqualTo((int) Fixture.number(expected, "df"));
            assertThat(fit.p()).isCloseTo(Fixture.number(expected, "p"), within(1e-12));
        }
    }

    @Test
    void rakingGivesRsWeights() {
        Raking.Result raking = Raking.rake(respondentCategories(), population, 100, 1e-12);
        assertThat(raking.converged()).isTrue();
        List<CSVRecord> expected = Fixture.read("weights-expected.csv");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(expected.get(i).get("id")).isEqualTo(rows.get(i).get("id"));
            assertThat(raking.weights()[i]).isCloseTo(Fixture.number(expected.get(i), "weight"), within(1e-6));
        }
    }

    @Test
    void weightedMeansSharesStandardErrorsAndDesignEffectsAgreeWithRsSurveyPackage() {
        int[][] cats = respondentCategories();
        Raking.Result raking = Raking.rake(cats, population, 100, 1e-12);
        for (CSVRecord expected : Fixture.read("weighted-estimates-expected.csv")) {
            String item = expected.get("item");
            int threshold = item.equals("MARK") ? 7 : 4;
            double[] values = new double[rows.size()];
            double[] positive = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Integer v = Fixture.value(rows.get(i), item);
                values[i] = v == null ? Double.NaN : v;
                positive[i] = v == null ? Double.NaN : v >= threshold ? 1 : 0;
            }
            WeightedEstimate.Estimate mean = WeightedEstimate.mean(values, cats, raking);
            assertThat(mean.n()).isEqualTo((int) Fixture.number(expected, "n"));
            assertThat(mean.estimate()).isCloseTo(Fixture.number(expected, "mean"), within(1e-9));
            assertThat(mean.standardError()).isCloseTo(Fixture.number(expected, "mean_se"), within(1e-9));
            assertThat(mean.designEffect()).isCloseTo(Fixture.number(expected, "mean_deff"), within(1e-7));
            assertThat(mean.kishDesignEffect()).isCloseTo(Fixture.number(expected, "kish_deff"), within(1e-9));
            assertThat(mean.unweighted()).isCloseTo(Fixture.number(expected, "unweighted_mean"), within(1e-12));
            WeightedEstimate.Estimate share = WeightedEstimate.mean(positive, cats, raking);
            assertThat(share.estimate()).isCloseTo(Fixture.number(expected, "share"), within(1e-9));
            assertThat(share.standardError()).isCloseTo(Fixture.number(expected, "share_se"), within(1e-9));
            assertThat(share.designEffect()).isCloseTo(Fixture.number(expected, "share_deff"), within(1e-7));
        }
    }

    @Test
    void rakingThatCannotConvergeSaysSo() {
        // Two margins that describe the same respondents in contradictory ways.
        int[][] cats = { { 0, 0 }, { 1, 1 }, { 0, 0 }, { 1, 1 } };
        double[][] contradictory = { { 90, 10 }, { 10, 90 } };
        Raking.Result raking = Raking.rake(cats, contradictory, 25, 1e-9);
        assertThat(raking.converged()).isFalse();
        assertThat(raking.iterations()).isEqualTo(25);
        assertThatThrownBy(() -> Raking.rake(new int[][] { { 0 } }, new double[][] { { 5, 5 } }, 10, 1e-9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
