// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class LoadLimitTests {

    /** A request that stays in the application until it is let go. */
    private static final class Held extends HttpServlet {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.setStatus(200);
        }
    }

    @Test
    void whenEveryPlaceIsTakenTheNextRequestIsToldToComeBackAndTheServerRecoversAfterwards() throws Exception {
        LoadLimit limit = new LoadLimit(1, Duration.ofMillis(50));
        Held held = new Held();
        MockHttpServletResponse first = new MockHttpServletResponse();
        Thread busy = Thread.ofVirtual().start(() -> {
            try {
                limit.doFilter(new MockHttpServletRequest("GET", "/v/abc"), first, new MockFilterChain(held));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(held.inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/v/abc"), second, notReached);
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("5");
        assertThat(second.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Probeer het over een paar seconden opnieuw", "Please try again in a few seconds");
        assertThat(notReached.getRequest()).as("the application never saw the refused request").isNull();

        MockHttpServletResponse health = new MockHttpServletResponse();
        MockFilterChain healthChain = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health, healthChain);
        assertThat(healthChain.getRequest()).as("health checks are never held back").isNotNull();

        held.release.countDown();
        busy.join(5_000);
        assertThat(first.getStatus()).isEqualTo(200);

        MockHttpServletResponse third = new MockHttpServletResponse();
        MockFilterChain reached = new MockFilterChain();
        limit.doFilter(new MockHttpServletRequest("GET", "/v/abc"), third, reached);
        assertThat(reached.getRequest()).as("once the place is free, requests are handled again").isNotNull();
        assertThat(third.getStatus()).isEqualTo(200);
    }
}
