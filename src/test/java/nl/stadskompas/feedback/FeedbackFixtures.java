// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.framework.AspectCategory;
import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.ServiceAspect;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData.User;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test set-up through the modules' public APIs: a published framework with two statements and an
 * aspect, and a published questionnaire with three pages (statements and an aspect; a mark; age).
 */
final class FeedbackFixtures {

    final ApplicationContext context;
    final QuestionnaireEditing editing;
    final FrameworkEditing framework;

    FeedbackFixtures(ApplicationContext context) {
        this.context = context;
        this.editing = context.getBean(QuestionnaireEditing.class);
        this.framework = context.getBean(FrameworkEditing.class);
    }

    static TenantContext as(User user, Role role) {
        return new TenantContext(user.tenantId(), user.id(), user.username(), role);
    }

    void publishFramework(TenantContext tenant) {
        framework.startDraft(tenant);
        framework.addPromise(tenant, Promise.of("P1", "We nemen u serieus", null, List.of("Luister naar mij"),
                List.of(), List.of()));
        framework.addStatement(tenant, new Statement("S1", "Ik voelde me serieus genomen.", "I felt taken seriously.", "P1"));
        framework.addStatement(tenant, new Statement("S2", "Ik wist wat de volgende stap was.", "I knew the next step.", "P1"));
        framework.addAspect(tenant, new ServiceAspect("A1", "De medewerker was vriendelijk", "The employee was friendly",
                AspectCategory.TREATMENT));
        framework.publish(tenant, "1.0");
    }

    /** A published resident questionnaire: page 1 S1, S2, A1; page 2 MARK; page 3 AGE. */
    Questionnaire publishedQuestionnaire(TenantContext tenant) {
        publishFramework(tenant);
        Questionnaire q = editing.create(tenant, new NewQuestionnaire("Tevredenheid", QuestionnaireKind.RESIDENT,
                "Hoe hebben wij u geholpen?", "How did we help you?"));
        editing.describe(tenant, q.id(), new VersionTexts("Hoe hebben wij u geholpen?", "How did we help you?",
                "Het kost twee minuten.", "It takes two minutes.", "We bespreken de uitkomsten in het team.",
                "We discuss the results in the team."));
        editing.addFromBank(tenant, q.id(), "S1", 1);
        editing.addFromBank(tenant, q.id(), "S2", 1);
        editing.addFromBank(tenant, q.id(), "A1", 1);
        editing.addFromBank(tenant, q.id(), QuestionBank.MARK, 2);
        editing.addFromBank(tenant, q.id(), QuestionBank.AGE, 3);
        editing.publish(tenant, q.id());
        return editing.questionnaire(tenant.tenantId(), q.id());
    }

    static UUID service(JdbcClient jdbc, UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, version) VALUES (:id, :t, :n, 0)")
                .param("id", id).param("t", tenantId).param("n", name).update();
        return id;
    }

    static UUID municipality(JdbcClient jdbc, UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_municipality (id, tenant_id, name, version) VALUES (:id, :t, :n, 0)")
                .param("id", id).param("t", tenantId).param("n", name).update();
        return id;
    }
}
