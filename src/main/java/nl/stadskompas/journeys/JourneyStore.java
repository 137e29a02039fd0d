// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module's tables. Every query filters on the tenant. The designed map and the experiences of a
 * lived journey are stored as JSON documents.
 */
@Component
class JourneyStore {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<LivedJourney.StepExperience>> EXPERIENCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- clusters, personas, insights -------------------------------------------------------------

    List<Cluster> clusters(UUID tenantId) {
        return jdbc.sql("SELECT id, tenant_id, name, description FROM jr_cluster WHERE tenant_id = ? ORDER BY name")
                .param(tenantId)
                .query((rs, n) -> new Cluster(uuid(rs, "id"), uuid(rs, "tenant_id"), rs.getString("name"),
                        rs.getString("description")))
                .list();
    }

    void insert(Cluster c) {
        jdbc.sql("INSERT INTO jr_cluster (id, tenant_id, name, description) VALUES (?, ?, ?, ?)")
                .params(c.id(), c.tenantId(), c.name(), c.description()).update();
    }

    void update(Cluster c) {
        jdbc.sql("UPDATE jr_cluster SET name = ?, description = ? WHERE tenant_id = ? AND id = ?")
                .params(c.name(), c.description(), c.tenantId(), c.id()).update();
    }

    void deleteCluster(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM jr_cluster WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    List<Persona> personas(UUID tenantId) {
        return jdbc.sql("SELECT id, tenant_id, kind, name, description FROM jr_persona WHERE tenant_id = ? ORDER BY kind, name")
                .param(tenantId)
                .query((rs, n) -> new Persona(uuid(rs, "id"), uuid(rs, "tenant_id"), Persona.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("description")))
                .list();
    }

    void insert(Persona p) {
        jdbc.sql("INSERT INTO jr_persona (id, tenant_id, kind, name, description) VALUES (?, ?, ?, ?, ?)")
                .params(p.id(), p.tenantId(), p.kind().name(), p.name(), p.description()).update();
    }

    void update(Persona p) {
        jdbc.sql("UPDATE jr_persona SET kind = ?, name = ?, description = ? WHERE tenant_id = ? AND id = ?")
                .params(p.kind().name(), p.name(), p.description(), p.tenantId(), p.id()).update();
    }

    void deletePersona(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM jr_persona WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    /** Lived journeys of all journeys of the tenant that name the persona. */
    List<LivedJourney> livedOfPersona(UUID tenantId, UUID personaId) {
        return jdbc.sql("SELECT * FROM jr_lived_journey WHERE tenant_id = ? AND persona_id = ?")
                .params(tenantId, personaId).query((rs, n) -> lived(rs)).list();
    }

    List<Insight> insights(UUID tenantId) {
        return jdbc.sql("SELECT id, tenant_id, kind, title, description FROM jr_insight WHERE tenant_id = ? ORDER BY kind, title")
                .param(tenantId)
                .query((rs, n) -> new Insight(uuid(rs, "id"), uuid(rs, "tenant_id"), Insight.Kind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getString("description")))
                .list();
    }

    void insert(Insight i) {
        jdbc.sql("INSERT INTO jr_insight (id, tenant_id, kind, title, description) VALUES (?, ?, ?, ?, ?)")
                .params(i.id(), i.tenantId(), i.kind().name(), i.title(), i.description()).update();
    }

    void update(Insight i) {
        jdbc.sql("UPDATE jr_insight SET kind = ?, title = ?, description = ? WHERE tenant_id = ? AND id = ?")
                .params(i.kind().name(), i.title(), i.description(), i.tenantId(), i.id()).update();
    }

    void deleteInsight(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM jr_insight WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    // --- journeys ------------------------------------------------------------------------------------

    List<Journey> journeys(UUID tenantId) {
        return jdbc.sql("SELECT * FROM jr_journey WHERE tenant_id = ? ORDER BY name").param(tenantId)
                .query((rs, n) -> journey(rs)).list();
    }

    Optional<Journey> journey(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM jr_journey WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query((rs, n) -> journey(rs)).optional();
    }

    void insert(Journey j) {
        jdbc.sql("""
                INSERT INTO jr_journey (id, tenant_id, name, content, published_version, updated_at, updated_by_name, row_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(j.id(), j.tenantId(), j.name(), write(j.content()), j.publishedVersion(),
                        Timestamp.from(j.updatedAt()), j.updatedBy())
                .update();
    }

    /** Saves a changed journey; refuses when someone else saved it after it was read. */
    void update(Journey j) {
        int rows = jdbc.sql("""
                UPDATE jr_journey SET name = ?, content = ?, published_version = ?, updated_at = ?, updated_by_name = ?,
                       row_version = row_version + 1
                WHERE tenant_id = ? AND id = ? AND row_version = ?""")
                .params(j.name(), write(j.content()), j.publishedVersion(), Timestamp.from(j.updatedAt()), j.updatedBy(),
                        j.tenantId(), j.id(), j.rowVersion())
                .update();
        if (rows != 1) {
            throw ValidationProblem.of(null, "journeys.error.changedMeanwhile");
        }
    }

    void delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM jr_lived_journey WHERE tenant_id = ? AND journey_id = ?").params(tenantId, id).update();
        jdbc.sql("DELETE FROM jr_journey_version WHERE tenant_id = ? AND journey_id = ?").params(tenantId, id).update();
        jdbc.sql("DELETE FROM jr_journey WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    private static Journey journey(ResultSet rs) throws SQLException {
        return new Journey(uuid(rs, "id"), uuid(rs, "tenant_id"), read(rs.getString("content")),
                (Integer) rs.getObject("published_version", Integer.class), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by_name"), rs.getLong("row_version"));
    }

    // --- versions ------------------------------------------------------------------------------------

    void insert(UUID tenantId, JourneyVersion v) {
        jdbc.sql("""
                INSERT INTO jr_journey_version (journey_id, number, tenant_id, note, published_at, published_by_name, content)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(v.journeyId(), v.number(), tenantId, v.note(), Timestamp.from(v.publishedAt()), v.publishedBy(),
                        write(v.content()))
                .update();
    }

    List<JourneyVersion> versions(UUID tenantId, UUID journeyId) {
        return jdbc.sql("SELECT * FROM jr_journey_version WHERE tenant_id = ? AND journey_id = ? ORDER BY number DESC")
                .params(tenantId, journeyId).query((rs, n) -> version(rs)).list();
    }

    Optional<JourneyVersion> version(UUID tenantId, UUID journeyId, int number) {
        return jdbc.sql("SELECT * FROM jr_journey_version WHERE tenant_id = ? AND journey_id = ? AND number = ?")
                .params(tenantId, journeyId, number).query((rs, n) -> version(rs)).optional();
    }

    private static JourneyVersion version(ResultSet rs) throws SQLException {
        return new JourneyVersion(uuid(rs, "journey_id"), rs.getInt("number"), rs.getString("note"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by_name"),
                read(rs.getString("content")));
    }

    // --- lived journeys ------------------------------------------------------------------------------

    List<LivedJourney> lived(UUID tenantId, UUID journeyId) {
        return jdbc.sql("SELECT * FROM jr_lived_journey WHERE tenant_id = ? AND journey_id = ? ORDER BY recorded_on, participant")
                .params(tenantId, journeyId).query((rs, n) -> lived(rs)).list();
    }

    Optional<LivedJourney> lived(UUID tenantId, UUID journeyId, UUID id) {
        return jdbc.sql("SELECT * FROM jr_lived_journey WHERE tenant_id = ? AND journey_id = ? AND id = ?")
                .params(tenantId, journeyId, id).query((rs, n) -> lived(rs)).optional();
    }

    void insert(LivedJourney l) {
        jdbc.sql("""
                INSERT INTO jr_lived_journey (id, tenant_id, journey_id, participant, persona_id, method, recorded_on, experiences)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.id(), l.tenantId(), l.journeyId(), l.participant(), l.personaId(), l.method().name(),
                        java.sql.Date.valueOf(l.recordedOn()), writeAny(l.experiences()))
                .update();
    }

    void update(LivedJourney l) {
        jdbc.sql("""
                UPDATE jr_lived_journey SET participant = ?, persona_id = ?, method = ?, recorded_on = ?, experiences = ?
                WHERE tenant_id = ? AND journey_id = ? AND id = ?""")
                .params(l.participant(), l.personaId(), l.method().name(), java.sql.Date.valueOf(l.recordedOn()),
                        writeAny(l.experiences()), l.tenantId(), l.journeyId(), l.id())
                .update();
    }

    void deleteLived(UUID tenantId, UUID journeyId, UUID id) {
        jdbc.sql("DELETE FROM jr_lived_journey WHERE tenant_id = ? AND journey_id = ? AND id = ?")
                .params(tenantId, journeyId, id).update();
    }

    private static LivedJourney lived(ResultSet rs) throws SQLException {
        List<LivedJourney.StepExperience> experiences;
        try {
            experiences = JSON.readValue(rs.getString("experiences"), EXPERIENCES);
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored experiences cannot be read", e);
        }
        LocalDate on = rs.getDate("recorded_on").toLocalDate();
        return new LivedJourney(uuid(rs, "id"), uuid(rs, "tenant_id"), uuid(rs, "journey_id"), rs.getString("participant"),
                uuid(rs, "persona_id"), LivedJourney.Method.valueOf(rs.getString("method")), on, experiences);
    }

    // --- JSON ----------------------------------------------------------------------------------------

    static String write(JourneyContent content) {
        return writeAny(content);
    }

    private static String writeAny(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot write journey data", e);
        }
    }

    static JourneyContent read(String json) {
        try {
            return JSON.readValue(json, JourneyContent.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored journey cannot be read", e);
        }
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant now() {
        return Instant.now();
    }
}
