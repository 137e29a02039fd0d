// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestSmtp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message that a delivery thread has claimed, but not yet sent, can still be cancelled: the thread
 * checks and locks the message right before it sends, so a cancelled message never goes out and the
 * log says cancelled. A cancellation that comes while the message is being sent waits and reports that
 * it came too late; the log says sent. A thread whose claim another node took over sends nothing.
 */
@SpringBootTest
class CancelAfterClaimIntegrationTests {

    @Autowired
    Messaging messaging;

    @Autowired
    MessageDelivery.Sender sender;

    @Autowired
    JavaMailSender mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    GreenMail smtp;
    UUID tenant;
    String recipient;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        tenant = TestData.of(context).tenant().id();
        recipient = TestData.unique("inwoner") + "@example.org";
    }

    @AfterEach
    void stopMailServer() {
        smtp.stop();
    }

    @Test
    void aMessageCancelledAfterItWasClaimedIsNeverSent() {
        MessageDispatcher.Claimed claimed = queueAndClaim("reminder-claimed", "node-a");

        assertThat(cancel("reminder-claimed")).isTrue();
        boolean sent;
        try (SmtpConnection connection = connection(mail)) {
            sent = sender.send(claimed, connection);
        }

        assertThat(sent).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receivedByRecipient().length == 0);
        assertThat(messaging.status(tenant, claimed.id())).contains(MessageStatus.CANCELLED);
    }

    @Test
    void aClaimedMessageThatIsNotCancelledIsSentOnce() {
        MessageDispatcher.Claimed claimed = queueAndClaim("reminder-kept", "node-a");

        boolean sent;
        try (SmtpConnection connection = connection(mail)) {
            sent = sender.send(claimed, connection);
        }

        assertThat(sent).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedByRecipient().length == 1);
        assertThat(messaging.status(tenant, claimed.id())).contains(MessageStatus.SENT);
        assertThat(cancel("reminder-kept")).isFalse();
        assertThat(messaging.status(tenant, claimed.id())).contains(MessageStatus.SENT);
    }

    @Test
    void aCancellationWhileTheMessageIsBeingSentWaitsAndSaysItCameTooLate() throws Exception {
        MessageDispatcher.Claimed claimed = queueAndClaim("reminder-in-flight", "node-a");
        CountDownLatch handedToServer = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        JavaMailSender slow = new PausingSender(mail, handedToServer, goOn);

        CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> {
            try (SmtpConnection connection = connection(slow)) {
                return sender.send(claimed, connection);
            }
        });
        assertThat(handedToServer.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> cancelling = CompletableFuture
                .supplyAsync(() -> cancel("reminder-in-flight"));
        Thread.sleep(300);
        assertThat(cancelling).as("the cancellation waits for the send").isNotDone();
        goOn.countDown();

        assertThat(sending.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelling.get(10, TimeUnit.SECONDS)).as("too late to withdraw").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedByRecipient().length == 1);
        assertThat(messaging.status(tenant, claimed.id())).contains(MessageStatus.SENT);
    }

    @Test
    void aThreadWhoseClaimAnotherNodeTookOverSendsNothing() {
        MessageDispatcher.Claimed claimed = queueAndClaim("reminder-taken-over", "node-a");
        // The claim of node-a ran out and node-b claimed the message; node-a's thread wakes up late.
        jdbc.sql("UPDATE ntf_message SET claimed_by = 'node-b' WHERE id = :id").param("id", claimed.id()).update();

        boolean sent;
        try (SmtpConnection connection = connection(mail)) {
            sent = sender.send(claimed, connection);
        }

        assertThat(sent).isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receivedByRecipient().length == 0);
        assertThat(messaging.status(tenant, claimed.id())).contains(MessageStatus.QUEUED);
    }

    /**
     * Queues a message for later, so that the running delivery threads leave it alone, then makes it due
     * and claimed by the named node in one statement, as a delivery thread's claim writes it.
     */
    private MessageDispatcher.Claimed queueAndClaim(String key, String node) {
        UUID id = transactions.execute(status -> messaging.queue(new OutgoingMessage(tenant, "test.message",
                Channel.EMAIL, recipient, Locale.of("nl"), "Morgen heeft u een afspraak",
                "Beste inwoner,\n\nMorgen om 10:00 uur heeft u een afspraak.", Instant.now().plusSeconds(3_600), key)));
        Instant now = Instant.now();
        jdbc.sql("UPDATE ntf_message SET due_at = :now, claimed_by = :node, claimed_until = :until WHERE id = :id")
                .param("now", Timestamp.from(now)).param("node", node)
                .param("until", Timestamp.from(now.plus(Duration.ofMinutes(5)))).param("id", id)
                .update();
        return jdbc.sql("SELECT recipient, subject, body_text, attempts, language FROM ntf_message WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new MessageDispatcher.Claimed(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), Channel.EMAIL, rs.getString(5), node, now))
                .single();
    }

    private boolean cancel(String key) {
        return Boolean.TRUE.equals(transactions.execute(status -> messaging.cancel(tenant, key)));
    }

    private static SmtpConnection connection(JavaMailSender server) {
        return new SmtpConnection(server, 100, Duration.ofSeconds(10));
    }

    private MimeMessage[] receivedByRecipient() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    /** A mail sender that, once a message is handed to it, waits for a signal before it sends it on. */
    private record PausingSender(JavaMailSender target, CountDownLatch handedToServer, CountDownLatch goOn)
            implements JavaMailSender {

        @Override
        public MimeMessage createMimeMessage() {
            return target.createMimeMessage();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            return target.createMimeMessage(contentStream);
        }

        @Override
        public void send(MimeMessage... mimeMessages) throws MailException {
            handedToServer.countDown();
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            target.send(mimeMessages);
        }

        @Override
        public void send(SimpleMailMessage... simpleMessages) throws MailException {
            target.send(simpleMessages);
        }
    }
}
