// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Key-driver statistics for one outcome and p aspects on complete cases (the caller has applied
 * listwise deletion): per aspect the mean, share positive, Pearson correlation with the outcome
 * and its two-sided p-value, the OLS coefficient with its standard error and p-value, Johnson's
 * relative weight and the exact Shapley (LMG) share of R², with ranks; and the R² of the full model.
 * Correlations, their p-values, OLS and the eigen decomposition come from Hipparchus; only the
 * enumeration of all subsets for LMG is specialised ({@link ExactShapley}).
 * <p>
 * With survey weights (raking) the point estimates are weighted: means and shares, the weighted
 * correlation matrix, weighted least squares (R² as one minus the weighted residual over the
 * weighted total sum of squares), and Johnson's weights and LMG from the weighted correlation
 * matrix, as R's {@code relaimpo} does with weights. Standard errors and p-values are not given
 * then: the textbook formulas treat weights as precision and would be wrong for survey weights.
 */
public final class KeyDriverAnalysis {

    private KeyDriverAnalysis() {
    }

    /**
     * Figures of one aspect. Ranks are 1 for the largest value. With weights {@code correlationP},
     * {@code standardError} and {@code coefficientP} are NaN: not computed.
     */
    public record AspectFigures(double mean, double sharePositive, double correlation, double correlationP,
            double coefficient, double standardError, double coefficientP, double relativeWeight, double lmg,
            int correlationRank, int relativeWeightRank, int lmgRank) {
    }

    /**
     * All figures; {@code aspects} in the order of the columns of the input.
     *
     * @param n respondents used (not weighted)
     * @param weighted whether the figures are weighted
     */
    public record Figures(int n, double r2, double adjustedR2, List<AspectFigures> aspects, boolean weighted) {
    }

    /**
     * @param outcome the outcome per respondent
     * @param aspects the aspects per respondent (n rows, p columns), without missing values
     * @param positiveFrom per aspect the lowest value that counts as positive
     * @param pool the pool to compute LMG in
     * @throws IllegalArgumentException when a variable does not vary or the aspects are collinear
     */
    public static Figures analyse(double[] outcome, double[][] aspects, double[] positiveFrom, ForkJoinPool pool) {
        return analyse(outcome, aspects, positiveFrom, null, pool);
    }

    /**
     * @param weights the survey weight of each respondent (all above zero), or null for unweighted
     * @throws IllegalArgumentException when a variable does not vary or the aspects are collinear
     */
    public static Figures analyse(double[] outcome, double[][] aspects, double[] positiveFrom, double[] weights,
            ForkJoinPool pool) {
        return weights == null ? unweighted(outcome, aspects, positiveFrom, pool)
                : weighted(outcome, aspects, positiveFrom, weights, pool);
    }

