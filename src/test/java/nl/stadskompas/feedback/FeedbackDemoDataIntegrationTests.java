// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo questionnaires: a base, one tailored for passports and an employee questionnaire, all
 * published, with about 300 responses so the results are full; loaded once.
 */
@SpringBootTest
class FeedbackDemoDataIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsThreePublishedQuestionnairesWithResponsesOnlyOnce() {
        Organisation demo = TestData.of(context).tenant();
        TenantContext tenant = new TenantContext(demo.id(), null, "test", Role.ADMINISTRATOR);
        new FeedbackFixtures(context).publishFramework(tenant);
        FeedbackFixtures.service(jdbc, demo.id(), FeedbackDemoData.PASSPORT);
        FeedbackFixtures.municipality(jdbc, demo.id(), "Oeverdam");
        FeedbackDemoData loader = new FeedbackDemoData(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class),
                context.getBean(nl.stadskompas.organisation.OrganisationCatalogue.class),
                context.getBean(nl.stadskompas.framework.FrameworkEditing.class),
                context.getBean(QuestionnaireEditing.class), context.getBean(QuestionBank.class),
                context.getBean(ResponseCollection.class), context.getBean(FeedbackCards.class),
                context.getBean(ResidentStories.class), context.getBean(java.time.Clock.class));

        loader.load(demo.id());
        loader.load(demo.id());

        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        var all = editing.list(demo.id());
        assertThat(all).hasSize(3).allSatisfy(s -> assertThat(s.publishedNumber()).isEqualTo(1));
        assertThat(all).extracting(QuestionnaireSummary::kind).contains(QuestionnaireKind.EMPLOYEE, QuestionnaireKind.RESIDENT);
        assertThat(all.stream().mapToLong(QuestionnaireSummary::responses).sum()).isEqualTo(305);
        QuestionnaireSummary base = all.stream().filter(s -> s.name().equals("Tevredenheid inwoners")).findFirst().orElseThrow();
        Results results = context.getBean(FeedbackResults.class).results(demo.id(), base.id(), null, "AGE", null,
                Locale.of("nl"));
        assertThat(results.totalSuppressed()).isFalse();
        assertThat(results.weeks().size()).isGreaterThan(15);
        assertThat(results.questions().getFirst().suppressed()).isFalse();
        assertThat(results.breakdown().groups()).isNotEmpty();
        QuestionnaireSummary passport = all.stream().filter(s -> s.serviceId() != null).findFirst().orElseThrow();
        assertThat(passport.baseId()).isEqualTo(base.id());
    }

    @Test
    void demoKpisShowTheReportMarkAgainstItsTargetAndAReferenceOnlyOnce() {
        Organisation demo = TestData.of(context).tenant();
        TenantContext tenant = new TenantContext(demo.id(), null, "test", Role.ADMINISTRATOR);
        new FeedbackFixtures(context).publishFramework(tenant);
        FeedbackFixtures.service(jdbc, demo.id(), FeedbackDemoData.PASSPORT);
        FeedbackFixtures.municipality(jdbc, demo.id(), "Oeverdam");
        new FeedbackDemoData(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class),
                context.getBean(nl.stadskompas.organisation.OrganisationCatalogue.class),
                context.getBean(nl.stadskompas.framework.FrameworkEditing.class),
                context.getBean(QuestionnaireEditing.class), context.getBean(QuestionBank.class),
                context.getBean(ResponseCollection.class), context.getBean(FeedbackCards.class),
                context.getBean(ResidentStories.class), context.getBean(java.time.Clock.class)).load(demo.id());
        nl.stadskompas.insights.Kpis kpis = context.getBean(nl.stadskompas.insights.Kpis.class);
        KpiDemoData loader = new KpiDemoData(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class),
                kpis);

        loader.load(demo.id());
        loader.load(demo.id());

        var all = kpis.kpis(demo.id());
        assertThat(all).extracting(nl.stadskompas.insights.Kpis.Kpi::measure)
                .contains(FeedbackKpis.MEAN + QuestionBank.MARK, "CASES:WITHIN_NORM", "CASES:BACKLOG")
                .doesNotHaveDuplicates();
        var mark = all.stream().filter(k -> k.measure().equals(FeedbackKpis.MEAN + QuestionBank.MARK)).findFirst()
                .orElseThrow();
        assertThat(kpis.targets(demo.id(), mark.id())).extracting(nl.stadskompas.insights.Kpis.Target::value)
                .containsExactly(7.5);
        assertThat(kpis.references(demo.id(), mark.id())).hasSize(1);
        var figures = kpis.figures(demo.id(), mark.id(),
                nl.stadskompas.insights.Period.containing(nl.stadskompas.insights.Period.Type.MONTH,
                        java.time.LocalDate.now(context.getBean(java.time.Clock.class))),
                nl.stadskompas.insights.Kpis.Filter.ALL, null, 12, Locale.of("nl"));
        assertThat(figures.trend()).anySatisfy(f -> {
            assertThat(f.shown()).isTrue();
            assertThat(f.value()).isBetween(1.0, 10.0);
        });
    }
}
