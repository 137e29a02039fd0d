// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import nl.stadskompas.feedback.NewQuestionnaire;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireKind;
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
 * A published questionnaire with three service aspects (A1 friendly, A2 quick, A3 clear), the report
 * mark and age, made through the feedback and framework modules' public APIs; and responses stored
 * in feedback's tables as an import of historical data would store them.
 */
final class AnalysisFixtures {

    static final String[] AGES = { "u25", "25-39", "40-54", "55-69", "70plus" };

    private AnalysisFixtures() {
    }

    static Questionnaire questionnaire(ApplicationContext context, User advisor) {
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        FrameworkEditing framework = context.getBean(FrameworkEditing.class);
        framework.startDraft(as);
        framework.addPromise(as, Promise.of("P1", "We helpen u goed", null, List.of("Help mij"), List.of(), List.of()));
        framework.addStatement(as, new Statement("S1", "Ik werd goed geholpen.", "I was helped well.", "P1"));
        framework.addAspect(as, new ServiceAspect("A1", "Vriendelijk", "Friendly", AspectCategory.TREATMENT));
        framework.addAspect(as, new ServiceAspect("A2", "Snel", "Quick", AspectCategory.TREATMENT));
        framework.addAspect(as, new ServiceAspect("A3", "Duidelijk", "Clear", AspectCategory.TREATMENT));
        framework.publish(as, "1.0");
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        Questionnaire q = editing.create(as, new NewQuestionnaire("Klantonderzoek", QuestionnaireKind.RESIDENT,
                "Hoe ging het?", "How did it go?"));
        for (String key : List.of("A1", "A2", "A3")) {
            editing.addFromBank(as, q.id(), key, 1);
        }
        editing.addFromBank(as, q.id(), QuestionBank.MARK, 2);
        editing.addFromBank(as, q.id(), QuestionBank.AGE, 3);
        editing.publish(as, q.id());
        return editing.questionnaire(as.tenantId(), q.id());
    }

    /**
     * Stores responses: aspects around a common level, the mark driven by A1 and A3, the age groups
     * in turn, and every 17th response a "don't know" on one aspect.
     */
    static void responses(JdbcClient jdbc, Questionnaire questionnaire, int count, long seed) {
        responses(jdbc, questionnaire, count, seed, LocalDate.of(2026, 3, 2));
    }

    /** As above, all given on the day. */
    static void responses(JdbcClient jdbc, Questionnaire questionnaire, int count, long seed, LocalDate day) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, via) "
                            + "VALUES (:id, :t, :q, :v, :d, 'API')")
                    .param("id", id).param("t", questionnaire.tenantId()).param("q", questionnaire.id())
                    .param("v", questionnaire.publishedId()).param("d", day).update();
            int base = 1 + random.nextInt(5);
            int[] aspects = new int[3];
            for (int j = 0; j < 3; j++) {
                aspects[j] = Math.max(1, Math.min(5, base + random.nextInt(3) - 1));
                boolean dontKnow = i % 17 == j;
                answer(jdbc, id, "A" + (j + 1), dontKnow ? null : aspects[j], null, dontKnow);
            }
            int mark = Math.max(1, Math.min(10, 1 + aspects[0] + aspects[2] / 2 + random.nextInt(3)));
            answer(jdbc, id, "MARK", mark, null, false);
            answer(jdbc, id, "AGE", null, AGES[i % AGES.length], false);
        }
    }

    private static void answer(JdbcClient jdbc, UUID response, String key, Integer number, String code,
            boolean dontKnow) {
        jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, value_code, dont_know) "
                        + "VALUES (:r, :k, 0, :n, :c, :dk)")
                .param("r", response).param("k", key).param("n", number).param("c", code).param("dk", dontKnow).update();
    }
}
