// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The chi-square of representativeness with hidden (too small) categories pooled into one, against
 * SciPy's {@code chisquare} on the pooled table (fixtures/pooled-chi-square.py), and the reason for
 * pooling: how the hidden respondents split over their categories cannot be read from the test.
 */
class MarginFitTests {

    private static final double[] POPULATION = { 10, 30, 10, 50 };

    @Test
    void poolsTheHiddenCategoriesAsSciPyDoes() {
        MarginFit fit = MarginFit.pooled(new long[] { 3, 40, 2, 55 }, POPULATION, Set.of(0, 2)).orElseThrow();
        assertThat(fit.chiSquare()).isCloseTo(15.083333333333334, within(1e-10));
        assertThat(fit.degreesOfFreedom()).isEqualTo(2);
        assertThat(fit.p()).isCloseTo(0.0005305126967376502, within(1e-12));
    }

    @Test
    void theTestDoesNotTellHowTheHiddenRespondentsSplit() {
        MarginFit one = MarginFit.pooled(new long[] { 3, 40, 2, 55 }, POPULATION, Set.of(0, 2)).orElseThrow();
        MarginFit other = MarginFit.pooled(new long[] { 1, 40, 4, 55 }, POPULATION, Set.of(0, 2)).orElseThrow();
        assertThat(other.chiSquare()).isEqualTo(one.chiSquare());
        assertThat(other.p()).isEqualTo(one.p());
        // Unpooled, the two splits give different statistics: that is what could be solved for the counts.
        assertThat(MarginFit.of(new long[] { 1, 40, 4, 55 }, POPULATION).chiSquare())
                .isNotCloseTo(MarginFit.of(new long[] { 3, 40, 2, 55 }, POPULATION).chiSquare(), within(1e-6));
    }

    @Test
    void nothingHiddenIsThePlainTestAndTooFewGroupsLeftIsNoTest() {
        long[] observed = { 12, 40, 9, 55 };
        assertThat(MarginFit.pooled(observed, POPULATION, Set.of()).orElseThrow())
                .isEqualTo(MarginFit.of(observed, POPULATION));
        assertThat(MarginFit.pooled(new long[] { 3, 4 }, new double[] { 1, 1 }, Set.of(0, 1))).isEmpty();
    }
}
