// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.LocalDate;
import java.util.List;
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
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A questionnaire with a scale question ("A1", 1..5) and stored responses, as an import of survey
 * data would store them, so a journey step can be linked to a question that has a score.
 */
final class JourneyFixtures {

    private JourneyFixtures() {
    }

    static Questionnaire questionnaire(ApplicationContext context, TenantContext as) {
        FrameworkEditing framework = context.getBean(FrameworkEditing.class);
        framework.startDraft(as);
        framework.addPromise(as, Promise.of("P1", "We helpen u snel", null, List.of("Help mij snel"), List.of(), List.of()));
        framework.addAspect(as, new ServiceAspect("A1", "Ik kon snel een afspraak maken", "I could quickly make an appointment",
                AspectCategory.TREATMENT));
        framework.publish(as, "1.0");
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        Questionnaire q = editing.create(as, new NewQuestionnaire("Balie-onderzoek", QuestionnaireKind.RESIDENT,
                "Hoe ging het?", "How did it go?"));
        editing.addFromBank(as, q.id(), "A1", 1);
        editing.addFromBank(as, q.id(), QuestionBank.MARK, 2);
        editing.publish(as, q.id());
        return editing.questionnaire(as.tenantId(), q.id());
    }

    /** Stores responses whose answers to A1 are the given values, in turn. */
    static void responses(JdbcClient jdbc, Questionnaire questionnaire, int... values) {
        for (int value : values) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, via) "
                            + "VALUES (:id, :t, :q, :v, :d, 'API')")
                    .param("id", id).param("t", questionnaire.tenantId()).param("q", questionnaire.id())
                    .param("v", questionnaire.publishedId()).param("d", LocalDate.of(2026, 3, 2)).update();
            jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, value_code, dont_know) "
                            + "VALUES (:r, 'A1', 0, :n, null, false)")
                    .param("r", id).param("n", value).update();
        }
    }
}
