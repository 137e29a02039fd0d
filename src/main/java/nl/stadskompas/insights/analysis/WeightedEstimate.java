// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

/**
 * A weighted mean with its standard error by linearisation for a raked design, computed as R's
 * {@code survey} package does for {@code svymean(..., na.rm = TRUE)} on a design from
 * {@code rake()} with {@code svydesign(ids = ~1)}: the influence values
 * {@code z_i = w_i (y_i − ȳ_w) / Σw} (zero for respondents without an answer, who stay in the
 * design as a domain), made into calibration residuals by ten rounds of back-fitting over the
 * margins ({@code z_i −= w_i · mean_{g(i)}(z/w)} with the weights of each margin's last raking
 * step), and the with-replacement variance {@code n/(n−1) Σ (z_i − z̄)²}. The design effect is the
 * ratio of this variance to that of simple random sampling of the same size
 * ({@code deff = TRUE} in R), and Kish's design effect from the weights alone is given too.
 */
public final class WeightedEstimate {

    /** Rounds of back-fitting over the margins, as in R's {@code svyrecvar} for raking. */
    private static final int BACKFIT_ROUNDS = 10;

    /**
     * @param n respondents with a value
     * @param estimate weighted mean
     * @param standardError linearised standard error
     * @param designEffect variance ratio against simple random sampling
     * @param kishDesignEffect {@code n Σw² / (Σw)²} over the respondents with a value
     * @param unweighted the plain mean
     */
    public record Estimate(int n, double estimate, double standardError, double designEffect,
            double kishDesignEffect, double unweighted) {
    }

    private WeightedEstimate() {
    }

    /**
     * @param values per respondent the value, NaN when missing
     * @param categories per respondent the category index in each margin
     * @param raking the raking of the same respondents
     */
    public static Estimate mean(double[] values, int[][] categories, Raking.Result raking) {
        int n = values.length;
        double[] w = raking.weights();
        double sumW = 0;
        double sumWy = 0;
        double sumW2 = 0;
        double plain = 0;
        int answered = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                sumW += w[i];
                sumWy += w[i] * values[i];
                sumW2 += w[i] * w[i];
                plain += values[i];
                answered++;
            }
        }
        double mean = sumWy / sumW;
        double[] z = new double[n];
        double sumWdev2 = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                double dev = values[i] - mean;
                z[i] = w[i] * dev / sumW;
                sumWdev2 += w[i] * dev * dev;
            }
        }
        int margins = raking.stepWeights().length;
        for (int round = 0; round < BACKFIT_ROUNDS; round++) {
            for (int m = 0; m < margins; m++) {
                double[] psw = raking.stepWeights()[m];
                int size = 0;
                for (int[] row : categories) {
                    size = Math.max(size, row[m] + 1);
                }
                double[] sum = new double[size];
                int[] count = new int[size];
                for (int i = 0; i < n; i++) {
                    sum[categories[i][m]] += z[i] / psw[i];
                    count[categories[i][m]]++;
                }
                for (int i = 0; i < n; i++) {
                    int c = categories[i][m];
                    z[i] -= psw[i] * sum[c] / count[c];
                }
            }
        }
        double zBar = 0;
        for (double v : z) {
            zBar += v;
        }
        zBar /= n;
        double variance = 0;
        for (double v : z) {
            variance += (v - zBar) * (v - zBar);
        }
        variance *= (double) n / (n - 1);
        double sampleVariance = sumWdev2 / sumW * answered / (answered - 1);
        double srs = sampleVariance * (sumW - answered) / (sumW * answered);
        return new Estimate(answered, mean, Math.sqrt(variance), variance / srs, answered * sumW2 / (sumW * sumW),
                plain / answered);
    }
}
