// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An advisor, without JavaScript, finds the analyses in the menu, runs key drivers and reads the
 * matrix, enters population figures (first with a mistake) and sees the weighted results. Every
 * page is audited.
 */
class AnalysisBrowserTests extends BrowserTestSupport {

    /** Presses a button as a keyboard user does; a plain form post without JavaScript. */
    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).press("Enter");
        page.waitForLoadState();
    }

    @Test
    void advisorRunsKeyDriversAndWeightsTheResultsWithoutJavaScript() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        Questionnaire questionnaire = AnalysisFixtures.questionnaire(applicationContext, advisor);
        AnalysisFixtures.responses(applicationContext.getBean(JdbcClient.class), questionnaire, 80, 11);
        signIn(advisor);
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        signIn(advisor);

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Analyses")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Analyses");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Belangrijkste factoren van Klantonderzoek")).click();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Belang en prestatie"))).isVisible();
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("A1 Vriendelijk"))).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("MARK")).check();
        button("Berekenen");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Het aspect MARK kan niet");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar de analyses")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bevolkingscijfers invoeren")).click();
        assertAccessible();
        page.getByLabel("Naam").fill("Oeverdam 2026");
        page.getByLabel("Cijfers").fill("AGE;u25;3000\nAGE;25-39;4000\nAGE;40-54;4000\nAGE;55-69;5000\nAGE;70plus");
        button("Opslaan");
        assertThat(page.getByText("Regel 5 klopt niet").first()).isVisible();
        assertAccessible();
        page.getByLabel("Cijfers").fill("AGE;u25;3000\nAGE;25-39;4000\nAGE;40-54;4000\nAGE;55-69;5000\nAGE;70plus;4000");
        button("Opslaan");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Oeverdam 2026");
        assertAccessible();

        open("/insights/analysis/" + questionnaire.id() + "/representativeness");
        assertThat(page.getByText("Chi-kwadraat").first()).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Gewogen uitkomsten"))).isVisible();
        assertAccessible();
    }

    @Test
    void advisorChoosesThePeriodOfTheKeyDriversAndIsToldWhenItCannotBeUsed() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        Questionnaire questionnaire = AnalysisFixtures.questionnaire(applicationContext, advisor);
        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        AnalysisFixtures.responses(jdbc, questionnaire, 60, 11, java.time.LocalDate.of(2026, 3, 2));
        AnalysisFixtures.responses(jdbc, questionnaire, 40, 12, java.time.LocalDate.of(2026, 5, 4));
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        signIn(advisor);
        open("/insights/analysis/" + questionnaire.id() + "/key-drivers");
        // Every 17th response lacks one of the three aspects: 60 + 40 responses, 12 + 9 of them left out.
        assertThat(page.getByText("Periode: alle antwoorden. Aantal mensen in de berekening (n): 79.")).isVisible();
        assertAccessible();

        page.getByLabel("Van (dag)").fill("2026-06-30");
        page.getByLabel("Tot en met (dag)").fill("2026-04-01");
        button("Berekenen");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(
                "De laatste dag (1 april 2026) ligt voor de eerste dag (30 juni 2026).");
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
        assertThat(page.getByLabel("Van (dag)")).hasValue("2026-06-30");
        assertAccessible();

        page.getByLabel("Van (dag)").fill("2026-07-01");
        page.getByLabel("Tot en met (dag)").fill("2026-09-30");
        button("Berekenen");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(
                "In deze periode (antwoorden van 1 juli 2026 tot en met 30 september 2026) vulde niemand de vragenlijst in.");
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
        assertAccessible();

        page.getByLabel("Van (dag)").fill("2026-04-01");
        page.getByLabel("Tot en met (dag)").fill("2026-06-30");
        button("Berekenen");
        assertThat(page.getByText("Periode: antwoorden van 1 april 2026 tot en met 30 juni 2026. "
                + "Aantal mensen in de berekening (n): 31.")).isVisible();
        assertThat(page.getByText("Gebruikt: 31 van de 40 mensen.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("A1 Vriendelijk"))).isVisible();
        assertAccessible();
    }
}
