// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;
import nl.stadskompas.contacts.Appointments.Booking;
import nl.stadskompas.contacts.Appointments.Preparation;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * In a real browser: a resident without JavaScript sets their preferences and moves and cancels an
 * appointment from the links in their messages, in Dutch and English; an employee books an
 * appointment and writes what to bring. Every page is audited for accessibility.
 */
class ContactsBrowserTests extends BrowserTestSupport {

    @Test
    void aResidentWithoutJavaScriptDecidesHowWeReachThem() {
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        UUID tenant = tenantWithContactDetails();
        String email = TestData.unique("lotte") + "@example.org";
        ContactPreferences preferences = applicationContext.getBean(ContactPreferences.class);

        open(preferences.preferencesLink(tenant, email));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("U bepaalt hoe wij u helpen");
        assertThat(page.locator("main")).containsText(email);
        assertThat(page.locator("main")).containsText("14 0123");
        assertAccessible();

        page.getByLabel("Sms").check();
        page.locator("#documentExpiry-yes").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keuzes opslaan")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul uw telefoonnummer in.");
        assertAccessible();
        assertThat(preferences.consents(tenant, email, ConsentKind.DOCUMENT_EXPIRY)).isFalse();

        page.getByLabel("Uw telefoonnummer (mobiel)").fill("06 98765432");
        page.locator("#documentExpiry-yes").check();
        page.locator("#lifeEvent-no").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keuzes opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw keuzes zijn opgeslagen.");
        assertAccessible();
        assertThat(preferences.consents(tenant, email, ConsentKind.DOCUMENT_EXPIRY)).isTrue();
        assertThat(preferences.preferences(tenant, email).orElseThrow().channel()).isEqualTo(ContactChannel.SMS);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You decide how we help you");
        assertAccessible();

        open("/voorkeuren/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
        assertAccessible();
    }

    @Test
    void aResidentMovesAndCancelsTheirAppointmentFromTheLink() {
        useContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        UUID tenant = tenantWithContactDetails();
        UUID service = ContactFixtures.of(applicationContext).passportService(tenant);
        Appointments appointments = applicationContext.getBean(Appointments.class);
        appointments.prepare(tenant, new Preparation(service, "Uw oude paspoort\nEen pasfoto", "Your old passport"));
        LocalDate day = LocalDate.now(Appointment.ZONE).plusDays(9);
        Appointment booked = appointments.book(tenant, null, new Booking(TestData.unique("bram") + "@example.org",
                "nl", service, "Stadhuis, Markt 1", day, LocalTime.of(10, 0)));

        open(appointments.changeLink(tenant, booked.id()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Uw afspraak");
        assertThat(page.locator("main")).containsText("Een pasfoto");
        assertAccessible();

        page.getByLabel("Datum").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afspraak verzetten")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Kies een datum.");
        assertAccessible();

        page.getByLabel("Datum").fill(day.plusDays(2).toString());
        page.getByLabel("Tijd").fill("14:30");
        // The browser's own date and time pickers may still be settling: send the form from the field.
        page.getByLabel("Tijd").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw afspraak is verzet.");
        assertThat(page.locator("main")).containsText("14:30");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("main")).containsText("Your old passport");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the appointment")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your appointment is cancelled");
        assertAccessible();
    }

    @Test
    void anEmployeeBooksAnAppointmentAndWritesWhatToBring() {
        Organisation tenant = data.tenant();
        User employee = data.user(tenant, Role.FRONT_OFFICE);
        ContactFixtures.of(applicationContext).passportService(tenant.id());

        signIn(employee);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Afspraken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Afspraken");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wat neemt iemand mee?")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon")).click();
        page.getByLabel("Wat neemt iemand mee (Nederlands)").fill("Uw oude paspoort\nEen pasfoto");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Opgeslagen.");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar afspraken")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Afspraak maken")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afspraak maken")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul een goed e-mailadres in");
        assertAccessible();
        String email = TestData.unique("sem") + "@example.org";
        page.getByLabel("E-mailadres").fill(email);
        page.getByLabel("Waar", new Page.GetByLabelOptions().setExact(true)).fill("Stadhuis, Markt 1");
        page.getByLabel("Datum").fill(LocalDate.now(Appointment.ZONE).plusDays(5).toString());
        page.getByLabel("Tijd").fill("09:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afspraak maken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Afspraak");
        assertThat(page.locator("main")).containsText(email);
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar afspraken")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voorkeuren van een inwoner")).click();
        page.getByLabel("E-mailadres of telefoonnummer").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        assertThat(page.locator("main")).containsText("Geen toestemming");
        assertAccessible();
    }

    private UUID tenantWithContactDetails() {
        UUID tenant = data.tenant().id();
        applicationContext.getBean(ContactSettingsManagement.class).save(tenant, new ContactDetails("14 0123",
                "werkdagen van 9 tot 17 uur", "weekdays from 9 am to 5 pm", null, "Marktplein 1, Oeverdam",
                "op afspraak", "by appointment"));
        return tenant;
    }
}
