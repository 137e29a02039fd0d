// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

/**
 * Raking (iterative proportional fitting): weights for the respondents so that the weighted
 * counts match the population in every margin at once. Starting from weight 1, each pass scales
 * the weights of each margin in turn so that its categories match; passes repeat until every
 * category of every margin is within {@code tolerance} (relative to the population total) of its
 * population count, or until {@code maxIterations} passes. The weights of each margin's last
 * adjustment are kept, because the variance estimator works back through them (as R's
 * {@code survey} package does for a raked design).
 */
public final class Raking {

    /** What raking gave. {@code stepWeights[m]} are the weights right after margin m was adjusted in the last pass. */
    public record Result(boolean converged, int iterations, double[] weights, double[][] stepWeights) {
    }

    private Raking() {
    }

    /**
     * @param categories per respondent, the category index in each margin ({@code [n][margins]})
     * @param population per margin the population count of each category
     * @throws IllegalArgumentException when a category with a population has no respondents
     */
    public static Result rake(int[][] categories, double[][] population, int maxIterations, double tolerance) {
        int n = categories.length;
        int margins = population.length;
        double total = 0;
        for (double v : population[0]) {
            total += v;
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[][] steps = new double[margins][];
        for (int m = 0; m < margins; m++) {
            int[] counts = new int[population[m].length];
            for (int[] row : categories) {
                counts[row[m]]++;
            }
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0 && population[m][c] > 0) {
                    throw new IllegalArgumentException("empty category " + m + "/" + c);
                }
            }
        }
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            for (int m = 0; m < margins; m++) {
                double[] sums = totals(categories, w, m, population[m].length);
                for (int i = 0; i < n; i++) {
                    int c = categories[i][m];
                    w[i] *= population[m][c] / sums[c];
                }
                steps[m] = w.clone();
            }
            double worst = 0;
            for (int m = 0; m < margins; m++) {
                double[] sums = totals(categories, w, m, population[m].length);
                for (int c = 0; c < sums.length; c++) {
                    worst = Math.max(worst, Math.abs(sums[c] - population[m][c]));
                }
            }
            if (worst <= tolerance * total) {
                return new Result(true, iteration, w, steps);
            }
        }
        return new Result(false, maxIterations, w, steps);
    }

    private static double[] totals(int[][] categories, double[] w, int margin, int size) {
        double[] sums = new double[size];
        for (int i = 0; i < categories.length; i++) {
            sums[categories[i][margin]] += w[i];
        }
        return sums;
    }
}
