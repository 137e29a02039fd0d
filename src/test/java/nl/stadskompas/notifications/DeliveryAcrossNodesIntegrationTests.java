// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two Stadskompas nodes, each its own JVM, share one database and deliver a backlog of messages;
 * one node is killed with SIGKILL in the middle. Every message still arrives, and any message the
 * killed node had in flight arrives again only as the same message (the same Message-ID).
 */
class DeliveryAcrossNodesIntegrationTests {

    private static final int MESSAGES = 1500;
    private static final int THREADS_PER_NODE = 4;
    private static final Pattern PORT = Pattern.compile("open http://localhost:(\\d+)");

    private final List<Process> nodes = new ArrayList<>();
    private final List<StringBuilder> nodeOutput = new ArrayList<>();
    private GreenMail smtp;
    private org.h2.tools.Server h2;
    private Runnable dropAfterwards = () -> { };

    @AfterEach
    void stop() {
        nodes.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.stop();
        }
        if (h2 != null) {
            h2.stop();
        }
        nodes.forEach(node -> {
            try {
                node.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dropAfterwards.run();
    }

    @Test
    void aKilledNodeLosesNoMessageAndSendsNoneAsASecondMessage() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        Database database = database();

        Process first = startNode(database, smtpPort);
        Process second = startNode(database, smtpPort);

        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(), database.user(),
                database.password(), true);
        UUID tenant = UUID.randomUUID();
        List<UUID> ids = queueBacklog(dataSource, tenant);

        // Kill the first node while the backlog is being delivered. Its open SMTP conversations end
        // with a connection reset in the mail server's threads: expected, so awaits ignore them.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> smtp.getReceivedMessages().length >= MESSAGES / 5);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(smtp.getReceivedMessages().length).as("the node was killed mid-delivery").isLessThan(MESSAGES);

        // The surviving node takes over, including the killed node's jobs once they miss their heartbeats.
        try {
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> distinctMessageIds().size() == MESSAGES);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(distinctMessageIds().size() + " of " + MESSAGES
                    + " messages arrived; the surviving node said:\n" + nodeOutput.get(1), e);
        }
        assertThat(second.isAlive()).isTrue();

        Map<String, Long> copies = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(DeliveryAcrossNodesIntegrationTests::messageId, Collectors.counting()));
        Set<String> expected = ids.stream().map(id -> "<" + id + "@stadskompas>").collect(Collectors.toSet());
        assertThat(copies.keySet()).isEqualTo(expected);
        long resent = copies.values().stream().filter(n -> n > 1).count();
        assertThat(resent).as("only messages in flight on the killed node can be handed over twice")
                .isLessThanOrEqualTo(THREADS_PER_NODE);
        assertThat(copies.values()).allMatch(n -> n <= 2);

        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM ntf_message WHERE tenant_id = :t AND status = 'SENT'")
                .param("t", tenant).query(Integer.class).single() == MESSAGES);
        dataSource.destroy();
    }

    private List<UUID> queueBacklog(SingleConnectionDataSource dataSource, UUID tenant) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant now = Instant.now();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO ntf_message (id, tenant_id, kind, channel, recipient, language, subject, body_text,
                        dedup_key, status, attempts, due_at, created_at)
                    VALUES (:id, :t, 'test.backlog', 'EMAIL', :to, 'nl', 'Herinnering', 'Morgen is uw afspraak.',
                        :key, 'QUEUED', 0, :now, :now)""")
                    .param("id", id).param("t", tenant).param("to", "inwoner" + i + "@example.org")
                    .param("key", "backlog-" + i).param("now", Timestamp.from(now))
                    .update();
            ids.add(id);
        }
        return ids;
    }

    private Set<String> distinctMessageIds() {
        return Arrays.stream(smtp.getReceivedMessages()).map(DeliveryAcrossNodesIntegrationTests::messageId)
                .collect(Collectors.toSet());
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process startNode(Database database, int smtpPort) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "nl.stadskompas.Stadskompas",
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--stadskompas.demo.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=" + (THREADS_PER_NODE + 4),
                "--db-scheduler.threads=" + THREADS_PER_NODE,
                "--stadskompas.notifications.dispatch.threads=" + THREADS_PER_NODE,
                "--stadskompas.notifications.dispatch.polling-interval=100ms",
                "--stadskompas.notifications.dispatch.lease=10s",
                "--db-scheduler.polling-interval=100ms",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        nodes.add(node);
        nodeOutput.add(output);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (output) {
                        if (output.length() > 20_000) {
                            output.delete(0, output.length() - 10_000);
                        }
                        output.append(line).append('\n');
                    }
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the node was killed
            }
            port.completeExceptionally(new IllegalStateException("node stopped before it started:\n" + output));
        });
        reader.setDaemon(true);
        reader.start();
        // Generous: on a machine shared with other builds a start can take well over a minute.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(240)).until(port::isDone);
        assertThat(port.join()).isPositive();
        return node;
    }

    /**
     * The shared database server, which outlives the nodes: PostgreSQL in the PostgreSQL pass, else
     * an H2 server run by this test. Either way a database of its own, so that no other test
     * context's job scheduler takes part in the delivery.
     */
    private Database database() throws Exception {
        String url = System.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            String user = System.getProperty("spring.datasource.username", "postgres");
            String password = System.getProperty("spring.datasource.password", "");
            String name = "stadskompas_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            JdbcClient.create(new SingleConnectionDataSource(url, user, password, true))
                    .sql("CREATE DATABASE " + name).update();
            dropAfterwards = () -> JdbcClient.create(new SingleConnectionDataSource(url, user, password, true))
                    .sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
            return new Database(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
        }
        Path dir = Files.createTempDirectory("stadskompas-nodes");
        h2 = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        return new Database("jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/nodes;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    private record Database(String url, String user, String password) {
    }
}
