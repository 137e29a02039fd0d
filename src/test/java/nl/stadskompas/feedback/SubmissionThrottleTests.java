// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import nl.stadskompas.support.MutableClock;

import org.junit.jupiter.api.Test;

/**
 * The spam limit of the public response pages: each address has its own limit per window, many
 * addresses at once do not share or slow one another's, and an address may write again once its
 * window has passed.
 */
class SubmissionThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

    @Test
    void anAddressIsRefusedAtItsLimitAndAllowedAgainAfterTheWindow() {
        SubmissionThrottle throttle = new SubmissionThrottle(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("192.0.2.10")).isTrue();
        }
        assertThat(throttle.allow("192.0.2.10")).isFalse();
        assertThat(throttle.allow("192.0.2.11")).as("another address has its own limit").isTrue();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(throttle.allow("192.0.2.10")).isTrue();
    }

    @Test
    void manyDistinctAddressesEachKeepTheirOwnCount() {
        SubmissionThrottle throttle = new SubmissionThrottle(2, Duration.ofMinutes(10), clock);
        int addresses = 30_000;
        for (int i = 0; i < addresses; i++) {
            String address = "10.0." + (i / 256) + "." + (i % 256);
            assertThat(throttle.allow(address)).isTrue();
            assertThat(throttle.allow(address)).isTrue();
        }
        for (int i = 0; i < addresses; i += 997) {
            assertThat(throttle.allow("10.0." + (i / 256) + "." + (i % 256))).isFalse();
        }
    }
}
