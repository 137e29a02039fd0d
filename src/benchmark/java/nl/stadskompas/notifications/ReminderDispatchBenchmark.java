// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: dispatch of due reminders to a local SMTP sink, against the sink's raw
 * acceptance rate in the same run. Only compiled with the Maven profile {@code benchmark}:
 *
 * <pre>
 * ./mvnw -Pbenchmark,postgres test -Dtest=ReminderDispatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest.db.url=jdbc:postgresql://127.0.0.1:5432/sk_bench -Dtest.smtp.port=3142 -Dreminders=20000
 * </pre>
 *
 * <ol>
 * <li>A tiny SMTP sink (accepts every message and forgets it) listens on {@code test.smtp.port}.</li>
 * <li>Raw rate: the application's own mail sender sends {@code raw} messages (default a fifth of the
 * reminders) straight to the sink from as many threads as deliver, over one connection kept per thread
 * (as dispatch does) and, for comparison with earlier runs, over a new connection per message.</li>
 * <li>The reminders are queued with {@code Messaging.queue} for later (the queueing rate is printed
 * too), then all made due at once, and the time until every one is sent is measured.</li>
 * <li>The raw rate is measured once more, with a warm JVM; the ratio is printed against both.</li>
 * </ol>
 */
@SpringBootTest
class ReminderDispatchBenchmark {

    static final AtomicLong ACCEPTED = new AtomicLong();
    static final SmtpSink SINK = SmtpSink.start(Integer.getInteger("test.smtp.port", 3025));

    @Autowired
    ApplicationContext context;

    @Autowired
    Messaging messaging;

    @Autowired
    JavaMailSender mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void dispatchDueReminders() throws Exception {
        int reminders = Integer.getInteger("reminders", 20_000);
        int raw = Integer.getInteger("raw", Math.max(1_000, reminders / 5));
        int threads = Integer.getInteger("stadskompas.notifications.dispatch.threads", 4);

        double rawRate = rawRate(raw, threads, true);
        System.out.printf("BENCHMARK raw: %d messages from %d threads straight to the sink, one connection per thread: "
                + "%.0f messages/s%n", raw, threads, rawRate);
        double rawPerMessage = rawRate(raw, threads, false);
        System.out.printf("BENCHMARK raw: %d messages from %d threads, a connection per message: %.0f messages/s%n",
                raw, threads, rawPerMessage);

        UUID tenant = TestData.of(context).userInNewTenant(Role.ADVISOR).tenantId();
        Instant later = Instant.now().plus(Duration.ofDays(30));
        long queueStart = System.nanoTime();
        int batch = 500;
        // Queued from as many threads as deliver, in transactions of 500, as a busy application would.
        ExecutorService queueing = Executors.newFixedThreadPool(threads);
        List<Future<?>> queued = new ArrayList<>();
        for (int from = 0; from < reminders; from += batch) {
            int first = from;
            int last = Math.min(reminders, from + batch);
            queued.add(queueing.submit(() -> transactions.executeWithoutResult(status -> {
                for (int i = first; i < last; i++) {
                    messaging.queue(new OutgoingMessage(tenant, "appointment.reminder", Channel.EMAIL,
                            "resident" + i + "@example.org", Locale.of("nl"), "Morgen om 10:00 uur heeft u een afspraak",
                            "Goedendag,\n\nMorgen heeft u een afspraak voor: Paspoort aanvragen.\nTijd: 10:00 uur\n"
                                    + "Waar: Stadhuis\n\nMet vriendelijke groet,\nGemeente Voorbeeld",
                            later, "bench-reminder-" + i));
                }
            })));
        }
        for (Future<?> f : queued) {
            f.get();
        }
        queueing.shutdown();
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        System.out.printf("BENCHMARK queued: %d reminders in %.1f s: %.0f/s%n", reminders, queueSeconds,
                reminders / queueSeconds);

        long acceptedBefore = ACCEPTED.get();
        Timestamp now = Timestamp.from(Instant.now());
        long dispatchStart = System.nanoTime();
        jdbc.sql("UPDATE ntf_message SET due_at = :now WHERE tenant_id = :t AND status = 'QUEUED'")
                .param("now", now).param("t", tenant).update();
        long sent = 0;
        long poll = reminders > 100_000 ? 5_000 : 1_000;
        while (sent < reminders) {
            Thread.sleep(poll);
            sent = jdbc.sql("SELECT COUNT(*) FROM ntf_message WHERE tenant_id = :t AND status = 'SENT'")
                    .param("t", tenant).query(Long.class).single();
            double elapsed = (System.nanoTime() - dispatchStart) / 1e9;
            System.out.printf("BENCHMARK progress: %d sent after %.0f s%n", sent, elapsed);
            if (elapsed > Integer.getInteger("max-seconds", 3_600)) {
                break;
            }
        }
        double seconds = (System.nanoTime() - dispatchStart) / 1e9;
        long accepted = ACCEPTED.get() - acceptedBefore;
        long duplicates = jdbc.sql("SELECT COUNT(*) FROM (SELECT dedup_key FROM ntf_message WHERE tenant_id = :t "
                        + "GROUP BY dedup_key HAVING COUNT(*) > 1) d")
                .param("t", tenant).query(Long.class).single();
        double rate = sent / seconds;
        System.out.printf("BENCHMARK dispatch: %d of %d reminders sent in %.1f s: %.0f messages/s; sink accepted %d; "
                + "duplicate keys %d%n", sent, reminders, seconds, rate, accepted, duplicates);
        // The first raw run also warms up the JVM; measure again now that everything is warm.
        double rawAfter = rawRate(raw, threads, true);
        System.out.printf("BENCHMARK raw again, warm, one connection per thread: %.0f messages/s%n", rawAfter);
        System.out.printf("BENCHMARK raw again, warm, a connection per message: %.0f messages/s%n",
                rawRate(raw, threads, false));
        System.out.printf("BENCHMARK ratio dispatch / raw: %.3f (before), %.3f (after)%n", rate / rawRate,
                rate / rawAfter);
    }

