// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.feedback.NewQuestionnaire;
import nl.stadskompas.feedback.PublicQuestionnaire;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireKind;
import nl.stadskompas.feedback.ResponseCollection;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.feedback.Via;
import nl.stadskompas.framework.AspectCategory;
import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.ServiceAspect;
import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.Domain;
import nl.stadskompas.organisation.DomainDetails;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.ServiceDetails;
import nl.stadskompas.organisation.Team;
import nl.stadskompas.organisation.TeamDetails;
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

    /** A service of the organisation, with its own team, that residents can be asked about. */
    static UUID service(ApplicationContext context, UUID tenantId, String name) {
        OrganisationStructure structure = context.getBean(OrganisationStructure.class);
        Domain domain = structure.addDomain(tenantId, new DomainDetails("Domein " + name, null));
        Team team = structure.addTeam(tenantId, new TeamDetails("Team " + name, domain.id(), null, List.of()));
        return structure.addService(tenantId, new ServiceDetails(name, null, team.id(), Set.of(),
                Set.of(Channel.DESK, Channel.PHONE), List.of())).id();
    }

    /**
     * Submits responses the way a resident does on the public page, each about the service through
     * the channel, with the given report marks (and a 4 for question A1).
     */
    static void marks(ApplicationContext context, Questionnaire questionnaire, UUID serviceId, String channel, int... marks) {
        ResponseCollection collection = context.getBean(ResponseCollection.class);
        PublicQuestionnaire target = collection.open(questionnaire.publicId()).orElseThrow();
        for (int mark : marks) {
            collection.submit(target, collection.newSubmissionToken(), collection.read(target.layout(), Map.of(
                    "A1", List.of("4"), QuestionBank.MARK, List.of(String.valueOf(mark)))),
                    new ResponseContext(serviceId, channel, null, null), Via.LINK);
        }
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
