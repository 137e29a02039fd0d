// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the number of requests handled at the same time. Requests run on virtual threads, so without a
 * cap an overload lets thousands of them wait for the few database connections, each holding memory,
 * until the server runs out of heap and stops answering anyone. With the cap, a request waits briefly
 * for a free place and otherwise gets a plain "503, try again shortly" at once, so the server keeps
 * serving what it can and recovers as soon as the load drops. Health checks are never held back.
 */
class LoadLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoadLimit.class);
    static final String BUSY = """
            Het is nu erg druk. Probeer het over een paar seconden opnieuw. Wat u al had ingevuld, is niet \
            verstuurd.
            It is very busy right now. Please try again in a few seconds. Nothing you entered has been sent.
            """;

    private final Semaphore places;
    private final long waitNanos;
    private volatile long lastWarning;

    LoadLimit(int maxConcurrent, Duration wait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("stadskompas.http.max-concurrent-requests must be 1 or more");
        }
        this.places = new Semaphore(maxConcurrent, true);
        this.waitNanos = wait.toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        long now = System.nanoTime();
        if (now - lastWarning > TimeUnit.SECONDS.toNanos(10)) {
            lastWarning = now;
            log.warn("Too many requests at once; answering 503 until there is room again");
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(BUSY.getBytes(StandardCharsets.UTF_8));
    }
}
