// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * An editor links a KPI to a step of a demo journey and sees its current figure, with the target,
 * in the drawing and in the structured view, in Dutch and in English. Every page is audited with axe.
 */
class JourneyKpiBrowserTests extends BrowserTestSupport {

    @Test
    void anEditorLinksAKpiToAStepAndSeesItsFigureOnTheMap() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        TenantContext tenant = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        Questionnaire questionnaire = JourneyFixtures.questionnaire(applicationContext, tenant);
        UUID service = JourneyFixtures.service(applicationContext, advisor.tenantId(), "Reisdocumenten");
        // five report marks given at the desk: 8, 7, 6, 7, 7 -> 7.0
        JourneyFixtures.marks(applicationContext, questionnaire, service, "DESK", 8, 7, 6, 7, 7);
        Kpis kpis = applicationContext.getBean(Kpis.class);
        Kpis.Kpi kpi = kpis.addKpi(tenant, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", "Report mark"));
        kpis.addTarget(tenant, kpi.id(), new Kpis.TargetInput(7.5, LocalDate.now().plusYears(1), null));
        applicationContext.getBean(DemoJourneys.class).load(advisor.tenantId());
        String quarter = kpis.period(null).label(Locale.forLanguageTag("nl"));

        signIn(advisor);
        open("/journeys");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DemoJourneys.PASSPORT)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(DemoJourneys.PASSPORT);
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("KPI's koppelen\\W+Aanvragen aan de balie"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("KPI's koppelen");
        assertThat(page.getByText("Er zijn nog geen KPI's gekoppeld.")).isVisible();
        assertAccessible();
        page.getByLabel("Rapportcijfer").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De KPI's zijn gekoppeld.");

        // the structured view: the whole figure in words
        assertThat(page.locator("li.jr-step", new Page.LocatorOptions().setHasText("Aanvragen aan de balie")))
                .containsText("Rapportcijfer (via Balie, alle diensten, " + quarter + "): 7,0 (aantal: 5); doel 7,5 nog niet gehaald");
        // the drawing: a row of KPIs with the figure in short
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Klantreiskaart: " + DemoJourneys.PASSPORT))
                .locator("text", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Rapportcijfer: 7,0")))
                .hasCount(1);
        assertAccessible();

        // the step page shows the same figure
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("Wijzigen\\W+Aanvragen aan de balie"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("KPI's bij deze stap"))).isVisible();
        assertThat(page.getByText("Rapportcijfer (via Balie, alle diensten")).isVisible();
        assertAccessible();

        // in English
        page.navigate(page.url().replaceAll("/steps/.*", "") + "?lang=en");
        assertThat(page.locator("li.jr-step", new Page.LocatorOptions().setHasText("Aanvragen aan de balie")))
                .containsText("Report mark (via Desk, all services");
        assertAccessible();
    }
}
