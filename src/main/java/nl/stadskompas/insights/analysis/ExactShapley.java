// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

import org.hipparchus.util.CombinatoricsUtils;

/**
 * The exact Shapley value (LMG, Lindeman, Merenda and Gold) decomposition of the R² of a linear
 * regression over all 2^p subsets of the predictors, from their correlation matrix.
 * <p>
 * The R² of every subset is needed, and a general-purpose solver per subset (O(p³) each) makes
 * p = 27 infeasible. This class walks the subsets as a tree in which each child adds one predictor
 * with a higher index than its parent's last one, carrying the partial (residual) correlation matrix
 * of the remaining predictors and the outcome given the parent's predictors. Adding predictor j
 * then raises R² by {@code c_jy² / c_jj} and the child's residual matrix is one sweep (a rank-one
 * update restricted to the predictors after j), so all subsets together cost about 3·2^p small
 * updates. The Shapley value of predictor j is
 * {@code Σ_{S∋j} (a(|S|) + b(|S|))·R²(S) − Σ_S b(|S|)·R²(S)} with
 * {@code a(k) = 1/(p·C(p−1,k−1))} and {@code b(k) = 1/(p·C(p−1,k))} (b(p) = 0); the sum over the
 * subsets that contain j is collected as the subtree sums below the nodes that add j. Large subtrees
 * are forked so that every core works. See ADR 0700; the tests check it against R² from the
 * library's OLS on every subset for small p.
 */
public final class ExactShapley {

    /** Above this many subsets below a node, its children are computed as separate tasks. */
    private static final int FORK_DEPTH = 14;

    /** A residual variance below this (relative to 1) means the predictor adds nothing new. */
    private static final double SINGULAR = 1e-12;

    private ExactShapley() {
    }

