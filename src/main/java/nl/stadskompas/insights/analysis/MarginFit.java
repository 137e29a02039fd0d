// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import java.util.Optional;
import java.util.Set;

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

    /**
     * The test with the hidden categories pooled into one, so that it reveals nothing about them
     * beyond their total (which the number of respondents minus the shown counts gives anyway): with
     * the population shares known, the statistic over separate hidden cells could be solved for
     * their counts. Empty when fewer than two groups are left.
     *
     * @param hidden the categories whose counts are not shown
     */
    public static Optional<MarginFit> pooled(long[] observed, double[] population, Set<Integer> hidden) {
        if (hidden.isEmpty()) {
            return Optional.of(of(observed, population));
        }
        int groups = observed.length - hidden.size() + 1;
        if (groups < 2) {
            return Optional.empty();
        }
        long[] o = new long[groups];
        double[] pop = new double[groups];
        int g = 0;
        for (int c = 0; c < observed.length; c++) {
            if (hidden.contains(c)) {
                o[groups - 1] += observed[c];
                pop[groups - 1] += population[c];
            } else {
                o[g] = observed[c];
                pop[g++] = population[c];
            }
        }
        return Optional.of(of(o, pop));
    }
}
