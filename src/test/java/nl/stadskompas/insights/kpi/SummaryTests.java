// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The figures that rest on count, sum and sum of squares, against SciPy on the raw observations
 * ({@code src/test/resources/insights/fixtures/kpi-tests.py}), and the suppression rule.
 */
class SummaryTests {

    static Summary of(int... values) {
        Summary s = Summary.EMPTY;
        for (int v : values) {
            s = s.plus(new Summary(1, v, (double) v * v));
        }
        return s;
    }

    static final int[] A = { 7, 8, 6, 9, 7, 8, 5, 7, 8, 9, 6, 7 };
    static final int[] B = { 6, 5, 7, 6, 5, 6, 7, 4, 6, 5 };

    @Test
    void welchTestOfTwoMeansMatchesScipy() {
        assertThat(Summary.welchP(of(A), of(B))).isCloseTo(0.0031427212876464095, within(1e-12));
        assertThat(Summary.welchP(of(B), of(A))).isCloseTo(0.0031427212876464095, within(1e-12));
    }

    @Test
    void monthsAddUpToTheSameSummaryAsTheWhole() {
        Summary first = of(7, 8, 6, 9, 7, 8);
        Summary second = of(5, 7, 8, 9, 6, 7);
        assertThat(first.plus(second)).isEqualTo(of(A));
        assertThat(of(A).mean()).isCloseTo(87.0 / 12, within(1e-12));
    }

    @Test
    void marginOfErrorIsTheStudentTIntervalOfTheMean() {
        assertThat(of(A).marginOfError()).isCloseTo(0.7722480697261149, within(1e-12));
        assertThat(of(7).marginOfError()).isNaN();
    }

    @Test
    void sharesAreTestedAsMeansOfZeroAndOne() {
        int[] p1 = IntStream.range(0, 100).map(i -> i < 40 ? 1 : 0).toArray();
        int[] p2 = IntStream.range(0, 100).map(i -> i < 55 ? 1 : 0).toArray();
        assertThat(Summary.welchP(of(p1), of(p2))).isCloseTo(0.03377771644096387, within(1e-12));
    }

    @Test
    void noTestWithoutTwoObservationsOrWithoutSpread() {
        assertThat(Summary.welchP(of(5), of(A))).isNaN();
        assertThat(Summary.welchP(of(5, 5, 5), of(5, 5))).isNaN();
    }

    @Test
    void oneSmallGroupHidesTheNextSmallestToo() {
        assertThat(Suppression.hidden(new long[] { 40, 3, 12, 30 }, 5)).containsExactlyInAnyOrder(1, 2);
        assertThat(Suppression.hidden(new long[] { 40, 3, 4, 30 }, 5)).containsExactlyInAnyOrder(1, 2);
        assertThat(Suppression.hidden(new long[] { 40, 0, 12, 30 }, 5)).isEmpty();
        assertThat(Suppression.hidden(new long[] { 40, 5, 12 }, 5)).isEmpty();
    }
}