    /**
     * @param correlation the (p+1)×(p+1) correlation matrix: predictors 0..p−1, outcome last
     * @param pool where to compute; its parallelism decides how many cores are used
     * @return the share of R² of each predictor (summing to the full model's R²)
     */
    public static double[] lmg(double[][] correlation, ForkJoinPool pool) {
        int p = correlation.length - 1;
        if (p < 1) {
            throw new IllegalArgumentException("at least one predictor");
        }
        int dim = p + 1;
        double[] root = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(correlation[i], 0, root, i * dim, dim);
        }
        double[] inside = new double[p + 1];
        double[] outside = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            inside[k] = k == 0 ? 0 : 1 / (p * CombinatoricsUtils.binomialCoefficientDouble(p - 1, k - 1));
            outside[k] = k == p ? 0 : 1 / (p * CombinatoricsUtils.binomialCoefficientDouble(p - 1, k));
        }
        Weights weights = new Weights(p, inside, outside);
        Sums sums = pool.invoke(new Node(weights, root, -1, 0, 0));
        double[] shares = new double[p];
        for (int j = 0; j < p; j++) {
            shares[j] = sums.containing[j] - sums.outsideTotal;
        }
        return shares;
    }

    /** @return R² of the regression on all predictors, from the correlation matrix (for checks). */
    static double fullR2(double[][] correlation) {
        int p = correlation.length - 1;
        int dim = p + 1;
        double[] c = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(correlation[i], 0, c, i * dim, dim);
        }
        double r2 = 0;
        for (int j = 0; j < p; j++) {
            double cjj = c[j * dim + j];
            if (cjj > SINGULAR) {
                double cjy = c[p * dim + j];
                r2 += cjy * cjy / cjj;
                sweep(c, dim, j, p);
            }
        }
        return r2;
    }

    private record Weights(int p, double[] inside, double[] outside) {
    }

    /** Partial sums of one subtree. */
    private static final class Sums {
        /** Per predictor: Σ (a + b)·R² over the subsets of this subtree that contain it. */
        final double[] containing;
        /** Σ b·R² over the subsets of this subtree. */
        double outsideTotal;
        /** Σ (a + b)·R² over the subsets of this subtree. */
        double subtreeTotal;

        Sums(int p) {
            containing = new double[p];
        }
    }

    /**
     * The residual matrix after taking predictor j out, in place, for the predictors after j and y.
     * Only the lower triangle (row ≥ column) is kept and read.
     */
    private static void sweep(double[] c, int dim, int j, int y) {
        double cjj = c[j * dim + j];
        for (int a = j + 1; a <= y; a++) {
            int row = a * dim;
            double f = c[row + j] / cjj;
            if (f == 0) {
                continue;
            }
            for (int b = j + 1; b <= a; b++) {
                c[row + b] -= f * c[b * dim + j];
            }
        }
    }

    /**
     * A node of the subset tree: the subset whose last predictor is {@code last}, with {@code size}
     * predictors and R² {@code r2}; {@code residual} holds the partial correlations given it.
     */
    private static final class Node extends RecursiveTask<Sums> {

        private final Weights w;
        private final double[] residual;
        private final int last;
        private final int size;
        private final double r2;

        Node(Weights w, double[] residual, int last, int size, double r2) {
            this.w = w;
            this.residual = residual;
            this.last = last;
            this.size = size;
            this.r2 = r2;
        }

        @Override
        protected Sums compute() {
            int p = w.p;
            int dim = p + 1;
            Sums sums = new Sums(p);
            if (p - 1 - last <= FORK_DEPTH) {
                double[][] stack = new double[p + 1][];
                stack[size] = residual;
                sums.subtreeTotal = sequential(sums, stack, last, size, r2);
                return sums;
            }
            sums.outsideTotal += w.outside[size] * r2;
            sums.subtreeTotal += (w.inside[size] + w.outside[size]) * r2;
            List<Node> forked = new ArrayList<>();
            for (int j = last + 1; j < p; j++) {
                double cjj = residual[j * dim + j];
                double cjy = residual[p * dim + j];
                boolean adds = cjj > SINGULAR;
                double childR2 = r2 + (adds ? cjy * cjy / cjj : 0);
                double[] child = residual.clone();
                if (adds) {
                    sweep(child, dim, j, p);
                }
                Node node = new Node(w, child, j, size + 1, childR2);
                node.fork();
                forked.add(node);
            }
            for (int i = forked.size() - 1; i >= 0; i--) {
                Sums child = forked.get(i).join();
                int j = last + 1 + i;
                for (int v = 0; v < p; v++) {
                    sums.containing[v] += child.containing[v];
                }
                sums.containing[j] += child.subtreeTotal;
                sums.outsideTotal += child.outsideTotal;
                sums.subtreeTotal += child.subtreeTotal;
            }
            return sums;
        }

        /**
         * Walks the subtree below a node without forking, collecting into sums; returns the
         * subtree's Σ (a + b)·R². {@code stack[k]} holds the residual matrix of the subset of size k.
         */
        private double sequential(Sums sums, double[][] stack, int from, int k, double value) {
            int p = w.p;
            int dim = p + 1;
            double subtree = (w.inside[k] + w.outside[k]) * value;
            sums.outsideTotal += w.outside[k] * value;
            double[] c = stack[k];
            for (int j = from + 1; j < p; j++) {
                double cjj = c[j * dim + j];
                double cjy = c[p * dim + j];
                boolean adds = cjj > SINGULAR;
                double childR2 = value + (adds ? cjy * cjy / cjj : 0);
                double below;
                if (j == p - 1) {
                    below = (w.inside[k + 1] + w.outside[k + 1]) * childR2;
                    sums.outsideTotal += w.outside[k + 1] * childR2;
                } else {
                    double[] d = stack[k + 1];
                    if (d == null) {
                        d = new double[dim * dim];
                        stack[k + 1] = d;
                    }
                    copyTail(c, d, dim, j);
                    if (adds) {
                        sweep(d, dim, j, p);
                    }
                    below = sequential(sums, stack, j, k + 1, childR2);
                }
                sums.containing[j] += below;
                subtree += below;
            }
            return subtree;
        }

        /** Copies the part of the matrix a child still reads: the lower triangle of rows and columns j..p. */
        private static void copyTail(double[] from, double[] to, int dim, int j) {
            for (int a = j; a < dim; a++) {
                System.arraycopy(from, a * dim + j, to, a * dim + j, a - j + 1);
            }
        }
    }
}
