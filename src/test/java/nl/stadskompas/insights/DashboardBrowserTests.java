// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * An advisor, without JavaScript, adds a KPI with a target from the menu, and a colleague opens the
 * dashboard, chooses a period and reads the figure, the chart's text alternative and the table.
 * Every page is audited.
 */
class DashboardBrowserTests extends BrowserTestSupport {

    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).press("Enter");
        page.waitForLoadState();
    }

    @Test
    void advisorSetsUpAKpiAndAColleagueReadsTheDashboardWithoutJavaScript() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        KpiFixtures fixtures = new KpiFixtures(applicationContext, advisor);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 2, 10), "MARK", KpiFixtures.FEBRUARY);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 5, 10), "MARK", KpiFixtures.MAY);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 5, 10), "S1", 4, 5, 4, 4, 2, 5);
        fixtures.answers(fixtures.employees, LocalDate.of(2026, 5, 12), "S1", 3, 4, 3, 2, 4, 3);
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        signIn(advisor);

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("KPI's").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("KPI's");
        assertAccessible();
        page.getByLabel("Cijfer").selectOption("SURVEY:MEAN:MARK");
        page.getByLabel("Naam (Nederlands)").fill("Rapportcijfer");
        button("KPI toevoegen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Rapportcijfer");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Doel toevoegen")).click();
        page.getByLabel("Doel", new Page.GetByLabelOptions().setExact(true)).fill("acht");
        button("Doel opslaan");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul een getal in");
        assertAccessible();
        page.getByLabel("Doel", new Page.GetByLabelOptions().setExact(true)).fill("7");
        page.getByLabel("Uiterlijk op").fill("31-12-2027");
        button("Doel opslaan");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de KPI's")).click();
        page.getByLabel("Cijfer").selectOption("SURVEY:POSITIVE:S1");
        button("KPI toevoegen");

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Dashboard").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hoe doen wij het?");
        page.getByLabel("Periode").selectOption("2026-Q2");
        button("Cijfers tonen");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Verloop van Rapportcijfer")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Verloop van Rapportcijfer per periode")))
                .containsText("5,7");
        assertThat(page.getByText("Dit verschil is echt (geen toeval), p = 0,003.")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Inwoners en medewerkers in K2 2026")))
                .containsText("33%");
        assertAccessible();
    }
}
