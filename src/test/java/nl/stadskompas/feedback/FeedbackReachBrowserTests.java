// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident sends a feedback card on a phone without JavaScript, in Dutch and in English, first
 * with a mistake; an employee finds it in the team's inbox, makes a case of it and closes it;
 * stories are recorded.
 * Every page is audited for accessibility.
 */
class FeedbackReachBrowserTests extends BrowserTestSupport {

    private static Browser.NewContextOptions phoneWithoutJavaScript(String locale) {
        return new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale(locale)
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
    }

    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).press("Enter");
        page.waitForLoadState();
    }

    private Page.GetByRoleOptions level1() {
        return new Page.GetByRoleOptions().setLevel(1);
    }

    @Test
    void aResidentSendsACardOnAPhoneAndTheTeamHandlesIt() {
        User employee = data.userInNewTenant(Role.ADVISOR);
        Organisation organisation = applicationContext.getBean(OrganisationRegistry.class).find(employee.tenantId())
                .orElseThrow();
        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        UUID team = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_team (id, tenant_id, name, version) VALUES (:id, :t, 'Parkeren', 0)")
                .param("id", team).param("t", employee.tenantId()).update();
        UUID service = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, owner_team_id, version) VALUES (:id, :t, 'Parkeervergunning', :team, 0)")
                .param("id", service).param("t", employee.tenantId()).param("team", team).update();
        UUID caseType = nl.stadskompas.cases.CaseFixtures.of(applicationContext).complaintType(employee.tenantId(), team);

        useContext(phoneWithoutJavaScript("nl-NL"));
        open("/kaart?org=" + organisation.slug() + "&service=" + service + "&channel=ONLINE");
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Laat het ons weten");
        assertAccessible();
        // A mistake first: an address without consent.
        page.getByLabel("Een compliment").check();
        page.getByLabel("Uw bericht").fill("De nieuwe vergunning was in een dag geregeld.");
        page.getByLabel("Uw e-mailadres (niet verplicht)").fill("lotte@example.org");
        button("Versturen");
        assertThat(page.getByText("Zet een vinkje als wij het mogen gebruiken").first()).isVisible();
        assertAccessible();
        page.getByLabel("Uw e-mailadres (niet verplicht)").fill("");
        button("Versturen");
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Bedankt voor uw bericht");
        assertAccessible();

        useContext(phoneWithoutJavaScript("en-GB"));
        open("/kaart?org=" + organisation.slug() + "&lang=en");
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Let us know");
        assertAccessible();
        page.getByLabel("An idea").check();
        page.getByLabel("Your message").fill("Please add a bicycle rack near the entrance.");
        button("Send");
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Thank you for your message");
        assertAccessible();

        useContext(new Browser.NewContextOptions());
        signIn(employee);
        open("/feedback/cards?team=" + team);
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Feedbackkaarten");
        assertThat(page.getByText("De nieuwe vergunning was in een dag geregeld.")).isVisible();
        assertAccessible();
        open("/feedback/cards?team=" + FeedbackCards.GENERAL);
        assertThat(page.getByText("Please add a bicycle rack near the entrance.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("\\d"))).first().click();
        assertThat(page.getByRole(AriaRole.PARAGRAPH).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Please add a bicycle rack near the entrance."))).isVisible();
        assertThat(page.getByLabel("Onderwerp van de zaak")).hasValue("Please add a bicycle rack near the entrance.");
        assertAccessible();
        page.getByLabel("Zaaktype").selectOption(caseType.toString());
        button("Zaak maken");
        assertThat(page.getByText(java.util.regex.Pattern.compile("Er is een zaak gemaakt: Z-\\d{4}-\\d{6}\\.")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Z-\\d{4}-\\d{6}$")))).isVisible();
        assertAccessible();
        page.getByLabel("Status").selectOption("CLOSED");
        button("Status wijzigen");
        assertThat(page.getByText("De status is gewijzigd.")).isVisible();
        assertAccessible();

        open("/feedback/stories/new");
        assertAccessible();
        button("Opslaan");
        assertThat(page.getByText("Geef het verhaal een korte titel.").first()).isVisible();
        assertAccessible();
        page.getByLabel("Korte titel").fill("Lang wachten op een vergunning");
        page.getByLabel("Het verhaal").fill("Ik wist niet wie ik moest bellen, en niemand belde terug.");
        page.getByLabel("Mondeling").check();
        page.getByLabel("De inwoner gaf toestemming").check();
        button("Opslaan");
        assertThat(page.getByRole(AriaRole.HEADING, level1())).hasText("Lang wachten op een vergunning");
        assertAccessible();
        open("/feedback/stories");
        assertAccessible();
    }
}
