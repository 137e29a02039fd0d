// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Residents opening the progress page of their case from the secret link, at a constant arrival rate
 * (open model), against a running Stadskompas on PostgreSQL with the demo organisation.
 *
 * <p>Before the load, {@code cases} cases are made in SQL as copies of the demo organisation's cases
 * (with their status history and delays, so every page has a timeline), and each gets a fresh link:
 * 24 random bytes as 32 URL-safe Base64 characters, of which only the SHA-256 hash is stored, exactly
 * as the application makes them. Every virtual resident opens one of those links (round robin) and
 * must get the page (200) with the case reference on it. Afterwards the copies and their links are
 * removed again.
 *
 * <p>Properties: {@code baseUrl} (http://localhost:18110), {@code jdbcUrl}
 * (jdbc:postgresql://127.0.0.1:5432/sk_bench2), {@code rate} (page views per second, 50),
 * {@code seconds} (30), {@code cases} (1000).
 */
public class ProgressPageSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18110");
    private static final String JDBC_URL = System.getProperty("jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/sk_bench2");
    private static final int RATE = Integer.getInteger("rate", 50);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final int CASES = Integer.getInteger("cases", 1000);
    /** Prefix of the references of the copied cases, so that they can be found and removed. */
    private static final String PREFIX = "BP-";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link and the reference the page must show. */
    private record Link(String token, String reference) {
    }

    private static final List<Link> LINKS = new ArrayList<>();

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL, "postgres", "");
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the demo cases (open ones, or closed less than a week ago) into CASES new cases with links. */
    private static void prepare() {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            remove(db);
            long start = System.nanoTime();
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TEMP TABLE bench_source AS SELECT id, ROW_NUMBER() OVER (ORDER BY reference) - 1 AS i "
                        + "FROM case_file c WHERE (closed_at IS NULL OR closed_at > CURRENT_TIMESTAMP - INTERVAL '7 days') "
                        + "AND reference NOT LIKE '" + PREFIX + "%' "
                        + "AND EXISTS (SELECT 1 FROM case_file_status s WHERE s.case_file = c.id)");
                int sources;
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bench_source")) {
                    rs.next();
                    sources = rs.getInt(1);
                }
                if (sources == 0) {
                    throw new IllegalStateException("Start Stadskompas with the demo organisation first (no open demo cases)");
                }
                s.execute("CREATE TEMP TABLE bench_case AS SELECT gen_random_uuid() AS id, src.id AS src, n "
                        + "FROM generate_series(1, " + CASES + ") AS n JOIN bench_source src ON src.i = n % " + sources);
                s.execute("INSERT INTO case_file (id, tenant_id, reference, case_type_id, kind, channel, owner_team_id, "
                        + "subject, registered_at, registered_on, norm_days, norm_date, expected_date, status_code, "
                        + "closed_at, version) SELECT b.id, c.tenant_id, '" + PREFIX + "' || LPAD(b.n::text, 8, '0'), "
                        + "c.case_type_id, c.kind, c.channel, c.owner_team_id, c.subject, c.registered_at, c.registered_on, "
                        + "c.norm_days, c.norm_date, c.expected_date, c.status_code, c.closed_at, 0 "
                        + "FROM bench_case b JOIN case_file c ON c.id = b.src");
                s.execute("INSERT INTO case_file_status SELECT b.id, s.case_file_key, s.code, s.name, s.resident_text_nl, "
                        + "s.resident_text_en, s.next_step_nl, s.next_step_en, s.actor, s.inform_resident, s.final_status, "
                        + "s.changed_at, s.changed_by, s.note FROM bench_case b JOIN case_file_status s ON s.case_file = b.src");
                s.execute("INSERT INTO case_file_delay SELECT b.id, d.case_file_key, d.kind, d.reason, d.explanation, "
                        + "d.previous_date, d.new_date, d.delayed_at, d.delayed_by FROM bench_case b "
                        + "JOIN case_file_delay d ON d.case_file = b.src");
            }
            try (PreparedStatement cases = db.prepareStatement("SELECT c.id, c.tenant_id, c.reference FROM case_file c "
                    + "JOIN bench_case b ON b.id = c.id ORDER BY b.n");
                    PreparedStatement insert = db.prepareStatement("INSERT INTO case_progress_token (token_hash, tenant_id, "
                            + "case_id, created_at) VALUES (?, ?, ?, ?)");
                    ResultSet rs = cases.executeQuery()) {
                Timestamp now = Timestamp.from(Instant.now());
                while (rs.next()) {
                    String token = token();
                    insert.setString(1, hash(token));
                    insert.setObject(2, rs.getObject(2, UUID.class));
                    insert.setObject(3, rs.getObject(1, UUID.class));
                    insert.setTimestamp(4, now);
                    insert.addBatch();
                    LINKS.add(new Link(token, rs.getString(3)));
                }
                insert.executeBatch();
            }
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE bench_case");
                s.execute("DROP TABLE bench_source");
            }
            db.commit();
            try (Statement s = db.createStatement()) {
                db.setAutoCommit(true);
                s.execute("ANALYZE case_file");
                s.execute("ANALYZE case_file_status");
                s.execute("ANALYZE case_progress_token");
            }
            System.out.printf("PREPARED: %d cases with a progress link each in %.1f s%n", LINKS.size(),
                    (System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the copied cases (their history and delays go with them) and their links. */
    private static void remove(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM case_progress_token WHERE case_id IN (SELECT id FROM case_file WHERE reference LIKE '"
                    + PREFIX + "%')");
            s.execute("DELETE FROM case_file WHERE reference LIKE '" + PREFIX + "%'");
        }
        db.commit();
    }

    static {
        prepare();
    }

    private static final Iterator<Map<String, Object>> FEED = Stream.iterate(0, i -> (i + 1) % LINKS.size())
            .map(i -> Map.<String, Object>of("token", LINKS.get(i).token(), "reference", LINKS.get(i).reference()))
            .iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).disableFollowRedirect()
            .acceptHeader("text/html").acceptLanguageHeader("nl").shareConnections();

    private final ScenarioBuilder residents = scenario("Residents open their progress page")
            .feed(FEED)
            .exec(http("progress page").get("/volgen/#{token}")
                    .check(status().is(200), substring("#{reference}")));

    @Override
    public void after() {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            remove(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    {
        System.out.printf("Progress pages of %d cases, %d/s for %d s%n", LINKS.size(), RATE, SECONDS);
        setUp(residents.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().responseTime().percentile(99.0).lt(50), global().failedRequests().count().is(0L));
    }
}
