// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * In a real browser: an advisor finds the message log in the menu, opens the texts of messages,
 * tries a text with an unknown placeholder (refused, nothing saved), previews and saves a good one,
 * and goes back to the standard text. Every page is audited for accessibility.
 */
class NotificationsBrowserTests extends BrowserTestSupport {

    @Test
    void anAdvisorChecksTheLogAndRewritesATemplate() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        String email = TestData.unique("noor") + "@example.org";
        applicationContext.getBean(Messaging.class).queue(new OutgoingMessage(advisor.tenantId(), "cases.receipt",
                Channel.EMAIL, email, Locale.of("nl"), "Ontvangen (Z-7)", "Beste Noor,\nWe hebben het.",
                Instant.now().plusSeconds(86_400L * 365), "browser-1"));
        MessageTemplates templates = applicationContext.getBean(MessageTemplates.class);
        signIn(advisor);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Berichten").setExact(true)).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Berichten aan inwoners");
        assertThat(page.locator("main")).containsText(email);
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teksten van berichten aanpassen")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Teksten van berichten");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pas aan: Nieuwe stap in een zaak, Sms, Nederlands"))
                .click();
        assertThat(page.locator("main")).containsText("Dit is de standaardtekst.");
        assertAccessible();

        page.getByLabel("Tekst", new Page.GetByLabelOptions().setExact(true)).fill("Nieuws over {zaak}: {status}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Deze naam kennen we niet: {zaak}");
        assertAccessible();
        assertThat(templates.custom(advisor.tenantId(), "cases.status", Channel.SMS, "nl")).isEmpty();

        page.getByLabel("Tekst", new Page.GetByLabelOptions().setExact(true))
                .fill("Er is nieuws over uw zaak {reference}. {status} Kijk hier: {link}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon voorbeeld")).click();
        assertThat(page.locator("main")).containsText("Er is nieuws over uw zaak Z-2026-0042.");
        assertThat(page.locator("main")).containsText("B1 of makkelijker");
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De tekst is opgeslagen.");
        assertAccessible();
        assertThat(templates.custom(advisor.tenantId(), "cases.status", Channel.SMS, "nl")).isPresent();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terug naar standaardtekst")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De standaardtekst wordt weer gebruikt.");
        assertAccessible();
        assertThat(templates.custom(advisor.tenantId(), "cases.status", Channel.SMS, "nl")).isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("New step in a case: Text message, Dutch");
        assertAccessible();
        open("/berichten/sjablonen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Texts of messages");
        assertThat(page.locator("main")).not().containsText("??");
        assertAccessible();
        open("/berichten?status=QUEUED");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Messages to residents");
        assertThat(page.locator("main")).containsText("Waiting to be sent");
        assertThat(page.locator("main")).not().containsText("??");
        assertAccessible();
    }
}
