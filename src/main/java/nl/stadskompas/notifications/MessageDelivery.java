// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages: the {@link MessageDispatcher} claims due messages in batches and this
 * sender sends each one. Sending is idempotent on the message's status, and every e-mail carries a
 * Message-ID derived from the message id, so that in the rare case a node dies between the mail
 * server's acceptance and the status update, the copy sent again is the same message to the
 * receiving mail system (ADR 7 and 505).
 */
@Configuration(proxyBeanMethods = false)
class MessageDelivery {

    /**
     * The delivery job per message of earlier versions, replaced by the dispatcher's claims. Kept so
     * that a job left by a node of an earlier version during an upgrade completes quietly; the
     * dispatcher sends its message.
     */
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("notifications-send");
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);

    @Bean
    OneTimeTask<Void> sendMessageTask() {
        return Tasks.oneTime(TASK).execute((instance, context) -> LOG.debug(
                "Delivery job of an earlier version for message {}: the dispatcher sends it", instance.getId()));
    }

    @Bean
    Sender messageSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<MessageGateway> gateway,
            Clock clock, @Value("${stadskompas.mail.from:Stadskompas <noreply@stadskompas.local>}") String from,
            @Value("${stadskompas.notifications.max-attempts:8}") int maxAttempts,
            @Value("${stadskompas.notifications.retry-base:PT1M}") Duration retryBase) {
        return new Sender(jdbc, transactions, gateway, clock, from, maxAttempts, retryBase);
    }

    @Bean
    MessageDispatcher messageDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Sender sender,
            ObjectProvider<JavaMailSender> mail, ObjectProvider<MessageGateway> gateway, Clock clock,
            @Value("${stadskompas.notifications.dispatch.threads:4}") int threads,
            @Value("${stadskompas.notifications.dispatch.batch:50}") int batch,
            @Value("${stadskompas.notifications.dispatch.lease:PT1M}") Duration lease,
            @Value("${stadskompas.notifications.dispatch.polling-interval:PT5S}") Duration pollingInterval,
            @Value("${stadskompas.notifications.smtp.messages-per-connection:100}") int messagesPerConnection,
            @Value("${stadskompas.notifications.smtp.connection-max-idle:PT10S}") Duration connectionMaxIdle) {
        return new MessageDispatcher(jdbc, transactions, sender, mail, gateway, clock, new MessageDispatcher.Settings(
                threads, batch, lease, pollingInterval, messagesPerConnection, connectionMaxIdle));
    }

    /** The SMS and letter gateway, when its address is configured. */
    @Bean
    @ConditionalOnProperty("stadskompas.notifications.gateway.base-url")
    MessageGateway notifyGateway(@Value("${stadskompas.notifications.gateway.base-url}") String baseUrl,
            @Value("${stadskompas.notifications.gateway.api-key}") String apiKey,
            @Value("${stadskompas.notifications.gateway.sms-template-id:}") String smsTemplateId, Clock clock) {
        return new NotifyGateway(baseUrl, apiKey, smsTemplateId, clock);
    }

    /** Sends one claimed message, and decides what happens after a failure. */
    static final class Sender {

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final ObjectProvider<MessageGateway> gateway;
        private final Clock clock;
        private final String from;
        private final int maxAttempts;
        private final Duration retryBase;

        Sender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<MessageGateway> gateway, Clock clock,
                String from, int maxAttempts, Duration retryBase) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            this.gateway = gateway;
            this.clock = clock;
            this.from = from;
            this.maxAttempts = maxAttempts;
            this.retryBase = retryBase;
        }

        /**
         * Sends the message over the thread's SMTP connection (null when no SMTP server is configured),
         * unless it was cancelled (or taken over by another node) since it was claimed.
         *
         * <p>One statement locks the message row and checks that it is still queued and still this
         * node's claim; the lock is held until the message is recorded as sent (or for another try),
         * a few milliseconds. A cancellation that came first wins: the message is not sent. One that
         * comes while the message is being sent waits for the lock, finds it sent and withdraws
         * nothing, so "cancelled" always means "not sent". Another node's claim skips a locked row.
         *
         * @return whether the message was still this node's to send
         */
        boolean send(MessageDispatcher.Claimed message, SmtpConnection smtp) {
            if (message.channel() == Channel.EMAIL && smtp == null) {
                return false; // not claimed without an SMTP server; the claim runs out harmlessly
            }
            Boolean sent = transactions.execute(status -> {
                if (!stillOurs(message)) {
                    return false;
                }
                if (message.channel() == Channel.EMAIL) {
                    sendEmail(message, smtp);
                } else {
                    sendThroughGateway(message.id(), message);
                }
                return true;
            });
            return Boolean.TRUE.equals(sent);
        }

        /** Locks the message and tells whether it is still queued and claimed by this node. */
        private boolean stillOurs(MessageDispatcher.Claimed message) {
            return jdbc.sql("SELECT id FROM ntf_message WHERE id = :id AND status = 'QUEUED' AND claimed_by = :node "
                            + "FOR UPDATE")
                    .param("id", message.id()).param("node", message.node())
                    .query(UUID.class).optional().isPresent();
        }

        private void sendEmail(MessageDispatcher.Claimed message, SmtpConnection smtp) {
            UUID id = message.id();
            try {
                MimeMessage mime = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
                helper.setFrom(InternetAddress.parse(from, true)[0]);
                helper.setTo(new InternetAddress(message.recipient(), true));
                helper.setSubject(message.subject());
                helper.setText(message.text(), false);
                // The connection keeps a Message-ID that is set in advance.
                mime.setHeader("Message-ID", "<" + id + "@stadskompas>");
                smtp.send(mime);
                jdbc.sql("UPDATE ntf_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1, "
                                + "last_error = NULL, claimed_by = NULL, claimed_until = NULL "
                                + "WHERE id = :id AND status = 'QUEUED'")
                        .param("now", Timestamp.from(clock.instant())).param("id", id)
                        .update();
            } catch (MailParseException | MailPreparationException
                    | jakarta.mail.internet.ParseException e) {
                fail(id, message.attempts() + 1, "The address or content cannot be sent: " + e.getMessage());
            } catch (MailAuthenticationException | jakarta.mail.AuthenticationFailedException e) {
                retry(id, message.attempts() + 1, "The mail server refused our credentials");
            } catch (org.springframework.mail.MailException | jakarta.mail.MessagingException e) {
                retry(id, message.attempts() + 1, e.getMessage());
            }
        }

        /** SMS and letters: handed to the gateway, which reports delivery later (see DeliveryReceipts). */
        private void sendThroughGateway(UUID id, MessageDispatcher.Claimed message) {
            MessageGateway through = gateway.getIfAvailable();
            if (through == null) {
                LOG.info("No message gateway configured (stadskompas.notifications.gateway.base-url); message {} waits",
                        id);
                return; // not claimed without a gateway; the claim runs out harmlessly
            }
            try {
                String providerId = message.channel() == Channel.SMS
                        ? through.sendSms(id, message.recipient(), message.text())
                        : through.sendLetter(id, LetterPdf.render(message.recipient(), message.subject(),
                                message.text(), message.language()));
                jdbc.sql("UPDATE ntf_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1, "
                                + "provider_id = :p, last_error = NULL, claimed_by = NULL, claimed_until = NULL "
                                + "WHERE id = :id AND status = 'QUEUED'")
                        .param("now", Timestamp.from(clock.instant())).param("p", providerId).param("id", id)
                        .update();
            } catch (MessageGateway.GatewayException e) {
                if (e.temporary()) {
                    retry(id, message.attempts() + 1, e.getMessage());
                } else {
                    fail(id, message.attempts() + 1, e.getMessage());
                }
            }
        }

        /** A temporary failure: tried again after 1, 2, 4, 8 ... times the base, up to the maximum attempts. */
        private void retry(UUID id, int attempts, String error) {
            if (attempts >= maxAttempts) {
                fail(id, attempts, error);
                return;
            }
            Duration wait = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
            jdbc.sql("UPDATE ntf_message SET attempts = :a, last_error = :e, due_at = :due, claimed_by = NULL, "
                            + "claimed_until = NULL WHERE id = :id AND status = 'QUEUED'")
                    .param("a", attempts).param("e", truncate(error))
                    .param("due", Timestamp.from(clock.instant().plus(wait))).param("id", id)
                    .update();
            LOG.warn("Message {} not sent (attempt {}), will try again in {}: {}", id, attempts, wait, error);
        }

        private void fail(UUID id, int attempts, String error) {
            jdbc.sql("UPDATE ntf_message SET status = 'FAILED', attempts = :a, last_error = :e, claimed_by = NULL, "
                            + "claimed_until = NULL WHERE id = :id AND status = 'QUEUED'")
                    .param("a", attempts).param("e", truncate(error)).param("id", id)
                    .update();
            LOG.warn("Message {} failed after {} attempt(s): {}", id, attempts, error);
        }

        private static String truncate(String error) {
            String text = error == null ? "unknown error" : error;
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }
    }
}
