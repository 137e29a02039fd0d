// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.kpi;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummaryValues;
import org.hipparchus.stat.inference.TTest;

/**
 * Count, sum and sum of squares of a group of observations: what the monthly roll-ups keep. Months
 * add up, and the mean, the sample variance, the margin of error and the two-sample test follow.
 */
public record Summary(long n, double sum, double sumSquares) {

    public static final Summary EMPTY = new Summary(0, 0, 0);

    public Summary plus(Summary other) {
        return new Summary(n + other.n, sum + other.sum, sumSquares + other.sumSquares);
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The sample variance (denominator n - 1); 0 for one observation. */
    public double variance() {
        if (n < 2) {
            return 0;
        }
        double v = (sumSquares - sum * sum / n) / (n - 1);
        return Math.max(0, v);
    }

    /**
     * Half the width of the 95% confidence interval of the mean (Student's t with n - 1 degrees of
     * freedom), or NaN for fewer than two observations.
     */
    public double marginOfError() {
        if (n < 2) {
            return Double.NaN;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return t * Math.sqrt(variance() / n);
    }

    /**
     * The two-sided p-value of Welch's two-sample t-test (unequal variances, Welch–Satterthwaite
     * degrees of freedom) for the difference between the means of two groups, or NaN when a group
     * has fewer than two observations or both have no spread.
     */
    public static double welchP(Summary a, Summary b) {
        if (a.n < 2 || b.n < 2 || (a.variance() == 0 && b.variance() == 0)) {
            return Double.NaN;
        }
        return new TTest().tTest(a.statistics(), b.statistics());
    }

    private StatisticalSummaryValues statistics() {
        return new StatisticalSummaryValues(mean(), variance(), n, Double.NaN, Double.NaN, sum);
    }
}
