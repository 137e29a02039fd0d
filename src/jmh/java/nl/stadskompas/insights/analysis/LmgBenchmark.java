// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole key-driver analysis for 27 aspects (correlations, OLS, relative weights and the exact
 * Shapley walk over all 2^27 subsets) on N respondents with answers on a 1–5 scale, using every
 * core. N only affects the correlation and regression step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class LmgBenchmark {

    @Param({ "27" })
    int aspects;

    @Param({ "1000", "100000" })
    int respondents;

    double[] outcome;
    double[][] answers;
    double[] positiveFrom;
    ForkJoinPool pool;

    @Setup
    public void setUp() {
        Random random = new Random(27);
        outcome = new double[respondents];
        answers = new double[respondents][aspects];
        for (int i = 0; i < respondents; i++) {
            double common = random.nextGaussian();
            double y = 0;
            for (int j = 0; j < aspects; j++) {
                double v = Math.rint(3 + 0.8 * common + random.nextGaussian());
                answers[i][j] = Math.max(1, Math.min(5, v));
                y += (0.02 + 0.01 * j) * answers[i][j];
            }
            outcome[i] = Math.max(1, Math.min(10, Math.rint(2 + y + random.nextGaussian())));
        }
        positiveFrom = new double[aspects];
        Arrays.fill(positiveFrom, 4);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public KeyDriverAnalysis.Figures keyDrivers() {
        return KeyDriverAnalysis.analyse(outcome, answers, positiveFrom, pool);
    }
}
