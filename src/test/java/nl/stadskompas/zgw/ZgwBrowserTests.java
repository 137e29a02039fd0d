// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * An administrator connects the case system in a real browser: the connection with its secrets,
 * a zaaktype and a statustype, and the intake log with a notification that waits. Every page is
 * audited for accessibility.
 */
class ZgwBrowserTests extends BrowserTestSupport {

    @Test
    void anAdministratorConnectsTheCaseSystemAndReadsTheIntakeLog() throws Exception {
        Organisation tenant = data.tenant();
        User admin = data.user(tenant, Role.ADMINISTRATOR);
        CaseFixtures fixtures = CaseFixtures.of(applicationContext);
        fixtures.complaintType(tenant.id(), fixtures.team(tenant.id(), "Klantcontact"));

        try (ZgwStub stub = new ZgwStub(ZgwClientTests.SECRET)) {
            signIn(admin);
            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Zaaksysteem")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Zaaksysteem koppelen");
            assertAccessible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verbinding instellen")).click();
            assertAccessible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
            assertAccessible();
            page.getByLabel("Adres van de Zaken API").fill(stub.zakenUrl());
            page.getByLabel("Adres van de Catalogi API").fill(stub.catalogiUrl());
            page.getByLabel("Adres van de Notificaties API").fill(stub.notificatiesUrl());
            page.getByLabel("Client-ID").fill("stadskompas");
            page.getByLabel("Geheim (secret)").fill(ZgwClientTests.SECRET);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("opgeslagen");
            assertThat(page.locator("main")).not().containsText(ZgwClientTests.SECRET);
            assertAccessible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Zaaktype toevoegen")).click();
            assertAccessible();
            page.getByLabel("Zaaktype in de Catalogi API (webadres)").fill(stub.zaaktypeUrl());
            page.getByLabel("Zaaktype in Stadskompas").selectOption(new SelectOption().setIndex(0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Zaaktype uit het zaaksysteem");
            page.getByLabel("Statustype (webadres, volgnummer of omschrijving)").fill("2");
            page.getByLabel("Status in Stadskompas").selectOption("IN_BEHANDELING");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen")).click();
            assertThat(page.locator("main table")).containsText("In behandeling");
            assertAccessible();

            // A notification about a zaak the case system cannot give yet waits on the intake log.
            String zaak = stub.zaak("Klacht", stub.zaaktypeUrl());
            stub.hide(zaak);
            ZgwIntake intake = applicationContext.getBean(ZgwIntake.class);
            intake.receive(tenant.id(), "Bearer " + applicationContext.getBean(ZgwSettings.class).find(tenant.id())
                    .orElseThrow().callbackToken(), stub.notification("zaak", zaak, zaak, "create"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> intake.log(tenant.id(), 5).getFirst().attempts() >= 1);
            open("/zgw/intake");
            assertThat(page.locator("main table")).containsText("Wordt later opnieuw geprobeerd");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opnieuw proberen")))
                    .isVisible();
            assertAccessible();
        }
    }
}
