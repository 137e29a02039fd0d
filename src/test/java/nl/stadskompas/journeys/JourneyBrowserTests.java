// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newcomer opens the demo journey, sees the map with its curve, adds a step, links a survey
 * question and sees its score, records a lived journey, compares it with the designed one, and
 * downloads the map as PDF; then changes a persona, an opportunity and a lived journey, and reads
 * the map in English. Every page is audited with axe.
 */
class JourneyBrowserTests extends BrowserTestSupport {

    @Test
    void newcomerWorksThroughTheDemoJourney() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        TenantContext tenant = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        Questionnaire questionnaire = JourneyFixtures.questionnaire(applicationContext, tenant);
        JourneyFixtures.responses(applicationContext.getBean(JdbcClient.class), questionnaire, 5, 4, 4, 3, 5, 2);
        applicationContext.getBean(DemoJourneys.class).load(advisor.tenantId());

        signIn(advisor);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Klantreizen")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Klantreizen");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DemoJourneys.PASSPORT)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(DemoJourneys.PASSPORT);
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Klantreiskaart: " + DemoJourneys.PASSPORT)))
                .isVisible();
        assertThat(page.locator("svg polyline").first()).isAttached();
        assertAccessible();

        // add a step
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stap toevoegen")).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByLabel("Fase").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Gebruiken of wijzigen"));
        page.getByLabel("Naam van de stap").fill("Paspoort controleren");
        page.getByLabel("Kanaal").selectOption("DESK");
        page.getByLabel("Hoe lang duurt het meestal?").fill("5 minuten");
        page.getByLabel("Behoefte").fill("Ik wil zien dat alles klopt, zodat ik zonder zorgen op reis kan.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De stap is toegevoegd.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Paspoort controleren"))).isVisible();
        assertAccessible();

        // move it up, without JavaScript needed: a plain form button
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Omhoog\\W+Paspoort controleren"))).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("verplaatst");

        // link a survey question to the new step
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Enquêtevraag koppelen\\W+Paspoort controleren"))).click();
        assertAccessible();
        page.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true)).selectOption(
                new com.microsoft.playwright.options.SelectOption().setLabel("Balie-onderzoek: Ik kon snel een afspraak maken"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De vraag is gekoppeld.");
        assertThat(page.locator("li.jr-step", new Page.LocatorOptions().setHasText("Paspoort controleren")))
                .containsText("Gemiddeld 3,8 van 5, 67% positief, 6 antwoorden");
        assertAccessible();

        // record a lived journey
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Geleefde reis vastleggen")).click();
        assertAccessible();
        page.getByLabel("Deelnemer", new Page.GetByLabelOptions().setExact(true)).fill("Deelnemer G");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("2. Afspraak maken"))
                .getByLabel("Negatief").check();
        page.locator("#q-s2").fill("Ik moest drie keer proberen.");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("4. Aanvragen aan de balie"))
                .getByLabel("Positief").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De geleefde reis is vastgelegd.");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ontworpen stappen naast de beleving per deelnemer")))
                .containsText("Ik moest drie keer proberen.");
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Deelnemer G"))).isVisible();
        assertAccessible();

        // filter by persona
        page.getByLabel("Bekijk voor").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon")).click();
        assertThat(page.getByText("U ziet de stappen en geleefde reizen van")).isVisible();
        assertAccessible();

        // download the map as PDF
        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(60_000), () -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download als PDF")).click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true)));
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // the opportunities of all journeys
        open("/journeys/opportunities");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Herinnering op tijd sturen");
        assertAccessible();
        open("/journeys/library");
        assertAccessible();

        // change a persona in the library, and try to delete one that a journey still uses
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Wijzigen\\W+Samira"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Samira");
        assertAccessible();
        page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Samira, begint een restaurant");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw wijziging is opgeslagen.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Wijzigen\\W+Samira, begint"))).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Verwijderen\\W+Samira"))).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit kan niet weg, want het wordt nog gebruikt in");
        assertAccessible();

        // change an opportunity and its solutions, and a lived journey
        open("/journeys");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DemoJourneys.PASSPORT)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Wijzigen\\W+Herinnering op tijd sturen"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Kans wijzigen");
        assertAccessible();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Nieuwe oplossing (mag leeg)"))
                .getByLabel("Uitleg bij de oplossing").fill("Zonder naam");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Nieuwe oplossing (mag leeg)"))
                .getByLabel("Mogelijke oplossing").fill("Sms een maand voor het verlopen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw wijziging is opgeslagen.");
        assertThat(page.locator("#kansen ~ ul").first()).containsText("Sms een maand voor het verlopen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Wijzigen\\W+Deelnemer E"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Geleefde reis wijzigen");
        assertAccessible();

        // the same map in English: the standard phases in English
        open("/journeys?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DemoJourneys.PASSPORT)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Applying"))).isVisible();
        assertAccessible();
    }
}
