// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.journeys.JourneyContent;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without JavaScript, an advisor makes the "resident or entrepreneur" question the segment question
 * in the question bank, and then reads the dashboard for one journey and one segment: the page says
 * what the filters count, shows the entrepreneurs' mark within the journey, and says that cases have
 * no segment. Every page is audited.
 */
class DashboardFilterBrowserTests extends BrowserTestSupport {

    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).press("Enter");
        page.waitForLoadState();
    }

    private void mark(KpiFixtures fixtures, UUID service, String segment, int value) {
        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, via, service_id, "
                        + "channel) VALUES (:id, :t, :q, :v, :d, 'API', :s, 'ONLINE')")
                .param("id", id).param("t", fixtures.residents.tenantId()).param("q", fixtures.residents.id())
                .param("v", fixtures.residents.publishedId()).param("d", LocalDate.of(2026, 5, 6)).param("s", service)
                .update();
        jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, dont_know) "
                + "VALUES (:r, 'MARK', 0, :n, FALSE)").param("r", id).param("n", value).update();
        jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_code, dont_know) "
                + "VALUES (:r, :k, 0, :c, FALSE)").param("r", id).param("k", QuestionBank.RESPONDENT)
                .param("c", segment).update();
    }

    @Test
    void anAdvisorChoosesTheSegmentQuestionAndReadsTheDashboardForOneJourneyAndSegment() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        KpiFixtures fixtures = new KpiFixtures(applicationContext, advisor);
        UUID permits = fixtures.team(advisor.tenantId(), "Vergunningen");
        UUID taxes = fixtures.team(advisor.tenantId(), "Belastingen");
        UUID parking = fixtures.service(advisor.tenantId(), "Parkeervergunning", permits);
        UUID tax = fixtures.service(advisor.tenantId(), "Aanslag", taxes);
        for (int v : new int[] { 8, 8, 8, 8, 8, 8 }) {
            mark(fixtures, parking, "resident", v);
        }
        for (int v : new int[] { 6, 7, 6, 7, 6, 7 }) {
            mark(fixtures, parking, "entrepreneur", v);
        }
        for (int v : new int[] { 2, 2, 2, 2, 2, 2 }) {
            mark(fixtures, tax, "entrepreneur", v);
        }
        JourneyContent start = JourneyContent.start("Parkeren bij huis", "Test", null, permits);
        applicationContext.getBean(JourneyMaps.class).create(as, new JourneyContent(start.name(), start.description(),
                null, permits, List.of(parking), List.of(), start.phases(),
                List.of(new Step("s1", "application", "Vergunning aanvragen", "ONLINE", permits, null, null, List.of(),
                        List.of(), null, null)),
                List.of()));
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        signIn(advisor);

        open("/feedback/bank");
        assertThat(page.getByText("Er is nog geen segmentvraag.")).isVisible();
        assertAccessible();
        page.getByLabel("Segmentvraag", new Page.GetByLabelOptions().setExact(true)).selectOption(QuestionBank.RESPONDENT);
        button("Segmentvraag opslaan");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De segmentvraag is opgeslagen.");
        assertThat(page.getByText("De segmentvraag is nu RESPONDENT")).isVisible();
        assertAccessible();

        Kpis kpis = applicationContext.getBean(Kpis.class);
        kpis.addKpi(as, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", null));
        kpis.addKpi(as, new Kpis.KpiInput("CASES:LEAD_TIME", "Doorlooptijd", null));

        open("/insights");
        page.getByLabel("Periode").selectOption("2026-Q2");
        page.getByLabel("Klantreis").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Parkeren bij huis"));
        page.getByLabel("Segment", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Als ondernemer"));
        button("Cijfers tonen");
        assertThat(page.getByText("U ziet de cijfers van de klantreis Parkeren bij huis: antwoorden en zaken over de "
                + "diensten in deze klantreis")).isVisible();
        assertThat(page.getByText("U ziet de antwoorden van mensen die kozen voor: Als ondernemer.")).isVisible();
        // Six entrepreneurs about parking: 6,5. The tax marks of 2 are outside the journey.
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Verloop van Rapportcijfer per periode")))
                .containsText("6,5");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Verloop van Rapportcijfer")))
                .isVisible();
        assertThat(page.getByText("Zaken hebben geen segment: wij weten niet tot welke groep de aanvrager hoort."))
                .isVisible();
        assertAccessible();

        // Breaking down by segment: the residents and the entrepreneurs, each six.
        page.getByLabel("Segment", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Alles"));
        page.getByLabel("Uitsplitsen naar").selectOption("SEGMENT");
        button("Cijfers tonen");
        var breakdown = page.getByRole(AriaRole.TABLE,
                new Page.GetByRoleOptions().setName("Rapportcijfer per Segment"));
        assertThat(breakdown).containsText("Als inwoner");
        assertThat(breakdown).containsText("8,0");
        assertAccessible();
    }
}
