// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.framework.Statement;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questionnaires in the database: tailoring per service, versions that stay as they were published
 * whatever happens to the base or the framework, and tenants that never see each other's.
 */
@SpringBootTest
class QuestionnaireEditingIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    QuestionnaireEditing editing;

    @Autowired
    JdbcClient jdbc;

    FeedbackFixtures fixtures;
    TenantContext tenant;
    Questionnaire base;

    @BeforeEach
    void setUp() {
        fixtures = new FeedbackFixtures(context);
        var advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        base = fixtures.publishedQuestionnaire(tenant);
    }

    @Test
    void aTailoredQuestionnaireTakesOverTheBaseHidesAnAspectAndAddsItsOwn() {
        UUID service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Paspoort aanvragen");
        Questionnaire tailored = editing.tailor(tenant, base.id(), service, null);
        editing.hide(tenant, tailored.id(), "A1");
        editing.addFromBank(tenant, tailored.id(), QuestionBank.CHANNEL, 2);

        QuestionnaireVersion published = editing.publish(tenant, tailored.id());

        assertThat(tailored.name()).isEqualTo("Tevredenheid - Paspoort aanvragen");
        assertThat(published.questions()).extracting(Question::key).containsExactly("S1", "S2", "MARK", "CHANNEL", "AGE");
        assertThat(published.questions()).extracting(Question::isInherited).containsExactly(true, true, true, false, true);
        assertThat(published.baseVersionId()).isEqualTo(base.publishedId());
        assertThat(editing.questionnaire(tenant.tenantId(), tailored.id()).serviceId()).isEqualTo(service);
    }

    @Test
    void statementsCannotBeHiddenInATailoredQuestionnaire() {
        UUID service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Melding openbare ruimte");
        Questionnaire tailored = editing.tailor(tenant, base.id(), service, "Meldingen");

        assertThatThrownBy(() -> editing.hide(tenant, tailored.id(), "S1")).isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems().getFirst().code())
                        .isEqualTo("feedback.tailor.statementStays"));
    }

    @Test
    void aPublishedTailoredVersionDoesNotChangeWhenTheBaseGetsANewVersion() {
        UUID service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Paspoort aanvragen");
        Questionnaire tailored = editing.tailor(tenant, base.id(), service, null);
        QuestionnaireVersion first = editing.publish(tenant, tailored.id());

        editing.newVersion(tenant, base.id());
        editing.removeQuestion(tenant, base.id(), "AGE");
        editing.addFromBank(tenant, base.id(), QuestionBank.RESPONDENT, 3);
        editing.publish(tenant, base.id());

        assertThat(editing.version(tenant.tenantId(), first.id()).questions()).extracting(Question::key)
                .containsExactly("S1", "S2", "A1", "MARK", "AGE");
        editing.newVersion(tenant, tailored.id());
        assertThat(editing.problems(tenant.tenantId(), tailored.id())).isEmpty();
        QuestionnaireVersion second = editing.publish(tenant, tailored.id());
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.questions()).extracting(Question::key).containsExactly("S1", "S2", "A1", "MARK", "RESPONDENT");
    }

    @Test
    void aQuestionKeepsTheFrameworkTextItWasAddedWith() {
        fixtures.framework.startDraft(tenant);
        fixtures.framework.changeStatement(tenant, "S1", new Statement("S1", "Ik werd echt gehoord.", null, "P1"));
        fixtures.framework.publish(tenant, "2.0");

        assertThat(editing.published(base).orElseThrow().layout().question("S1").orElseThrow().textNl())
                .isEqualTo("Ik voelde me serieus genomen.");
        assertThat(context.getBean(QuestionBank.class).entry(tenant.tenantId(), "S1").orElseThrow().textNl())
                .isEqualTo("Ik werd echt gehoord.");
    }

    @Test
    void anEmployeeQuestionnaireAsksTheSameStatementsFromTheStaffSide() {
        Questionnaire staff = editing.create(tenant, new NewQuestionnaire("Medewerkers", QuestionnaireKind.EMPLOYEE,
                "Hoe doen wij het?", null));

        Question s1 = editing.addFromBank(tenant, staff.id(), "S1", 1);

        assertThat(s1.key()).isEqualTo("S1");
        assertThat(s1.type()).isEqualTo(QuestionType.AGREEMENT);
        assertThat(s1.textNl()).startsWith("Inwoners zeggen na contact met ons").contains("Ik voelde me serieus genomen.");
        assertThat(s1.textEn()).contains("I felt taken seriously.");
    }

    @Test
    void aConditionMustReferToAnEarlierPage() {
        editing.newVersion(tenant, base.id());

        assertThatThrownBy(() -> editing.changeQuestion(tenant, base.id(), "S2", new QuestionChange(null, null, null,
                null, 1, false, "MARK", List.of("1"), List.of())))
                .isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems()).extracting(p -> p.code())
                        .contains("feedback.publish.conditionNotEarlier"));
        editing.changeQuestion(tenant, base.id(), "AGE", new QuestionChange("Hoe oud bent u?", null, null, null, 3, false,
                "MARK", List.of("1", "2", "3"), List.of(new ChoiceOption("u25", "Jong", null), new ChoiceOption("old", "Oud", null))));
        assertThat(editing.draft(editing.questionnaire(tenant.tenantId(), base.id())).orElseThrow().ownQuestion("AGE")
                .orElseThrow().condition()).hasValue(new Condition("MARK", List.of("1", "2", "3")));
    }

    @Test
    void anotherTenantSeesNothing() {
        var other = TestData.of(context).userInNewTenant(Role.ADVISOR);
        TenantContext otherTenant = FeedbackFixtures.as(other, Role.ADVISOR);

        assertThatThrownBy(() -> editing.questionnaire(other.tenantId(), base.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> editing.newVersion(otherTenant, base.id())).isInstanceOf(NotFoundException.class);
        assertThat(editing.list(other.tenantId())).isEmpty();
    }
}
