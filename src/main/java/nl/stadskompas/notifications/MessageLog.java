// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message log as employees see it: every message of the tenant with its channel and status,
 * newest first. Addresses and texts are personal data: they are only given to those who handle
 * residents' requests, and every time they are, it is written to {@code ntf_access_log}.
 */
@Service
public class MessageLog {

    /** The most messages one search returns. */
    public static final int LIMIT = 200;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What to look for; every part may be null.
     *
     * @param from first day (Dutch time) the message was created
     * @param to last day, inclusive
     */
    public record Filter(MessageStatus status, Channel channel, LocalDate from, LocalDate to) {

        @Override
        public String toString() {
            return "status=" + (status == null ? "" : status) + " channel=" + (channel == null ? "" : channel)
                    + " from=" + (from == null ? "" : from) + " to=" + (to == null ? "" : to);
        }
    }

    /**
     * One message. Recipient, subject, text and error are null when the reader may not see personal data.
     */
    public record Entry(UUID id, Instant createdAt, String kind, Channel channel, MessageStatus status, int attempts,
            Instant dueAt, Instant sentAt, Instant deliveredAt, String recipient, String subject, String text,
            String error) {
    }

    /** One look at personal data in the log. */
    public record Access(UUID userId, String action, int messages, String filter, Instant at) {
    }

    /**
     * The newest messages that match, at most {@link #LIMIT}.
     *
     * @param personalData whether the reader may see addresses and texts (logged when given)
     * @param via where they were looked at, for the access log (e.g. {@code PAGE}, {@code API})
     * @throws ValidationProblem when the period ends before it starts
     */
    @Transactional
    public List<Entry> search(UUID tenantId, UUID userId, Filter filter, boolean personalData, String via) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ValidationProblem.of("to", "notifications-templates.log.period.invalid");
        }
        StringBuilder sql = new StringBuilder("SELECT id, created_at, kind, channel, status, attempts, due_at, sent_at, "
                + "delivered_at, recipient, subject, body_text, last_error FROM ntf_message WHERE tenant_id = :t");
        List<Object[]> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.add(new Object[] { "status", filter.status().name() });
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = :channel");
            params.add(new Object[] { "channel", filter.channel().name() });
        }
        if (filter.from() != null) {
            sql.append(" AND created_at >= :from");
            params.add(new Object[] { "from", Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()) });
        }
        if (filter.to() != null) {
            sql.append(" AND created_at < :to");
            params.add(new Object[] { "to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()) });
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST " + LIMIT + " ROWS ONLY");
        var statement = jdbc.sql(sql.toString()).param("t", tenantId);
        for (Object[] p : params) {
            statement = statement.param((String) p[0], p[1]);
        }
        List<Entry> entries = statement.query((rs, n) -> new Entry(rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(), rs.getString(3), Channel.valueOf(rs.getString(4)),
                MessageStatus.valueOf(rs.getString(5)), rs.getInt(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                personalData ? rs.getString(10) : null, personalData ? rs.getString(11) : null,
                personalData ? rs.getString(12) : null, personalData ? rs.getString(13) : null)).list();
        if (personalData && !entries.isEmpty()) {
            jdbc.sql("INSERT INTO ntf_access_log (id, tenant_id, user_id, action, messages, filter, at) "
                            + "VALUES (:id, :t, :u, :a, :n, :f, :at)")
                    .param("id", UUID.randomUUID()).param("t", tenantId).param("u", userId).param("a", "VIEW_" + via)
                    .param("n", entries.size()).param("f", filter.toString())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        return entries;
    }

    /** Who looked at personal data in the tenant's message log, newest first. */
    @Transactional(readOnly = true)
    public List<Access> accessLog(UUID tenantId) {
        return jdbc.sql("SELECT user_id, action, messages, filter, at FROM ntf_access_log WHERE tenant_id = :t "
                        + "ORDER BY at DESC")
                .param("t", tenantId)
                .query((rs, n) -> new Access(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
