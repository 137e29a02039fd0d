// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.contacts.ContactChannel;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.Preferences;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues messages. Queueing joins the caller's transaction: when the caller's change is rolled
 * back, no message is sent; when it commits, the message will be sent, also after a crash.
 */
@Service
public class Messaging {

    private final JdbcClient jdbc;
    private final MessageDispatcher dispatcher;
    private final Clock clock;
    private final ContactPreferences preferences;
    private final MessageTemplates templates;
    private final ObjectProvider<MessageGateway> gateway;

    Messaging(JdbcClient jdbc, MessageDispatcher dispatcher, Clock clock, ContactPreferences preferences,
            MessageTemplates templates, ObjectProvider<MessageGateway> gateway) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.preferences = preferences;
        this.templates = templates;
    }

    /**
     * Queues the message, unless a message with the same dedup key was queued for the tenant before.
     *
     * @return the id of the queued message, or of the earlier one with the same key
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public UUID queue(OutgoingMessage message) {
        Optional<UUID> before = queued(message.tenantId(), message.dedupKey());
        if (before.isPresent()) {
            // Queued before (a replayed event, a retried request): that one stands, and no new person,
            // preferences link or text is made for it.
            return before.get();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant due = message.due() == null || message.due().isBefore(now) ? now : message.due();
        // contacts: a proactive message the recipient did not agree to is logged as withheld and never
        // sent; every message ends with a link where the resident decides how we reach them.
        boolean withheld = !preferences.consents(message.tenantId(), message.recipient(), message.kind());
        Routed routed = route(message);
        String text = routed.text() + "\n\n"
                + preferences.preferencesLine(message.tenantId(), message.recipient(), message.language());
        int inserted = jdbc.sql("""
                INSERT INTO ntf_message (id, tenant_id, kind, channel, recipient, language, subject, body_text,
                    dedup_key, status, attempts, due_at, created_at)
                VALUES (:id, :tenant, :kind, :channel, :recipient, :language, :subject, :text, :key, :status, 0,
                    :due, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("tenant", message.tenantId()).param("kind", message.kind())
                .param("channel", routed.channel().name()).param("recipient", routed.recipient())
                .param("language", message.language().getLanguage()).param("subject", routed.subject())
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
        // The dispatcher finds the message in ntf_message once it is due (ADR 505); one due now is
        // looked at as soon as the caller's transaction commits.
        if (!due.isAfter(now)) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        dispatcher.wake();
                    }
                });
            } else {
                dispatcher.wake();
            }
        }
        return id;
    }

    /**
     * The channel, address and text of a message with a template: the channel the recipient chose
     * (SMS or letter) when we have the address for it and a gateway is configured, else e-mail; the tenant's own template for
     * that channel when there is one, else the built-in one (for e-mail: the text as the sender wrote
     * it, which is the built-in template filled in).
     */
    private Routed route(OutgoingMessage message) {
        Optional<TemplateKind> kind = TemplateKind.of(message.kind());
        if (message.values() == null || kind.isEmpty() || message.channel() != Channel.EMAIL) {
            return new Routed(message.channel(), message.recipient(), message.subject(), message.text());
        }
        Channel channel = Channel.EMAIL;
        String recipient = message.recipient();
        Optional<Preferences> chosen = gateway.getIfAvailable() == null ? Optional.empty()
                : preferences.preferences(message.tenantId(), message.recipient());
        if (chosen.isPresent()) {
            Preferences p = chosen.get();
            if (p.channel() == ContactChannel.SMS && p.phone() != null && !p.phone().isBlank()) {
                channel = Channel.SMS;
                recipient = p.phone();
            } else if (p.channel() == ContactChannel.LETTER && p.postalAddress() != null
                    && !p.postalAddress().isBlank()) {
                channel = Channel.LETTER;
                recipient = p.postalAddress();
            }
        }
        String language = MessageTemplates.language(message.language().getLanguage());
        Optional<MessageTemplates.Template> custom = templates.custom(message.tenantId(), message.kind(), channel,
                language);
        if (custom.isEmpty() && channel == Channel.EMAIL) {
            return new Routed(channel, recipient, message.subject(), message.text());
        }
        Channel routedChannel = channel;
        MessageTemplates.Template template = custom
                .orElseGet(() -> templates.builtIn(kind.get(), routedChannel, language));
        MessageTemplates.Rendered rendered = MessageTemplates.render(template, message.values());
        String subject = rendered.subject() == null || rendered.subject().isBlank() ? message.subject()
                : rendered.subject();
        return new Routed(channel, recipient, truncate(subject, 300), rendered.body());
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private record Routed(Channel channel, String recipient, String subject, String text) {
    }

    /**
     * Withdraws a message that has not been sent yet; returns whether there was one to withdraw. A
     * withdrawn message is never sent, also when a delivery thread had already claimed it (ADR 505).
     * When a thread is sending it at this very moment, this waits the few milliseconds until it is
     * recorded as sent and returns false: it was too late to withdraw.
     */
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

    /**
     * The message queued for the tenant with this dedup key, in whatever status, so that a producer can
     * skip composing it (and making links for it) again.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> queued(UUID tenantId, String dedupKey) {
        return find(tenantId, dedupKey);
    }

    private Optional<UUID> find(UUID tenantId, String dedupKey) {
        return jdbc.sql("SELECT id FROM ntf_message WHERE tenant_id = :t AND dedup_key = :k")
                .param("t", tenantId).param("k", dedupKey)
                .query(UUID.class).optional();
    }
}
