// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who used research data or personal data of the feedback module, and when: every raw
 * export of answers, every look at and deletion of contact consents. The record is written in a
 * transaction of its own before the data is handed out, so that a download that breaks off half way
 * is still on record.
 */
@Service
public class DataAccessLog {

    /** What was done. */
    public enum Action {
        /** Downloaded the raw answers of a questionnaire. */
        RAW_EXPORT,
        /** Looked at the contact consents. */
        CONSENTS_VIEWED,
        /** Deleted a contact consent. */
        CONSENT_DELETED,
        /** Looked at a feedback card with the resident's e-mail address (feedback reach). */
        CARD_VIEWED,
        /** Looked at a resident's story (feedback reach). */
        STORY_VIEWED
    }

    /**
     * One entry of the log.
     *
     * @param detail for example the file format
     */
    public record Entry(Instant at, String username, Action action, UUID questionnaireId, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(TenantContext tenant, Action action, UUID questionnaireId, String detail) {
        jdbc.sql("INSERT INTO fb_data_access (id, tenant_id, user_id, username, action, questionnaire_id, detail, "
                        + "happened_at) VALUES (:id, :t, :u, :n, :a, :q, :d, :at)")
                .param("id", UUID.randomUUID()).param("t", tenant.tenantId()).param("u", tenant.userId())
                .param("n", tenant.username()).param("a", action.name()).param("q", questionnaireId)
                .param("d", detail).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The latest entries of the tenant, newest first; for one questionnaire, or all when null. */
    @Transactional(readOnly = true)
    public List<Entry> latest(UUID tenantId, UUID questionnaireId, int limit) {
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT happened_at, username, action, questionnaire_id, detail "
                        + "FROM fb_data_access WHERE tenant_id = :t"
                        + (questionnaireId == null ? "" : " AND questionnaire_id = :q") + " ORDER BY happened_at DESC LIMIT :l")
                .param("t", tenantId).param("l", limit);
        if (questionnaireId != null) {
            spec = spec.param("q", questionnaireId);
        }
        return spec
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        Action.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5)))
                .list();
    }
}
