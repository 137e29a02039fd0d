// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.Duration;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection, kept open by one delivery thread for the messages it sends one after another,
 * instead of a connection (and its greeting, EHLO and QUIT) per message. A connection is replaced
 * after a number of messages or a pause, since mail servers close idle and long-used connections;
 * when sending over a connection that was kept open fails, the message is tried once more over a
 * new one. Not thread-safe: each delivery thread has its own.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSender server;
    private final int messagesPerConnection;
    private final long maxIdleNanos;
    private Transport transport;
    private int sentOnIt;
    private long lastUsed;

    SmtpConnection(JavaMailSender server, int messagesPerConnection, Duration maxIdle) {
        this.server = server;
        this.messagesPerConnection = Math.max(1, messagesPerConnection);
        this.maxIdleNanos = maxIdle.toNanos();
    }

    MimeMessage createMimeMessage() {
        return server.createMimeMessage();
    }

    /**
     * Hands the message to the mail server; returns normally only when the server accepted it.
     *
     * @throws MessagingException when the server refused it or could not be reached
     */
    void send(MimeMessage mime) throws MessagingException {
        if (!(server instanceof JavaMailSenderImpl impl)) {
            server.send(mime); // another kind of sender: it opens its own connection
            return;
        }
        prepare(mime);
        boolean reused = transport != null && sentOnIt < messagesPerConnection
                && System.nanoTime() - lastUsed < maxIdleNanos;
        if (!reused) {
            open(impl);
        }
        try {
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            close();
            if (!reused || refusedAddress(e)) {
                throw e;
            }
            // The server may have closed the connection we kept (a time-out, a limit per connection):
            // once more over a new one. Should the first try have been accepted after all, with only
            // its answer lost, the copy has the same Message-ID (ADR 505).
            LOG.debug("SMTP connection kept open failed, sending over a new one: {}", e.getMessage());
            open(impl);
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException again) {
                close();
                throw again;
            }
        }
        sentOnIt++;
        lastUsed = System.nanoTime();
    }

    private void open(JavaMailSenderImpl impl) throws MessagingException {
        close();
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        Transport opened = impl.getSession().getTransport(protocol);
        opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
        transport = opened;
        sentOnIt = 0;
    }

    /** As Spring's sender does: a date when missing, and the Message-ID set in advance kept. */
    private static void prepare(MimeMessage mime) throws MessagingException {
        if (mime.getSentDate() == null) {
            mime.setSentDate(new Date());
        }
        String messageId = mime.getMessageID();
        mime.saveChanges();
        if (messageId != null) {
            mime.setHeader("Message-ID", messageId);
        }
    }

    private static boolean refusedAddress(MessagingException e) {
        return e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("Closing an SMTP connection failed: {}", e.getMessage());
            }
            transport = null;
        }
    }
}
