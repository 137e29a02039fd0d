// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops automated spam on the public response pages without storing who sent what: a limit per
 * client address over a short window, kept only in memory. The address itself is not kept either:
 * the key is a keyed hash whose random key is made at start-up and never leaves the process, and an
 * entry disappears once its window has passed. A restart forgets everything.
 */
@Component
public class SubmissionThrottle {

    /** Beyond this many addresses in one window the least recently seen are forgotten first. */
    private static final long MAX_ADDRESSES = 1_000_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final byte[] key = new byte[32];
    /**
     * Recent writes per pseudonymous address. An address unseen for a whole window drops out by
     * itself, so a flood of distinct addresses costs no sweep over all of them on every request.
     */
    private final Cache<String, Deque<Instant>> recent;

    SubmissionThrottle(@Value("${stadskompas.feedback.rate-limit.per-address:30}") int limit,
            @Value("${stadskompas.feedback.rate-limit.window:PT10M}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_ADDRESSES).build();
        new SecureRandom().nextBytes(key);
    }

    /** How many writes one address may make per window. */
    public int limit() {
        return limit;
    }

    /**
     * Counts a write (a submission, saved answers or a contact consent) from this address.
     *
     * @return false when the address has reached the limit in the current window
     */
    public boolean allow(String clientAddress) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        Deque<Instant> times = recent.get(pseudonym(clientAddress), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private String pseudonym(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
