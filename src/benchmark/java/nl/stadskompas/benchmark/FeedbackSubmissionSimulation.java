// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Residents sending a completed questionnaire through the public response pages (the last page's
 * "send" post, as the browser sends it without JavaScript), against a running Stadskompas on
 * PostgreSQL with the demo organisation. Before the load, the same rows (one response and its
 * answers) are inserted with plain JDBC batches, to compare the application with the raw insert
 * rate of the database; those rows are removed again.
 *
 * <p>Properties: {@code baseUrl} (http://localhost:18102), {@code jdbcUrl}
 * (jdbc:postgresql://127.0.0.1:5432/sk_fbdata), {@code rate} (submissions per second, 1000),
 * {@code seconds} (60), {@code rawRows} (50000).
 */
public class FeedbackSubmissionSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18102");
    private static final String JDBC_URL = System.getProperty("jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/sk_fbdata");
    private static final int RATE = Integer.getInteger("rate", 1000);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int RAW_ROWS = Integer.getInteger("rawRows", 50_000);

    /** The demo questionnaire and a complete set of answers to it. */
    private record Target(UUID tenantId, UUID questionnaireId, UUID versionId, String publicId, int lastPage,
            Map<String, String> answers, Map<String, String> types) {
    }

    private static final Target TARGET = load();

    private static Target load() {
        try (Connection db = DriverManager.getConnection(JDBC_URL, "postgres", "")) {
            UUID tenant;
            UUID questionnaire;
            UUID version;
            String publicId;
            try (PreparedStatement s = db.prepareStatement("SELECT tenant_id, id, published_id, public_id FROM fb_questionnaire "
                    + "WHERE name = 'Tevredenheid inwoners' AND published_id IS NOT NULL ORDER BY created_at LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Start Stadskompas with the demo organisation first");
                }
                tenant = rs.getObject(1, UUID.class);
                questionnaire = rs.getObject(2, UUID.class);
                version = rs.getObject(3, UUID.class);
                publicId = rs.getString(4);
            }
            Map<String, String> answers = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            int lastPage = 1;
            try (PreparedStatement s = db.prepareStatement("SELECT q.question_key, q.type, q.page, q.condition_key, "
                    + "(SELECT MIN(o.code) FROM fb_question_option o WHERE o.fb_version = q.fb_version "
                    + "AND o.question_index = q.question_index) FROM fb_question q WHERE q.fb_version = ? "
                    + "ORDER BY q.question_index")) {
                s.setObject(1, version);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lastPage = Math.max(lastPage, rs.getInt(3));
                        if (rs.getString(4) != null) {
                            continue;
                        }
                        String value = switch (rs.getString(2)) {
                            case "AGREEMENT" -> "4";
                            case "MARK" -> "8";
                            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> rs.getString(5);
                            default -> "Vriendelijk geholpen, dank u wel.";
                        };
                        answers.put(rs.getString(1), value);
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return new Target(tenant, questionnaire, version, publicId, lastPage, answers, types);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the same rows the application stores, with JDBC batches, and reports the rate. */
    private static void rawInserts() {
        try (Connection db = DriverManager.getConnection(JDBC_URL, "postgres", "")) {
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement response = db.prepareStatement("INSERT INTO fb_response (id, tenant_id, questionnaire_id, "
                    + "version_id, submitted_on, channel, location, via) VALUES (?, ?, ?, ?, ?, 'DESK', 'raw-insert', 'LINK')");
                    PreparedStatement answer = db.prepareStatement("INSERT INTO fb_answer (response_id, question_key, "
                            + "answer_index, value_number, value_code, value_text, dont_know) VALUES (?, ?, 0, ?, ?, ?, FALSE)")) {
                for (int i = 1; i <= RAW_ROWS; i++) {
                    UUID id = UUID.randomUUID();
                    response.setObject(1, id);
                    response.setObject(2, TARGET.tenantId());
                    response.setObject(3, TARGET.questionnaireId());
                    response.setObject(4, TARGET.versionId());
                    response.setObject(5, LocalDate.now());
                    response.addBatch();
                    for (var e : TARGET.answers().entrySet()) {
                        String type = TARGET.types().get(e.getKey());
                        answer.setObject(1, id);
                        answer.setString(2, e.getKey());
                        answer.setObject(3, type.equals("AGREEMENT") || type.equals("MARK") ? Integer.valueOf(e.getValue()) : null);
                        answer.setString(4, type.endsWith("CHOICE") ? e.getValue() : null);
                        answer.setString(5, type.endsWith("TEXT") ? e.getValue() : null);
                        answer.addBatch();
                    }
                    if (i % 1000 == 0) {
                        response.executeBatch();
                        answer.executeBatch();
                        db.commit();
                    }
                }
                response.executeBatch();
                answer.executeBatch();
                db.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RAW INSERT: %d responses with %d answers each in %.1f s = %.0f responses/s%n", RAW_ROWS,
                    TARGET.answers().size(), seconds, RAW_ROWS / seconds);
            try (PreparedStatement clean = db.prepareStatement("DELETE FROM fb_response WHERE location = 'raw-insert' "
                    + "AND questionnaire_id = ?")) {
                clean.setObject(1, TARGET.questionnaireId());
                clean.executeUpdate();
                db.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Iterator<Map<String, Object>> TOKENS = Stream.generate((Supplier<Map<String, Object>>) () -> {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Map.of("token", HexFormat.of().formatHex(bytes));
    }).iterator();

    private static Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("page", String.valueOf(TARGET.lastPage()));
        form.put("nav", "send");
        form.put("ctx.channel", "DESK");
        TARGET.answers().forEach((key, value) -> form.put("q." + key, value));
        return form;
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).disableFollowRedirect()
            .contentTypeHeader("application/x-www-form-urlencoded").shareConnections();

    private final ScenarioBuilder residents = scenario("Residents send their answers")
            .feed(TOKENS)
            .exec(http("send").post("/v/" + TARGET.publicId()).formParamMap(form()).formParam("token", "#{token}")
                    .check(status().is(302)));

    @Override
    public void before() {
        rawInserts();
    }

    {
        List<String> info = new ArrayList<>(TARGET.answers().keySet());
        System.out.printf("Questionnaire %s, %d answers per submission (%s), %d/s for %d s%n", TARGET.publicId(),
                info.size(), String.join(",", info), RATE, SECONDS);
        setUp(residents.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol);
    }
}
