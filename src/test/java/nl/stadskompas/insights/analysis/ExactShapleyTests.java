// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The fast subset walk gives the same Shapley values as brute force over every subset with R²
 * from the library's OLS, and the values add up to the full model's R².
 */
class ExactShapleyTests {

    private static double[][] sample(int n, int p, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian();
            double y = 0;
            for (int j = 0; j < p; j++) {
                rows[i][j] = 0.6 * common + random.nextGaussian() + (j % 3 == 0 ? 0.3 * rows[i][Math.max(0, j - 1)] : 0);
                y += (j + 1) * 0.1 * rows[i][j];
            }
            rows[i][p] = y + 2 * random.nextGaussian();
        }
        return rows;
    }

    private static double ols(double[][] rows, int p, int mask) {
        int k = Integer.bitCount(mask);
        if (k == 0) {
            return 0;
        }
        double[] y = new double[rows.length];
        double[][] x = new double[rows.length][k];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i][p];
            int c = 0;
            for (int j = 0; j < p; j++) {
                if ((mask & (1 << j)) != 0) {
                    x[i][c++] = rows[i][j];
                }
            }
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.newSampleData(y, x);
        return regression.calculateRSquared();
    }

    private static double[] bruteForce(double[][] rows, int p) {
        double[] r2 = new double[1 << p];
        for (int mask = 0; mask < (1 << p); mask++) {
            r2[mask] = ols(rows, p, mask);
        }
        double[] shares = new double[p];
        double[] factorial = new double[p + 1];
        factorial[0] = 1;
        for (int i = 1; i <= p; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        for (int j = 0; j < p; j++) {
            for (int mask = 0; mask < (1 << p); mask++) {
                if ((mask & (1 << j)) == 0) {
                    int k = Integer.bitCount(mask);
                    shares[j] += factorial[k] * factorial[p - k - 1] / factorial[p] * (r2[mask | (1 << j)] - r2[mask]);
                }
            }
        }
        return shares;
    }

    @Test
    void equalsBruteForceOverAllSubsetsWithTheLibrarysRegression() {
        for (int p : new int[] { 1, 2, 3, 5, 8 }) {
            double[][] rows = sample(300, p, 40 + p);
            double[][] correlation = new PearsonsCorrelation(rows).getCorrelationMatrix().getData();
            double[] fast = ExactShapley.lmg(correlation, ForkJoinPool.commonPool());
            double[] slow = bruteForce(rows, p);
            for (int j = 0; j < p; j++) {
                assertThat(fast[j]).as("p=%d aspect %d", p, j).isCloseTo(slow[j], within(1e-10));
            }
        }
    }

    @Test
    void forkedWalkAddsUpToTheFullModelsRSquared() {
        int p = 17;
        double[][] rows = sample(2_000, p, 7);
        double[][] correlation = new PearsonsCorrelation(rows).getCorrelationMatrix().getData();
        double[] shares = ExactShapley.lmg(correlation, new ForkJoinPool(2));
        double sum = 0;
        for (double s : shares) {
            assertThat(s).isPositive();
            sum += s;
        }
        assertThat(sum).isCloseTo(ols(rows, p, (1 << p) - 1), within(1e-10));
        assertThat(sum).isCloseTo(ExactShapley.fullR2(correlation), within(1e-10));
    }

    @Test
    void aRedundantCopyOfAnAspectSharesItsImportance() {
        double[][] rows = sample(500, 3, 3);
        double[][] doubled = new double[rows.length][5];
        for (int i = 0; i < rows.length; i++) {
            doubled[i] = new double[] { rows[i][0], rows[i][1], rows[i][2], rows[i][0], rows[i][3] };
        }
        double[][] correlation = new PearsonsCorrelation(doubled).getCorrelationMatrix().getData();
        double[] shares = ExactShapley.lmg(correlation, ForkJoinPool.commonPool());
        assertThat(shares[0]).isCloseTo(shares[3], within(1e-9));
        assertThat(shares[0] + shares[1] + shares[2] + shares[3]).isCloseTo(ols(rows, 3, 7), within(1e-9));
    }
}
