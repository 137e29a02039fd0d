// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journey of a newcomer: sign in as an advisor, find the framework, edit a promise and a norm,
 * publish, download the export and import it into another organisation. Every page is audited.
 */
class FrameworkBrowserTests extends BrowserTestSupport {

    @Test
    void advisorEditsPublishesExportsAndImportsIntoAnotherOrganisation() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        FrameworkTestOrganisation.team(jdbc, advisor.tenantId(), "Klantcontactcentrum");
        FrameworkTestOrganisation.team(jdbc, advisor.tenantId(), "Burgerzaken");
        for (String service : FrameworkDemoDataIntegrationTests.SERVICES) {
            FrameworkTestOrganisation.service(jdbc, advisor.tenantId(), service, null);
        }
        new FrameworkDemoData(applicationContext.getBean(OrganisationRegistry.class),
                applicationContext.getBean(FrameworkEditing.class), applicationContext.getBean(FrameworkExchange.class))
                .load(advisor.tenantId());

        signIn(advisor);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Dienstverleningskader")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dienstverleningskader De Twee Oevers");
        assertThat(page.getByText("Versie 1.0").first()).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nieuwe versie maken")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("nieuw concept");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wijzigen We nemen de tijd voor u")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Belofte P1 wijzigen");
        assertAccessible();
        page.getByLabel("Belofte", new Page.GetByLabelOptions().setExact(true)).fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByLabel("Belofte", new Page.GetByLabelOptions().setExact(true)).fill("We nemen echt de tijd voor u");
        page.getByLabel("Wat inwoners nodig hebben").fill("Hoor wat ik echt bedoel\nLaat mij uitpraten\nKijk naar mijn hele situatie");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("P1 We nemen echt de tijd voor u"))).isVisible();
        assertThat(page.getByText("Laat mij uitpraten")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wijzigen N1").setExact(true)).click();
        assertAccessible();
        page.getByLabel("Grens (getal)").fill("1");
        page.getByLabel("Voor wie geldt de norm").selectOption("TEAM");
        page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Klantcontactcentrum"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("opgeslagen");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("1 werkdagen")).first()).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publiceren")).click();
        assertThat(page.getByLabel("Versienummer")).hasValue("2.0");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publiceren")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("gepubliceerd");
        assertThat(page.getByText("Versie 2.0").first()).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versiegeschiedenis")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versie 1.0"))).isVisible();
        assertAccessible();
        page.goBack();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Downloaden als YAML")).click());
        assertThat(download.suggestedFilename()).isEqualTo("dienstverleningskader-2.0.yaml");
        Path file = Files.createTempFile("kader", ".yaml");
        download.saveAs(file);
        assertThat(Files.readString(file)).contains("We nemen echt de tijd voor u").contains("team: Klantcontactcentrum");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
        User other = data.userInNewTenant(Role.ADVISOR);
        FrameworkTestOrganisation.team(jdbc, other.tenantId(), "Klantcontactcentrum");
        signIn(other);
        open("/framework");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importeren uit een bestand")).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestand controleren en importeren")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("problemen");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Een ander bestand kiezen")).click();
        page.getByLabel("Bestand").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestand controleren en importeren")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Import gelukt");
        assertThat(page.getByText("dienst Paspoort aanvragen bestaat nog niet")).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bekijk het concept")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("P1 We nemen echt de tijd voor u"))).isVisible();
        assertThat(page.getByText("Nog niet gekoppeld").first()).isVisible();
        assertAccessible();
        Files.deleteIfExists(file);
    }
}
