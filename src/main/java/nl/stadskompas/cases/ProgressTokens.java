// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret links to a case's progress page. A token is 192 random bits from {@link SecureRandom},
 * written as 32 URL-safe Base64 characters. Only its SHA-256 hash is stored, so the table gives nobody
 * a working link; the token itself is shown once, to be put in a letter, message or QR code.
 */
@Component
class ProgressTokens {

    static final int TOKEN_BYTES = 24;
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ProgressTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** A new link for the case; other links keep working. Returns the token, which is not kept. */
    String issue(UUID tenantId, UUID caseId, Instant now) {
        String token = generate();
        jdbc.sql("INSERT INTO case_progress_token (token_hash, tenant_id, case_id, created_at) VALUES (:h, :t, :c, :at)")
                .param("h", hash(token)).param("t", tenantId).param("c", caseId)
                .param("at", java.sql.Timestamp.from(now)).update();
        return token;
    }

    /** Makes every link of the case stop working. */
    void revokeAll(UUID tenantId, UUID caseId, Instant now) {
        jdbc.sql("UPDATE case_progress_token SET revoked_at = :at WHERE tenant_id = :t AND case_id = :c AND revoked_at IS NULL")
                .param("at", java.sql.Timestamp.from(now)).param("t", tenantId).param("c", caseId).update();
    }

    /** The case a token leads to, when it is well-formed, known and not revoked. */
    Optional<TokenTarget> find(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, case_id FROM case_progress_token WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", hash(token)).query(TokenTarget.class).optional();
    }

    /** Whether the token belongs to this case and still works (to draw its QR code). */
    boolean belongsTo(String token, UUID tenantId, UUID caseId) {
        return find(token).filter(t -> t.tenantId().equals(tenantId) && t.caseId().equals(caseId)).isPresent();
    }

    /** When the case's newest working link was made, if it has one. */
    Optional<Instant> newestActive(UUID tenantId, UUID caseId) {
        return jdbc.sql("SELECT MAX(created_at) FROM case_progress_token WHERE tenant_id = :t AND case_id = :c AND revoked_at IS NULL")
                .param("t", tenantId).param("c", caseId)
                .query((rs, n) -> rs.getTimestamp(1)).optional()
                .filter(java.util.Objects::nonNull).map(java.sql.Timestamp::toInstant);
    }

    record TokenTarget(UUID tenantId, UUID caseId) {
    }
}
