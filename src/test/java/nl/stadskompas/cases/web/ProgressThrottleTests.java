// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import nl.stadskompas.support.MutableClock;

import org.junit.jupiter.api.Test;

/**
 * Throttling of failed progress-link look-ups per address and for everyone together.
 */
class ProgressThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilTheWindowEnds() {
        ProgressThrottle throttle = new ProgressThrottle(3, 1000, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allows("10.0.0.1")).isTrue();
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.allows("10.0.0.1")).isFalse();
        assertThat(throttle.allows("10.0.0.2")).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    @Test
    void whenEveryoneTogetherFailsTooOftenOnlyAddressesThatFailedAreRefused() {
        ProgressThrottle throttle = new ProgressThrottle(100, 5, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.1." + i);
        }
        assertThat(throttle.allows("10.0.1.0")).isFalse();
        assertThat(throttle.allows("10.0.9.9")).as("a resident with a good link").isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.allows("10.0.1.0")).isTrue();
    }
}
