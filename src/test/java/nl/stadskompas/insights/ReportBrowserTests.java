// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An advisor, without JavaScript, makes a council report weighted to population figures and chooses
 * them for the quarterly report too. Every page is audited.
 */
class ReportBrowserTests extends BrowserTestSupport {

    /** Presses a button as a keyboard user does; making a report can take a while on a busy machine. */
    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .press("Enter", new Locator.PressOptions().setTimeout(120_000));
        page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(120_000));
    }

    @Test
    void advisorMakesAWeightedReportAndWeightsTheQuarterlyOne() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        Questionnaire questionnaire = AnalysisFixtures.questionnaire(applicationContext, advisor);
        Kpis kpis = applicationContext.getBean(Kpis.class);
        Period last = Period.containing(Period.Type.QUARTER, kpis.today()).previous();
        AnalysisFixtures.responses(applicationContext.getBean(JdbcClient.class), questionnaire, 80, 11,
                last.start().plusDays(3));
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        applicationContext.getBean(Analyses.class).saveMarginSet(as, null, new Analyses.MarginSetInput("Oeverdam 2026",
                null, null, "CBS 2026", List.of(new Analyses.MarginCell("AGE", "u25", 3000),
                        new Analyses.MarginCell("AGE", "25-39", 4000), new Analyses.MarginCell("AGE", "40-54", 4000),
                        new Analyses.MarginCell("AGE", "55-69", 5000), new Analyses.MarginCell("AGE", "70plus", 4000))));
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        signIn(advisor);

        open("/insights/reports");
        assertThat(page.getByText("Nu: Niet wegen.")).isVisible();
        assertAccessible();
        page.getByLabel("Wegen naar bevolkingscijfers").first()
                .selectOption(new SelectOption().setLabel("Oeverdam 2026"));
        button("Rapportage maken");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De rapportage is gemaakt.");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Oeverdam 2026").setExact(true)))
                .hasCount(2);
        assertAccessible();

        page.getByLabel("Wegen naar bevolkingscijfers").last()
                .selectOption(new SelectOption().setLabel("Oeverdam 2026"));
        button("Opslaan");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De keuze voor de automatische rapportage is opgeslagen.");
        assertThat(page.getByText("Nu: Oeverdam 2026.")).isVisible();
        assertAccessible();
    }
}
