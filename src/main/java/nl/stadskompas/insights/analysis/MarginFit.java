// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import org.hipparchus.stat.inference.ChiSquareTest;

/**
 * How well the respondents match the population in one margin: Pearson's chi-square
 * goodness-of-fit test of the respondents per category against the population shares (the
 * library's test, as R's {@code chisq.test(x, p = ...)}).
 *
 * @param chiSquare the test statistic
 * @param degreesOfFreedom categories minus one
 * @param p the p-value
 */
public record MarginFit(double chiSquare, int degreesOfFreedom, double p) {

    /**
     * @param observed respondents per category
     * @param population population per category (same order)
     */
    public static MarginFit of(long[] observed, double[] population) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double total = 0;
        for (double v : population) {
            total += v;
        }
        double[] expected = new double[population.length];
        for (int c = 0; c < population.length; c++) {
            expected[c] = population[c] / total * n;
        }
        ChiSquareTest test = new ChiSquareTest();
        return new MarginFit(test.chiSquare(expected, observed), population.length - 1,
                test.chiSquareTest(expected, observed));
    }
}
