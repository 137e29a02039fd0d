// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * The main journey in a real browser: an employee registers a complaint made by phone and changes
 * its status after seeing the preview; the resident then opens the progress page from the link,
 * without signing in, in Dutch and in English. Every page is audited for accessibility.
 */
class CasesBrowserTests extends BrowserTestSupport {

    @Test
    void anEmployeeRegistersAComplaintByPhoneAndTheResidentFollowsIt() {
        Organisation tenant = data.tenant();
        User employee = data.user(tenant, Role.FRONT_OFFICE);
        CaseFixtures fixtures = CaseFixtures.of(applicationContext);
        UUID team = fixtures.team(tenant.id(), "Klantcontactcentrum");
        fixtures.complaintType(tenant.id(), team);
        applicationContext.getBean(ContactSettingsManagement.class).save(tenant.id(), new ContactDetails("14 0123",
                "werkdagen van 9 tot 17 uur", "weekdays from 9 am to 5 pm", "https://chat.example.org",
                "Marktplein 1, Oeverdam", "op afspraak", "by appointment"));

        signIn(employee);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Zaken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Open zaken"))).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Zaak registreren")).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zaak registreren")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();

        page.getByLabel("Zaaktype").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByLabel("Binnengekomen via").selectOption("PHONE");
        page.getByLabel("Onderwerp").fill("Mijn container is twee keer niet geleegd");
        page.getByLabel("Naam (hoe spreken we de inwoner aan)").fill("Fatima");
        page.getByLabel("Telefoonnummer").fill("06 12345678");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zaak registreren")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is geregistreerd");
        assertThat(page.getByRole(AriaRole.IMG)).hasAttribute("alt", java.util.regex.Pattern.compile("QR-code"));
        assertAccessible();
        String progressLink = page.locator("#progress-link").getAttribute("href");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de zaak")).click();
        assertAccessible();
        page.getByLabel("Nieuwe status").selectOption("IN_BEHANDELING");
        page.getByLabel("Notitie voor collega's").fill("Wijkteam gevraagd om te kijken");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijk wat de inwoner ziet")).click();
        assertThat(page.locator("#voorbeeld")).containsText("We onderzoeken uw klacht.");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Status wijzigen")).click();
        assertThat(page.locator("#current-status")).hasText("In behandeling");
        assertAccessible();

        // The resident: a fresh browser context, never signed in.
        page.context().clearCookies();
        page.navigate(progressLink);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Waar staat uw aanvraag?");
        assertThat(page.locator("#huidige-stand")).hasText("We onderzoeken uw klacht.");
        assertThat(page.locator("main")).containsText("Mijn container is twee keer niet geleegd");
        assertThat(page.locator("main")).not().containsText("Wijkteam gevraagd");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(0);
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#huidige-stand")).hasText("We are looking into your complaint.");
        assertAccessible();
    }

    @Test
    void aLinkThatLeadsNowhereGetsAPlainAccessiblePage() {
        open("/volgen/" + ProgressTokens.generate());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("We kunnen deze pagina niet vinden");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("We cannot find this page");
        assertAccessible();
    }

    @Test
    void anAdvisorEditsTheStatusesOfACaseType() {
        Organisation tenant = data.tenant();
        User advisor = data.user(tenant, Role.ADVISOR);
        CaseFixtures.of(applicationContext).team(tenant.id(), "Burgerzaken");
        signIn(advisor);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Zaaktypen")).click();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuw zaaktype")).click();
        assertAccessible();
        page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Verhuizing doorgeven");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Status toevoegen")).click();
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Status 3"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Annuleren")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contactgegevens voor inwoners")).click();
        assertAccessible();
    }
}
