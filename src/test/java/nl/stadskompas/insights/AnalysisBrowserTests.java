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
}
