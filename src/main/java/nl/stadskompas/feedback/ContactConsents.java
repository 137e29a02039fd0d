// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "you may contact me" consents respondents leave, stored apart from their answers (ADR 0400).
 * Only people with {@link Permission#RESEARCH_DATA} see them, and every look and every deletion is
 * logged. They are kept at most {@code stadskompas.feedback.consent.retention-months} (default 12)
 * months: consents know only their month, so a consent goes at the start of the month in which it
 * would be older than that.
 */
@Service
public class ContactConsents {

    /**
     * A consent as staff see it.
     *
     * @param month the month it was given (the day is not kept)
     * @param purposes {@code FOLLOW_UP}, {@code RESEARCH}, {@code RESULTS}
     */
    public record Consent(UUID id, UUID questionnaireId, String questionnaireName, LocalDate month, String name,
            String email, String phone, List<String> purposes, String language) {
    }

    private final JdbcClient jdbc;
    private final DataAccessLog log;
    private final Clock clock;
    private final int retentionMonths;

    ContactConsents(JdbcClient jdbc, DataAccessLog log, Clock clock,
            @Value("${stadskompas.feedback.consent.retention-months:12}") int retentionMonths) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
        this.retentionMonths = Math.max(1, retentionMonths);
    }

    public int retentionMonths() {
        return retentionMonths;
    }

    /** The consents of the tenant, newest month first, optionally of one questionnaire. Logged. */
    @Transactional
    public List<Consent> list(TenantContext tenant, UUID questionnaireId) {
        tenant.require(Permission.RESEARCH_DATA);
        log.record(tenant, DataAccessLog.Action.CONSENTS_VIEWED, questionnaireId, null);
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT c.id, c.questionnaire_id, q.name, c.received_month, c.name, "
                        + "c.email, c.phone, c.purposes, c.language FROM fb_contact_consent c JOIN fb_questionnaire q "
                        + "ON q.id = c.questionnaire_id AND q.tenant_id = c.tenant_id WHERE c.tenant_id = :t"
                        + (questionnaireId == null ? "" : " AND c.questionnaire_id = :q")
                        + " ORDER BY c.received_month DESC, q.name, c.name")
                .param("t", tenant.tenantId());
        if (questionnaireId != null) {
            spec = spec.param("q", questionnaireId);
        }
        return spec.query((rs, n) -> new Consent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getString(7),
                List.of(rs.getString(8).split(",")), rs.getString(9))).list();
    }

    /** Deletes one consent, for example when the person withdraws it. Logged. */
    @Transactional
    public void delete(TenantContext tenant, UUID consentId) {
        tenant.require(Permission.RESEARCH_DATA);
        UUID questionnaireId = jdbc.sql("SELECT questionnaire_id FROM fb_contact_consent WHERE id = :id AND tenant_id = :t")
                .param("id", consentId).param("t", tenant.tenantId()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("consent"));
        jdbc.sql("DELETE FROM fb_contact_consent WHERE id = :id AND tenant_id = :t").param("id", consentId)
                .param("t", tenant.tenantId()).update();
        log.record(tenant, DataAccessLog.Action.CONSENT_DELETED, questionnaireId, null);
    }

    /**
     * Removes, in every tenant, the consents older than the retention period allows.
     *
     * @return how many were removed
     */
    @Transactional
    public int removeExpired() {
        LocalDate cutoff = LocalDate.now(clock).withDayOfMonth(1).minusMonths(retentionMonths);
        return jdbc.sql("DELETE FROM fb_contact_consent WHERE received_month <= :c").param("c", cutoff).update();
    }
}