    private static Figures unweighted(double[] outcome, double[][] aspects, double[] positiveFrom, ForkJoinPool pool) {
        int n = outcome.length;
        int p = aspects[0].length;
        double[][] all = new double[n][p + 1];
        double[] means = new double[p];
        double[] positive = new double[p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(aspects[i], 0, all[i], 0, p);
            all[i][p] = outcome[i];
            for (int j = 0; j < p; j++) {
                means[j] += aspects[i][j];
                if (aspects[i][j] >= positiveFrom[j]) {
                    positive[j]++;
                }
            }
        }
        RealMatrix data = new Array2DRowRealMatrix(all, false);
        PearsonsCorrelation pearson = new PearsonsCorrelation(data);
        double[][] r = pearson.getCorrelationMatrix().getData();
        for (double[] row : r) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("constant");
                }
            }
        }
        RealMatrix pValues = pearson.getCorrelationPValues();

        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(outcome, aspects);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        TDistribution t = new TDistribution(n - p - 1);

        double[] weights = relativeWeights(r);
        double[] lmg = ExactShapley.lmg(r, pool);

        double[] correlations = new double[p];
        for (int j = 0; j < p; j++) {
            correlations[j] = r[j][p];
        }
        int[] correlationRanks = ranks(correlations);
        int[] weightRanks = ranks(weights);
        int[] lmgRanks = ranks(lmg);
        List<AspectFigures> figures = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double b = beta[j + 1];
            double s = se[j + 1];
            double pCoefficient = 2 * (1 - t.cumulativeProbability(Math.abs(b / s)));
            figures.add(new AspectFigures(means[j] / n, positive[j] / n, r[j][p], pValues.getEntry(j, p), b, s,
                    pCoefficient, weights[j], lmg[j], correlationRanks[j], weightRanks[j], lmgRanks[j]));
        }
        return new Figures(n, ols.calculateRSquared(), ols.calculateAdjustedRSquared(), figures, false);
    }

    private static Figures weighted(double[] outcome, double[][] aspects, double[] positiveFrom, double[] weights,
            ForkJoinPool pool) {
        int n = outcome.length;
        int p = aspects[0].length;
        if (weights.length != n) {
            throw new IllegalArgumentException("weights");
        }
        double total = 0;
        double[] means = new double[p + 1];
        double[] positive = new double[p];
        for (int i = 0; i < n; i++) {
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weight");
            }
            total += weights[i];
            for (int j = 0; j < p; j++) {
                means[j] += weights[i] * aspects[i][j];
                if (aspects[i][j] >= positiveFrom[j]) {
                    positive[j] += weights[i];
                }
            }
            means[p] += weights[i] * outcome[i];
        }
        for (int j = 0; j <= p; j++) {
            means[j] /= total;
        }
        // Rows centred on the weighted means and scaled by the root of the weight: their cross
        // product is the weighted sum of squares and products; the OLS of the scaled rows (with the
        // root of the weight as intercept column) is weighted least squares.
        double[][] centred = new double[n][p + 1];
        double[][] scaledX = new double[n][p + 1];
        double[] scaledY = new double[n];
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(weights[i]);
            scaledX[i][0] = root;
            for (int j = 0; j < p; j++) {
                centred[i][j] = root * (aspects[i][j] - means[j]);
                scaledX[i][j + 1] = root * aspects[i][j];
            }
            centred[i][p] = root * (outcome[i] - means[p]);
            scaledY[i] = root * outcome[i];
        }
        RealMatrix rows = new Array2DRowRealMatrix(centred, false);
        RealMatrix products = rows.transposeMultiply(rows);
        double[][] r = new PearsonsCorrelation().covarianceToCorrelation(products).getData();
        for (double[] row : r) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("constant");
                }
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(scaledY, scaledX);
        double[] beta = ols.estimateRegressionParameters();
        double r2 = 1 - ols.calculateResidualSumOfSquares() / products.getEntry(p, p);
        double adjustedR2 = 1 - (1 - r2) * (n - 1) / (n - p - 1);

        double[] relative = relativeWeights(r);
        double[] lmg = ExactShapley.lmg(r, pool);
        double[] correlations = new double[p];
        for (int j = 0; j < p; j++) {
            correlations[j] = r[j][p];
        }
        int[] correlationRanks = ranks(correlations);
        int[] weightRanks = ranks(relative);
        int[] lmgRanks = ranks(lmg);
        List<AspectFigures> figures = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            figures.add(new AspectFigures(means[j], positive[j] / total, r[j][p], Double.NaN, beta[j + 1], Double.NaN,
                    Double.NaN, relative[j], lmg[j], correlationRanks[j], weightRanks[j], lmgRanks[j]));
        }
        return new Figures(n, r2, adjustedR2, figures, true);
    }

    /**
     * Johnson's (2000) relative weights from the correlation matrix (predictors first, outcome
     * last): with R_xx = VΛVᵀ and Λ* = VΛ^½Vᵀ, β = Λ*⁻¹ r_xy and ε_j = Σ_k Λ*_jk² β_k².
     */
    static double[] relativeWeights(double[][] correlation) {
        int p = correlation.length - 1;
        double[][] xx = new double[p][p];
        double[] xy = new double[p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(correlation[i], 0, xx[i], 0, p);
            xy[i] = correlation[i][p];
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(xx, false));
        double[] values = eigen.getEigenvalues();
        RealMatrix v = eigen.getV();
        double[] root = new double[p];
        double[] inverseRoot = new double[p];
        for (int k = 0; k < p; k++) {
            if (values[k] <= 1e-12) {
                throw new IllegalArgumentException("collinear");
            }
            root[k] = Math.sqrt(values[k]);
            inverseRoot[k] = 1 / root[k];
        }
        RealMatrix lambda = v.multiply(new org.hipparchus.linear.DiagonalMatrix(root)).multiplyTransposed(v);
        RealMatrix lambdaInverse = v.multiply(new org.hipparchus.linear.DiagonalMatrix(inverseRoot))
                .multiplyTransposed(v);
        double[] beta = lambdaInverse.operate(xy);
        double[] weights = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double l = lambda.getEntry(j, k);
                weights[j] += l * l * beta[k] * beta[k];
            }
        }
        return weights;
    }

    /** Rank 1 for the largest; equal values share the best rank. */
    static int[] ranks(double[] values) {
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int rank = 1;
            for (double other : values) {
                if (other > values[i]) {
                    rank++;
                }
            }
            ranks[i] = rank;
        }
        return ranks;
    }
}