    /**
     * Messages sent straight to the sink, without the database: over one connection kept per thread
     * (as dispatch does), or over a new connection per message.
     */
    private double rawRate(int count, int threads, boolean keptConnection) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                long i;
                try (SmtpConnection connection = new SmtpConnection(mail, 100, Duration.ofSeconds(10))) {
                    while ((i = next.getAndIncrement()) < count) {
                        try {
                            MimeMessage mime = mail.createMimeMessage();
                            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
                            helper.setFrom(new InternetAddress("noreply@stadskompas.local"));
                            helper.setTo(new InternetAddress("raw" + i + "@example.org", true));
                            helper.setSubject("Morgen om 10:00 uur heeft u een afspraak");
                            helper.setText("Goedendag,\n\nMorgen heeft u een afspraak.", false);
                            mime.setHeader("Message-ID", "<raw-" + i + "@stadskompas>");
                            if (keptConnection) {
                                connection.send(mime);
                            } else {
                                mail.send(mime);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** An SMTP server that accepts every message and keeps only a count. */
    static final class SmtpSink {

        static SmtpSink start(int port) {
            try {
                ServerSocket server = new ServerSocket(port);
                Thread acceptor = new Thread(() -> {
                    while (!server.isClosed()) {
                        try {
                            Socket socket = server.accept();
                            Thread.ofVirtual().start(() -> serve(socket));
                        } catch (IOException e) {
                            return;
                        }
                    }
                }, "smtp-sink");
                acceptor.setDaemon(true);
                acceptor.start();
                return new SmtpSink();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void serve(Socket socket) {
            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)); OutputStream out = socket.getOutputStream()) {
                write(out, "220 sink ESMTP");
                String line;
                boolean data = false;
                while ((line = in.readLine()) != null) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            ACCEPTED.incrementAndGet();
                            write(out, "250 OK");
                        }
                        continue;
                    }
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO", "HELO" -> write(out, "250 sink");
                        case "DATA" -> {
                            data = true;
                            write(out, "354 go ahead");
                        }
                        case "QUIT" -> {
                            write(out, "221 bye");
                            return;
                        }
                        default -> write(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // connection closed by the client
            }
        }

        private static void write(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
