// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages (ADR 505). Each delivery thread claims a batch of due messages in one short
 * transaction ({@code FOR UPDATE SKIP LOCKED}, so two threads or nodes never claim the same message)
 * by writing its node and how long the claim holds, then sends them one by one over one kept SMTP
 * connection, recording each message as sent as soon as the mail server accepted it. A node that
 * dies leaves its claims behind; they run out after the lease and another node sends those messages.
 * Only the message in flight at that moment (accepted, not yet recorded) can arrive a second time,
 * with the same Message-ID.
 */
final class MessageDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    /** How the delivery threads work; see application.properties. */
    record Settings(int threads, int batch, Duration lease, Duration pollingInterval, int messagesPerConnection,
            Duration connectionMaxIdle) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageDelivery.Sender sender;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<MessageGateway> gateway;
    private final Clock clock;
    private final Settings settings;
    private final String node;
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private boolean woken;
    private volatile boolean running;
    private String channels = "";

    MessageDispatcher(JdbcClient jdbc, TransactionTemplate transactions, MessageDelivery.Sender sender,
            ObjectProvider<JavaMailSender> mail, ObjectProvider<MessageGateway> gateway, Clock clock,
            Settings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.mail = mail;
        this.gateway = gateway;
        this.clock = clock;
        this.settings = settings;
        this.node = nodeName();
    }

    /** A message became due (queued for now): the delivery threads look at once, not at their next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        boolean email = mail.getIfAvailable() != null;
        boolean other = gateway.getIfAvailable() != null;
        if (!email && !other) {
            // Without an SMTP server or gateway (the embedded default) messages wait in the log and are
            // sent after a start with one configured.
            LOG.info("No SMTP server (spring.mail.host) or message gateway configured; messages wait until one is");
            return;
        }
        channels = email && other ? "" : email ? " AND channel = 'EMAIL'" : " AND channel <> 'EMAIL'";
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            Thread worker = new Thread(this::work, "notifications-dispatch-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        JavaMailSender server = mail.getIfAvailable();
        try (SmtpConnection smtp = server == null ? null
                : new SmtpConnection(server, settings.messagesPerConnection(), settings.connectionMaxIdle())) {
            while (running) {
                try {
                    List<Claimed> batch = claim();
                    if (batch.isEmpty()) {
                        await();
                    } else {
                        deliver(batch, smtp);
                    }
                } catch (RuntimeException e) {
                    // The database away, for instance: claims not sent run out and are taken over.
                    LOG.warn("Delivering messages failed, trying again shortly: {}", e.getMessage());
                    await();
                }
            }
        }
    }

    private void deliver(List<Claimed> batch, SmtpConnection smtp) {
        // Stop well before the claim runs out, so that no other node takes over a message this one
        // still sends; what is left is handed back at once.
        Instant stopAt = batch.getFirst().claimedAt().plus(settings.lease().dividedBy(2));
        for (int i = 0; i < batch.size(); i++) {
            if (!running || clock.instant().isAfter(stopAt)) {
                release(batch.subList(i, batch.size()));
                return;
            }
            Claimed message = batch.get(i);
            try {
                sender.send(message, smtp);
            } catch (RuntimeException e) {
                LOG.warn("Message {} not delivered now, its claim runs out and it is tried again: {}", message.id(),
                        e.getMessage());
            }
        }
    }

    /** Claims up to a batch of due messages for this node, in one transaction. */
    List<Claimed> claim() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.lease());
        List<Claimed> claimed = transactions.execute(status -> {
            List<Claimed> rows = jdbc.sql("SELECT id, recipient, subject, body_text, attempts, channel, language "
                            + "FROM ntf_message WHERE status = 'QUEUED' AND due_at <= :now "
                            + "AND (claimed_until IS NULL OR claimed_until < :now)" + channels
                            + " ORDER BY due_at LIMIT :n FOR UPDATE SKIP LOCKED")
                    .param("now", Timestamp.from(now)).param("n", settings.batch())
                    .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), Channel.valueOf(rs.getString(6)), rs.getString(7), node,
                            now))
                    .list();
            if (!rows.isEmpty()) {
                jdbc.sql("UPDATE ntf_message SET claimed_by = :node, claimed_until = :until WHERE id IN (:ids)")
                        .param("node", node).param("until", Timestamp.from(until))
                        .param("ids", rows.stream().map(Claimed::id).toList())
                        .update();
            }
            return rows;
        });
        return claimed == null ? List.of() : claimed;
    }

    private void release(List<Claimed> rest) {
        jdbc.sql("UPDATE ntf_message SET claimed_by = NULL, claimed_until = NULL WHERE id IN (:ids) "
                        + "AND claimed_by = :node AND status = 'QUEUED'")
                .param("ids", rest.stream().map(Claimed::id).toList()).param("node", node)
                .update();
    }

    private void await() {
        synchronized (signal) {
            try {
                if (!woken && running) {
                    signal.wait(settings.pollingInterval().toMillis());
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    /** A message claimed for delivery, with what is needed to send it. */
    record Claimed(UUID id, String recipient, String subject, String text, int attempts, Channel channel,
            String language, String node, Instant claimedAt) {
    }
}
