// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * An advisor looks at the organisation, changes a service through its form and finds the team
 * for a topic, in a real browser; every page is audited for accessibility.
 */
class OrganisationBrowserTests extends BrowserTestSupport {

    @Test
    void advisorReviewsTheOrganisationEditsAServiceAndSearchesTheDirectory() {
        Organisation tenant = data.tenant();
        SampleOrganisation sample = SampleOrganisation.in(applicationContext.getBean(OrganisationStructure.class),
                tenant.id());
        User advisor = data.user(tenant, Role.ADVISOR);
        signIn(advisor);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Organisatie")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Organisatie");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                .setName("Diensten met het team dat ze uitvoert, de kanalen en de gemeenten")))
                .containsText("Paspoort aanvragen");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Paspoort aanvragen")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Paspoort aanvragen");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dienst wijzigen")).click();
        assertAccessible();
        page.getByLabel("Naam van de dienst").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul dit veld in.");
        assertAccessible();

        page.getByLabel("Naam van de dienst").fill("Paspoort of ID-kaart aanvragen");
        page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).selectOption("Burgerzaken");
        page.getByLabel("Videobellen").check();
        page.getByLabel("Online").uncheck();
        page.getByLabel("Gemeente Zuidwaard").uncheck();
        page.getByLabel("Zoekwoorden").fill("reisdocument, legitimatie");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw wijziging is opgeslagen.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Paspoort of ID-kaart aanvragen");
        assertThat(page.locator("main")).containsText("Videobellen");
        assertThat(page.locator("main")).containsText("legitimatie");
        assertAccessible();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Wie doet wat")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alle teams van A tot Z")))
                .isVisible();
        assertAccessible();
        page.getByLabel("Waar gaat de vraag over?").fill("legitimatie");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 team gevonden");
        Locator result = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Burgerzaken"));
        assertThat(result.first()).containsText("Paspoort of ID-kaart aanvragen");
        assertThat(result.first()).containsText("Videobellen");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Burgerzaken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Burgerzaken");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team verwijderen")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, verwijderen")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit team heeft nog diensten");
        assertAccessible();
    }

    @Test
    void theOtherFormsAndTheAdministrationPageAreAccessibleInBothLanguages() {
        Organisation tenant = data.tenant();
        SampleOrganisation sample = SampleOrganisation.in(applicationContext.getBean(OrganisationStructure.class),
                tenant.id());
        User admin = data.user(tenant, Role.ADMINISTRATOR);
        applicationContext.getBean(nl.stadskompas.accounts.AccountManagement.class).makePlatformAdministrator(admin.id());
        signIn(admin);

        open("/organisation/teams/new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul dit veld in.");
        assertAccessible();
        page.getByLabel("Naam van het team").fill("Wijkteam");
        page.getByLabel("Domein", new Page.GetByLabelOptions().setExact(true)).selectOption("Sociaal domein");
        page.getByLabel("Kerntaken").fill("Komt bij mensen thuis.\nWerkt samen met de huisarts.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Wijkteam");
        assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("huisarts")))
                .hasCount(1);
        assertAccessible();

        open("/organisation/municipalities/" + sample.north().id() + "/edit");
        page.getByLabel("CBS-code").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("CBS-code");
        assertAccessible();
        open("/organisation/municipalities/" + sample.north().id() + "/delete");
        assertAccessible();
        open("/organisation/domains/new");
        assertAccessible();
        open("/organisation/services/new");
        assertAccessible();

        open("/admin/organisations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Organisatie aanmelden")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        open("/organisation");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Domains and teams"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage organisations"))).isVisible();
        assertAccessible();
        open("/directory?q=paspoort");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 team found");
        assertAccessible();
    }
}
