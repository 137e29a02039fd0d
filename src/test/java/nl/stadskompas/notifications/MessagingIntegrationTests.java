// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestSmtp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages are sent over real SMTP (GreenMail), once, only when the sender's transaction commits,
 * at their due time, and again after the mail server was away.
 */
@SpringBootTest
class MessagingIntegrationTests {

    @Autowired
    Messaging messaging;

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

    private OutgoingMessage message(String key, Instant due) {
        return new OutgoingMessage(tenant, "test.message", Channel.EMAIL, recipient, Locale.of("nl"),
                "Uw aanvraag is binnen", "Beste inwoner,\n\nWe hebben uw aanvraag ontvangen.", due, key);
    }

    private MimeMessage[] receivedByRecipient() {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(recipient);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    @Test
    void aCommittedMessageArrivesOnceWithItsOwnMessageId() throws Exception {
        UUID id = transactions.execute(status -> messaging.queue(message("receipt-1", null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedByRecipient().length == 1);
        MimeMessage mail = receivedByRecipient()[0];
        assertThat(mail.getSubject()).isEqualTo("Uw aanvraag is binnen");
        assertThat(mail.getContent().toString()).contains("We hebben uw aanvraag ontvangen.");
        assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<" + id + "@stadskompas>");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> messaging.status(tenant, id).orElseThrow() == MessageStatus.SENT);
    }

    @Test
    void queueingTheSameMessageTwiceSendsItOnce() {
        UUID first = transactions.execute(status -> messaging.queue(message("invite-7", null)));
        UUID second = transactions.execute(status -> messaging.queue(message("invite-7", null)));
        assertThat(second).isEqualTo(first);
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedByRecipient().length == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receivedByRecipient().length == 1);
    }

    @Test
    void aMessageOfARolledBackChangeIsNeverSent() {
        transactions.executeWithoutResult(status -> {
            messaging.queue(message("rolled-back", null));
            status.setRollbackOnly();
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receivedByRecipient().length == 0);
    }

    @Test
    void aMessageWaitsForItsDueTime() {
        Instant due = Instant.now().plusSeconds(3);
        UUID id = transactions.execute(status -> messaging.queue(message("reminder", due)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> receivedByRecipient().length == 0);
        assertThat(messaging.status(tenant, id)).contains(MessageStatus.QUEUED);
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedByRecipient().length == 1);
        assertThat(Instant.now()).isAfterOrEqualTo(due);
    }

    @Test
    void aCancelledMessageIsNotSent() {
        Instant due = Instant.now().plusSeconds(2);
        transactions.execute(status -> messaging.queue(message("cancelled-reminder", due)));
        Boolean cancelled = transactions.execute(status -> messaging.cancel(tenant, "cancelled-reminder"));
        assertThat(cancelled).isTrue();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> receivedByRecipient().length == 0);
    }

    @Test
    void aMessageIsRetriedUntilTheMailServerIsBack() {
        smtp.stop();
        UUID id = transactions.execute(status -> messaging.queue(message("while-down", null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) >= 1);
        assertThat(messaging.status(tenant, id)).contains(MessageStatus.QUEUED);
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedByRecipient().length == 1);
        // Recorded as sent right after the mail server accepted it.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> messaging.status(tenant, id).orElseThrow() == MessageStatus.SENT);
        assertThat(receivedByRecipient()).hasSize(1);
    }

    @Test
    void anImpossibleAddressFailsWithoutRetrying() {
        recipient = "not an address";
        UUID id = transactions.execute(status -> messaging.queue(message("bad-address", null)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messaging.status(tenant, id).orElseThrow() == MessageStatus.FAILED);
        assertThat(attempts(id)).isEqualTo(1);
    }

    private int attempts(UUID id) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT attempts FROM ntf_message WHERE id = :id").param("id", id).query(Integer.class).single();
    }
}
