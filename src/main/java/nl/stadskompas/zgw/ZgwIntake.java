// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake of notifications from the case system: a notification on the callback is checked,
 * stored in the inbox and given its processing job in one transaction, and only then acknowledged,
 * so nothing acknowledged is lost when the process dies. The inbox is also what administrators read
 * on the intake log, and where they ask for another try.
 */
@Service
public class ZgwIntake {

    /** The resources of the {@code zaken} kanaal that can change a case's status. */
    private static final Set<String> RESOURCES = Set.of("zaak", "status");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ZgwSettings settings;
    private final SchedulerClient scheduler;
    private final Clock clock;

    ZgwIntake(JdbcClient jdbc, ZgwSettings settings, SchedulerClient scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Takes in one notification sent to the tenant's callback.
     *
     * @param authorization the Authorization header as received, or null
     * @param body the request body as received
     * @throws CallbackRefused when the tenant has no connection or the authorisation is not the
     *         agreed one; nothing is stored then
     * @throws ValidationProblem when the body is not a notification; nothing is stored then
     */
    @Transactional
    public Receipt receive(UUID tenantId, String authorization, String body) {
        Connection connection = settings.find(tenantId).orElseThrow(CallbackRefused::new);
        if (!authorised(authorization, connection.callbackToken())) {
            throw new CallbackRefused();
        }
        Notification notification = parse(body, connection);
        String identity = identity(notification);
        Optional<UUID> known = jdbc.sql("SELECT id FROM zgw_inbox WHERE tenant_id = :t AND identity_hash = :h")
                .param("t", tenantId).param("h", identity).query(UUID.class).optional();
        if (known.isPresent()) {
            return new Receipt(known.get(), true);
        }
        boolean relevant = "zaken".equals(notification.kanaal()) && RESOURCES.contains(notification.resource())
                && !"destroy".equals(notification.actie());
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO zgw_inbox (id, tenant_id, identity_hash, kanaal, hoofd_object, resource, resource_url, "
                        + "actie, aanmaakdatum, received_at, state, attempts, outcome) VALUES (:id, :t, :h, :k, :ho, :r, "
                        + ":ru, :a, :d, :now, :s, 0, :o)")
                .param("id", id).param("t", tenantId).param("h", identity).param("k", notification.kanaal())
                .param("ho", notification.hoofdObject()).param("r", notification.resource())
                .param("ru", notification.resourceUrl()).param("a", notification.actie())
                .param("d", notification.aanmaakdatum()).param("now", Timestamp.from(clock.instant()))
                .param("s", (relevant ? IntakeState.RECEIVED : IntakeState.IGNORED).name())
                .param("o", relevant ? null : "zgw.outcome.ignored")
                .update();
        if (relevant) {
            // The job is stored in this transaction too: acknowledged means it will be processed.
            scheduler.scheduleIfNotExists(IntakeJob.TASK.instance(id.toString()).scheduledTo(clock.instant()));
        }
        return new Receipt(id, false);
    }

    /** The latest notifications of the tenant, newest first. */
    @Transactional(readOnly = true)
    public List<IntakeEntry> log(UUID tenantId, int limit) {
        return jdbc.sql("SELECT id, received_at, kanaal, resource, actie, hoofd_object, state, attempts, last_error, "
                        + "case_id, outcome, status_code, inform_differs, processed_at FROM zgw_inbox "
                        + "WHERE tenant_id = :t ORDER BY received_at DESC, id LIMIT :n")
                .param("t", tenantId).param("n", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new IntakeEntry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        IntakeState.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9),
                        rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()))
                .list();
    }

    /**
     * Tries a notification that is waiting or failed again now, with a fresh count of attempts.
     *
     * @throws NotFoundException when the tenant has no such notification
     * @throws ValidationProblem when it was processed or ignored already
     */
    @Transactional
    public void retry(UUID tenantId, UUID id) {
        String state = jdbc.sql("SELECT state FROM zgw_inbox WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("notification"));
        IntakeState current = IntakeState.valueOf(state);
        if (current == IntakeState.PROCESSED || current == IntakeState.IGNORED) {
            throw ValidationProblem.of("id", "zgw.intake.retry.done");
        }
        jdbc.sql("UPDATE zgw_inbox SET state = 'RETRYING', attempts = 0 WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).update();
        Instant now = clock.instant();
        if (!scheduler.scheduleIfNotExists(IntakeJob.TASK.instance(id.toString()).scheduledTo(now))) {
            try {
                scheduler.reschedule(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(
                        IntakeJob.TASK.getTaskName(), id.toString()), now);
            } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException running) {
                // A node is processing this notification at this very moment: that is the try asked for.
                // Its outcome (processed, or a next attempt with back-off) is written to the inbox as usual.
            }
        }
    }

    static boolean authorised(String header, String token) {
        if (header == null || token == null) {
            return false;
        }
        byte[] given = header.trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        // The agreed value is "Bearer <token>"; some registrations use "Token <token>" or the bare token.
        for (String accepted : List.of("Bearer " + token, "Token " + token, token)) {
            ok |= MessageDigest.isEqual(given, accepted.getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }

    static Notification parse(String body, Connection connection) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ValidationProblem.of("body", "zgw.callback.notJson");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String kanaal = required(node, "kanaal", 50, problems);
        String hoofdObject = required(node, "hoofdObject", 1000, problems);
        String resource = required(node, "resource", 100, problems);
        String resourceUrl = required(node, "resourceUrl", 1000, problems);
        String actie = required(node, "actie", 100, problems);
        String aanmaakdatum = required(node, "aanmaakdatum", 40, problems);
        for (String[] url : new String[][] { { "hoofdObject", hoofdObject }, { "resourceUrl", resourceUrl } }) {
            if (url[1] != null && !absolute(url[1])) {
                problems.add(new FieldProblem(url[0], "zgw.callback.url"));
            }
        }
        if (aanmaakdatum != null) {
            try {
                OffsetDateTime.parse(aanmaakdatum);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("aanmaakdatum", "zgw.callback.date"));
            }
        }
        if ("zaken".equals(kanaal) && hoofdObject != null && !Connection.isUnder(hoofdObject, connection.zakenUrl())) {
            problems.add(new FieldProblem("hoofdObject", "zgw.callback.foreign"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return new Notification(kanaal, hoofdObject, resource, resourceUrl, actie, aanmaakdatum);
    }

    /** A notification has no id of its own: what it says, together, is its identity. */
    static String identity(Notification n) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String joined = String.join("\n", n.kanaal(), n.hoofdObject(), n.resource(), n.resourceUrl(), n.actie(),
                    n.aanmaakdatum());
            return HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(JsonNode node, String field, int max, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank() || value.stringValue().length() > max) {
            problems.add(new FieldProblem(field, "zgw.callback.required"));
            return null;
        }
        return value.stringValue().trim();
    }

    private static boolean absolute(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The fields of a notification (Notificaties API 1.0, schema {@code Message}) that we keep. */
    record Notification(String kanaal, String hoofdObject, String resource, String resourceUrl, String actie,
            String aanmaakdatum) {
    }

    /**
     * A notification taken in.
     *
     * @param duplicate whether the same notification had been taken in before
     */
    public record Receipt(UUID id, boolean duplicate) {
    }

    /**
     * A notification as the intake log shows it.
     *
     * @param lastError why the latest attempt did not succeed (technical, in English), or null
     * @param outcome message key of what it did, or null while it waits
     * @param statusCode the local status it led to, or null
     * @param informDiffers whether the statustype's {@code informeren} differs from the local status's
     *        "inform the resident" (the local status decides)
     */
    public record IntakeEntry(UUID id, Instant receivedAt, String kanaal, String resource, String actie,
            String hoofdObject, IntakeState state, int attempts, String lastError, UUID caseId, String outcome,
            String statusCode, boolean informDiffers, Instant processedAt) {

        /** When it was received, on the clock of the Netherlands. */
        public java.time.LocalDateTime receivedLocal() {
            return java.time.LocalDateTime.ofInstant(receivedAt, java.time.ZoneId.of("Europe/Amsterdam"));
        }
    }

    /** Where a notification stands. */
    public enum IntakeState {
        /** Stored, waiting for its first attempt. */
        RECEIVED,
        /** An attempt did not succeed; it is tried again later. */
        RETRYING,
        /** The case was updated (or nothing needed to change). */
        PROCESSED,
        /** Not about a zaak's status: kept, but nothing to do. */
        IGNORED,
        /** Every attempt failed; an administrator can try again. */
        FAILED;

        public String messageKey() {
            return "zgw.state." + name();
        }
    }

    /** The callback's authorisation is missing or not the agreed one, or the tenant is not connected. */
    public static final class CallbackRefused extends RuntimeException {

        CallbackRefused() {
            super("Callback refused");
        }
    }
}
