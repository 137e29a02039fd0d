// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * An advisor imports an earlier survey: uploads a file with a mistake, reads where it is, maps the
 * columns, loads the corrected file and imports it; then finds the downloads and the contact
 * consents. Every page is audited for accessibility.
 */
class FeedbackDataBrowserTests extends BrowserTestSupport {

    private Path file(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        page.waitForLoadState();
    }

    @Test
    void advisorImportsAnEarlierSurveyAfterFixingTheFileAndFindsTheDownloads() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        Questionnaire q = new FeedbackFixtures(applicationContext)
                .publishedQuestionnaire(FeedbackFixtures.as(advisor, Role.ADVISOR));
        signIn(advisor);

        open("/feedback/" + q.id());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eerdere antwoorden importeren")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Eerdere antwoorden importeren");
        assertAccessible();

        // A file that is not CSV at all is refused on the spot, next to the field.
        page.getByLabel("Bestand").setInputFiles(file("leeg.csv", ""));
        button("Bestand laden");
        assertThat(page.getByText("Het bestand is leeg.")).isVisible();
        assertAccessible();

        page.getByLabel("Bestand").setInputFiles(file("enquete-2024.csv",
                "Datum;S1;Cijfer;Leeftijd\n3-6-2024;4;8;u25\n4-6-2024;zes;8;u25\n"));
        button("Bestand laden");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Kolommen koppelen");
        assertAccessible();
        page.getByLabel("Kolom C (Cijfer) hoort bij").selectOption("MARK");
        page.getByLabel("Kolom D (Leeftijd) hoort bij").selectOption("AGE");
        button("Opslaan en controleren");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Er zijn problemen in het bestand");
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Vul 1 tot en met 5 in"))).containsText("B (S1)");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ander bestand kiezen")).click();
        page.getByLabel("Bestand").setInputFiles(file("enquete-2024.csv",
                "Datum;S1;Cijfer;Leeftijd\n3-6-2024;4;8;u25\n4-6-2024;5;8;u25\n"));
        button("Bestand laden");
        page.getByLabel("Kolom C (Cijfer) hoort bij").selectOption("MARK");
        page.getByLabel("Kolom D (Leeftijd) hoort bij").selectOption("AGE");
        button("Opslaan en controleren");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Het bestand is in orde");
        assertAccessible();
        button("2 reacties importeren");

        assertThat(page.getByText("2 reacties zijn geïmporteerd.")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("2 reacties geïmporteerd");
        assertAccessible();

        open("/feedback/" + q.id());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gegevens downloaden")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alle antwoorden (voor onderzoekers)")))
                .isVisible();
        assertAccessible();

        open("/feedback");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mensen die contact willen")).click();
        assertThat(page.getByText("Er zijn nu geen mensen die contact willen.")).isVisible();
        assertAccessible();
    }
}
