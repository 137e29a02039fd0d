// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after a number of failed attempts in a row for one user name, that
 * name cannot sign in for a while. Counted in the database, so all nodes share the count; counted
 * for unknown names too, so the answer never reveals whether a name exists.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    SignInThrottle(JdbcClient jdbc, Clock clock, @Value("${stadskompas.sign-in.max-failures:5}") int maxFailures,
            @Value("${stadskompas.sign-in.lock-duration:15m}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** Whether the name is waiting out a lock now. */
    boolean isLocked(String username) {
        return jdbc.sql("SELECT locked_until FROM sign_in_failure WHERE username = :u")
                .param("u", key(username))
                .query(Timestamp.class)
                .optional()
                .map(until -> until.toInstant().isAfter(clock.instant()))
                .orElse(false);
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = key(event.getAuthentication().getName());
        Instant now = clock.instant();
        int failures = jdbc.sql("SELECT failures FROM sign_in_failure WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .optional()
                .orElse(0) + 1;
        Timestamp lockedUntil = failures >= maxFailures ? Timestamp.from(now.plus(lockDuration)) : null;
        int updated = jdbc.sql("UPDATE sign_in_failure SET failures = :f, last_failure = :now, locked_until = :until "
                        + "WHERE username = :u")
                .param("f", failures).param("now", Timestamp.from(now)).param("until", lockedUntil)
                .param("u", username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sign_in_failure (username, failures, last_failure, locked_until) "
                            + "VALUES (:u, :f, :now, :until)")
                    .param("u", username).param("f", failures).param("now", Timestamp.from(now))
                    .param("until", lockedUntil)
                    .update();
        }
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE username = :u")
                .param("u", key(event.getAuthentication().getName()))
                .update();
    }

    private static String key(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
