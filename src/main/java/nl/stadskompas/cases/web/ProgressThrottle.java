// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down anyone guessing progress links, without storing who guesses. Two limits on failed
 * look-ups (unknown, malformed, revoked or expired links): per client address, and for everyone
 * together (against guessing from many addresses). Addresses are kept only in memory and only for
 * the current window of a few minutes; nothing goes to the database or the logs. When a limit is
 * reached, look-ups from that address (for the global limit: from every address that failed in this
 * window) are refused until the window ends. See the decision record on progress links.
 */
@Component
class ProgressThrottle {

    private final int perClient;
    private final int global;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private volatile Window everyone;

    ProgressThrottle(@Value("${stadskompas.cases.progress.failures-per-client:20}") int perClient,
            @Value("${stadskompas.cases.progress.failures-global:1000}") int global,
            @Value("${stadskompas.cases.progress.throttle-window:10m}") Duration window, Clock clock) {
        this.perClient = perClient;
        this.global = global;
        this.window = window;
        this.clock = clock;
        this.everyone = new Window(clock.instant());
    }

    /**
     * Whether this client may look up a link now: not when it reached its own limit, nor when it
     * failed before in this window while everyone together reached the global limit. A resident who
     * opens a good link has no failures and is never held up by someone else's guessing.
     */
    boolean allows(String client) {
        Instant now = clock.instant();
        Window w = clients.get(client);
        if (w != null && w.expired(now, window)) {
            clients.remove(client, w);
            w = null;
        }
        if (w == null) {
            return true;
        }
        Window g = everyone;
        boolean globalReached = !g.expired(now, window) && g.failures.get() >= global;
        return w.failures.get() < perClient && !globalReached;
    }

    /** Counts a failed look-up. */
    void failed(String client) {
        Instant now = clock.instant();
        clients.compute(client, (k, w) -> w == null || w.expired(now, window) ? new Window(now) : w).failures.incrementAndGet();
        Window g = everyone;
        if (g.expired(now, window)) {
            g = new Window(now);
            everyone = g;
            forgetExpired(now);
        }
        g.failures.incrementAndGet();
    }

    private void forgetExpired(Instant now) {
        clients.entrySet().removeIf(e -> e.getValue().expired(now, window));
    }

    private static final class Window {

        private final Instant start;
        private final AtomicInteger failures = new AtomicInteger();

        Window(Instant start) {
            this.start = start;
        }

        boolean expired(Instant now, Duration length) {
            return !now.isBefore(start.plus(length));
        }
    }
}
