// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import nl.stadskompas.contacts.ContactPreferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages. Queueing joins the caller's transaction: when the caller's change is rolled
 * back, no message is sent; when it commits, the message will be sent, also after a crash.
 */
@Service
public class Messaging {

    private final JdbcClient jdbc;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final ContactPreferences preferences;

    Messaging(JdbcClient jdbc, SchedulerClient scheduler, Clock clock, ContactPreferences preferences) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
        this.preferences = preferences;
    }

    /**
     * Queues the message, unless a message with the same dedup key was queued for the tenant before.
     *
     * @return the id of the queued message, or of the earlier one with the same key
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public UUID queue(OutgoingMessage message) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant due = message.due() == null || message.due().isBefore(now) ? now : message.due();
        // contacts: a proactive message the recipient did not agree to is logged as withheld and never
        // sent; every message ends with a link where the resident decides how we reach them.
        boolean withheld = !preferences.consents(message.tenantId(), message.recipient(), message.kind());
        String text = message.text() + "\n\n"
                + preferences.preferencesLine(message.tenantId(), message.recipient(), message.language());
        int inserted = jdbc.sql("""
                INSERT INTO ntf_message (id, tenant_id, kind, channel, recipient, language, subject, body_text,
                    dedup_key, status, attempts, due_at, created_at)
                VALUES (:id, :tenant, :kind, :channel, :recipient, :language, :subject, :text, :key, :status, 0,
                    :due, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("tenant", message.tenantId()).param("kind", message.kind())
                .param("channel", message.channel().name()).param("recipient", message.recipient())
                .param("language", message.language().getLanguage()).param("subject", message.subject())
                .param("text", text).param("key", message.dedupKey())
                .param("status", (withheld ? MessageStatus.WITHHELD : MessageStatus.QUEUED).name())
                .param("due", Timestamp.from(due)).param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            // Queued before (perhaps by a concurrent request): that one stands.
            return find(message.tenantId(), message.dedupKey()).orElseThrow();
        }
        if (withheld) {
            return id;
        }
        scheduler.scheduleIfNotExists(MessageDelivery.TASK.instance(id.toString()).scheduledTo(due));
        return id;
    }

    /** Withdraws a message that has not been sent yet; returns whether there was one to withdraw. */
    @Transactional
    public boolean cancel(UUID tenantId, String dedupKey) {
        return jdbc.sql("UPDATE ntf_message SET status = 'CANCELLED' WHERE tenant_id = :t AND dedup_key = :k "
                        + "AND status = 'QUEUED'")
                .param("t", tenantId).param("k", dedupKey)
                .update() > 0;
    }

    /** The status of a message of the tenant. */
    @Transactional(readOnly = true)
    public Optional<MessageStatus> status(UUID tenantId, UUID messageId) {
        return jdbc.sql("SELECT status FROM ntf_message WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", messageId)
                .query(String.class).optional().map(MessageStatus::valueOf);
    }

    private Optional<UUID> find(UUID tenantId, String dedupKey) {
        return jdbc.sql("SELECT id FROM ntf_message WHERE tenant_id = :t AND dedup_key = :k")
                .param("t", tenantId).param("k", dedupKey)
                .query(UUID.class).optional();
    }
}
