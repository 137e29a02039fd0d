// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.feedback.NewQuestionnaire;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireKind;
import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData.User;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPI test data: a residents' questionnaire with statement S1 and the report mark, an employees'
 * questionnaire with S1 (made through the feedback and framework modules' public APIs), and
 * responses and cases stored in those modules' tables as an import would store them.
 */
final class KpiFixtures {

    /** Marks given in February 2026 (12) and May 2026 (10); the same values as {@code SummaryTests}. */
    static final int[] FEBRUARY = { 7, 8, 6, 9, 7, 8, 5, 7, 8, 9, 6, 7 };
    static final int[] MAY = { 6, 5, 7, 6, 5, 6, 7, 4, 6, 5 };

    final Questionnaire residents;
    final Questionnaire employees;
    private final JdbcClient jdbc;

    KpiFixtures(ApplicationContext context, User advisor) {
        this.jdbc = context.getBean(JdbcClient.class);
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        FrameworkEditing framework = context.getBean(FrameworkEditing.class);
        framework.startDraft(as);
        framework.addPromise(as, Promise.of("P1", "We helpen u goed", null, List.of("Help mij"), List.of(), List.of()));
        framework.addStatement(as, new Statement("S1", "Ik werd goed geholpen.", "I was helped well.", "P1"));
        framework.publish(as, "1.0");
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        Questionnaire r = editing.create(as, new NewQuestionnaire("Inwonersonderzoek", QuestionnaireKind.RESIDENT,
                "Hoe ging het?", "How did it go?"));
        editing.addFromBank(as, r.id(), "S1", 1);
        editing.addFromBank(as, r.id(), QuestionBank.MARK, 1);
        editing.publish(as, r.id());
        residents = editing.questionnaire(as.tenantId(), r.id());
        Questionnaire e = editing.create(as, new NewQuestionnaire("Medewerkersonderzoek", QuestionnaireKind.EMPLOYEE,
                "Hoe doen wij het?", "How are we doing?"));
        editing.addFromBank(as, e.id(), "S1", 1);
        editing.publish(as, e.id());
        employees = editing.questionnaire(as.tenantId(), e.id());
    }

    /** One response per value, on the day, answering the key. */
    void answers(Questionnaire q, LocalDate day, String key, int... values) {
        answers(q, null, day, key, values);
    }

    /** One response per value about the service (or none), on the day, answering the key. */
    void answers(Questionnaire q, UUID serviceId, LocalDate day, String key, int... values) {
        for (int v : values) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, via, "
                            + "service_id) VALUES (:id, :t, :q, :v, :d, 'API', :s)")
                    .param("id", id).param("t", q.tenantId()).param("q", q.id()).param("v", q.publishedId())
                    .param("d", day).param("s", serviceId).update();
            jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, dont_know) "
                    + "VALUES (:r, :k, 0, :n, FALSE)").param("r", id).param("k", key).param("n", v).update();
        }
    }

    /** A team of the organisation, as the organisation module stores it. */
    UUID team(UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_team (id, tenant_id, name, version) VALUES (:id, :t, :n, 0)")
                .param("id", id).param("t", tenantId).param("n", name).update();
        return id;
    }

    /** A service owned by the team, as the organisation module stores it. */
    UUID service(UUID tenantId, String name, UUID ownerTeamId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, owner_team_id, version) VALUES (:id, :t, :n, :o, 0)")
                .param("id", id).param("t", tenantId).param("n", name).param("o", ownerTeamId).update();
        return id;
    }

    /** A case type owned by the team, with a norm of 10 days. */
    UUID caseType(UUID tenantId, UUID teamId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO case_type (id, tenant_id, name, description, kind, owner_team_id, norm_days, version) "
                        + "VALUES (:id, :t, :n, 'Test', 'APPLICATION', :team, 10, 0)")
                .param("id", id).param("t", tenantId).param("n", "Type " + id).param("team", teamId).update();
        return id;
    }

    /** A case registered on the day, closed after the number of days (or open when null). */
    void caseFile(UUID tenantId, UUID typeId, UUID teamId, LocalDate registered, Integer closedAfter) {
        UUID id = UUID.randomUUID();
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        jdbc.sql("INSERT INTO case_file (id, tenant_id, reference, case_type_id, kind, channel, owner_team_id, subject, "
                        + "registered_at, registered_on, norm_days, norm_date, expected_date, status_code, closed_at, version) "
                        + "VALUES (:id, :t, :ref, :type, 'APPLICATION', 'ONLINE', :team, 'Test', :at, :on, 10, :norm, :norm, "
                        + "'X', :closed, 0)")
                .param("id", id).param("t", tenantId).param("ref", id.toString().substring(0, 18)).param("type", typeId)
                .param("team", teamId).param("at", Timestamp.from(registered.atStartOfDay(zone).toInstant()))
                .param("on", registered).param("norm", registered.plusDays(10))
                .param("closed", closedAfter == null ? null
                        : Timestamp.from(registered.plusDays(closedAfter).atTime(12, 0).atZone(zone).toInstant()))
                .update();
    }
}
