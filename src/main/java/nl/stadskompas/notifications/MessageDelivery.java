// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

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

/**
 * Delivers queued messages. Each message is a persistent one-time job (db-scheduler) that runs on
 * one node at its due time; a job whose node died is picked up again by another node. Sending is
 * idempotent on the message's status, and every e-mail carries a Message-ID derived from the
 * message id, so that in the rare case a node dies between the mail server's acceptance and the
 * status update, the copy sent again is the same message to the receiving mail system.
 */
@Configuration(proxyBeanMethods = false)
class MessageDelivery {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("notifications-send");
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);

    @Bean
    OneTimeTask<Void> sendMessageTask(Sender sender,
            @Value("${stadskompas.notifications.retry-base:PT1M}") Duration retryBase) {
        // A temporary failure waits 1, 2, 4, 8 ... times the base, so a mail server that is down for
        // a while is not hammered; the sender gives up after the configured number of attempts.
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(retryBase, 2.0))
                .execute((instance, context) -> sender.send(UUID.fromString(instance.getId())));
    }

    @Bean
    Sender messageSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ObjectProvider<MessageGateway> gateway,
            Clock clock, @Value("${stadskompas.mail.from:Stadskompas <noreply@stadskompas.local>}") String from,
            @Value("${stadskompas.notifications.max-attempts:8}") int maxAttempts) {
        return new Sender(jdbc, mail, gateway, clock, from, maxAttempts);
    }

    /** The SMS and letter gateway, when its address is configured. */
    @Bean
    @ConditionalOnProperty("stadskompas.notifications.gateway.base-url")
    MessageGateway notifyGateway(@Value("${stadskompas.notifications.gateway.base-url}") String baseUrl,
            @Value("${stadskompas.notifications.gateway.api-key}") String apiKey,
            @Value("${stadskompas.notifications.gateway.sms-template-id:}") String smsTemplateId, Clock clock) {
        return new NotifyGateway(baseUrl, apiKey, smsTemplateId, clock);
    }

    /** Sends one message, and decides what happens after a failure. */
    static final class Sender {

        private final JdbcClient jdbc;
        private final ObjectProvider<JavaMailSender> mail;
        private final ObjectProvider<MessageGateway> gateway;
        private final Clock clock;
        private final String from;
        private final int maxAttempts;

        Sender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ObjectProvider<MessageGateway> gateway, Clock clock,
                String from, int maxAttempts) {
            this.jdbc = jdbc;
            this.mail = mail;
            this.gateway = gateway;
            this.clock = clock;
            this.from = from;
            this.maxAttempts = maxAttempts;
        }

        void send(UUID id) {
            var row = jdbc.sql("SELECT recipient, subject, body_text, status, attempts, channel, language FROM ntf_message "
                            + "WHERE id = :id")
                    .param("id", id)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), Channel.valueOf(rs.getString(6)), rs.getString(7)))
                    .optional();
            if (row.isEmpty() || !MessageStatus.QUEUED.name().equals(row.get().status())) {
                return; // sent, cancelled or failed already: never send twice
            }
            Row message = row.get();
            if (message.channel() != Channel.EMAIL) {
                sendThroughGateway(id, message);
                return;
            }
            JavaMailSender server = mail.getIfAvailable();
            if (server == null) {
                // No SMTP server configured (the embedded default): the message waits in the log and
                // is sent after a restart with spring.mail.host set (see QueuedMessages).
                LOG.info("No SMTP server configured (spring.mail.host); message {} waits until one is", id);
                return;
            }
            try {
                MimeMessage mime = server.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
                helper.setFrom(InternetAddress.parse(from, true)[0]);
                helper.setTo(new InternetAddress(message.recipient(), true));
                helper.setSubject(message.subject());
                helper.setText(message.text(), false);
                // The sender keeps a Message-ID that is set in advance.
                mime.setHeader("Message-ID", "<" + id + "@stadskompas>");
                server.send(mime);
                jdbc.sql("UPDATE ntf_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1, "
                                + "last_error = NULL WHERE id = :id AND status = 'QUEUED'")
                        .param("now", Timestamp.from(clock.instant())).param("id", id)
                        .update();
            } catch (MailParseException | MailPreparationException | jakarta.mail.internet.AddressException e) {
                fail(id, message.attempts() + 1, "The address or content cannot be sent: " + e.getMessage());
            } catch (MailAuthenticationException e) {
                retry(id, message.attempts() + 1, "The mail server refused our credentials");
            } catch (org.springframework.mail.MailException | jakarta.mail.MessagingException e) {
                retry(id, message.attempts() + 1, e.getMessage());
            }
        }

        /** SMS and letters: handed to the gateway, which reports delivery later (see DeliveryReceipts). */
        private void sendThroughGateway(UUID id, Row message) {
            MessageGateway through = gateway.getIfAvailable();
            if (through == null) {
                LOG.info("No message gateway configured (stadskompas.notifications.gateway.base-url); message {} waits",
                        id);
                return;
            }
            try {
                String providerId = message.channel() == Channel.SMS
                        ? through.sendSms(id, message.recipient(), message.text())
                        : through.sendLetter(id, LetterPdf.render(message.recipient(), message.subject(),
                                message.text(), message.language()));
                jdbc.sql("UPDATE ntf_message SET status = 'SENT', sent_at = :now, attempts = attempts + 1, "
                                + "provider_id = :p, last_error = NULL WHERE id = :id AND status = 'QUEUED'")
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

        private void retry(UUID id, int attempts, String error) {
            if (attempts >= maxAttempts) {
                fail(id, attempts, error);
                return;
            }
            jdbc.sql("UPDATE ntf_message SET attempts = :a, last_error = :e WHERE id = :id")
                    .param("a", attempts).param("e", truncate(error)).param("id", id)
                    .update();
            LOG.warn("Message {} not sent (attempt {}), will try again: {}", id, attempts, error);
            throw new TemporaryFailure(error);
        }

        private void fail(UUID id, int attempts, String error) {
            jdbc.sql("UPDATE ntf_message SET status = 'FAILED', attempts = :a, last_error = :e WHERE id = :id")
                    .param("a", attempts).param("e", truncate(error)).param("id", id)
                    .update();
            LOG.warn("Message {} failed after {} attempt(s): {}", id, attempts, error);
        }

        private static String truncate(String error) {
            String text = error == null ? "unknown error" : error;
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }

        /** Makes the job scheduler try again later, with back-off. */
        static final class TemporaryFailure extends RuntimeException {

            TemporaryFailure(String message) {
                super(message);
            }
        }

        private record Row(String recipient, String subject, String text, String status, int attempts,
                Channel channel, String language) {
        }
    }
}
