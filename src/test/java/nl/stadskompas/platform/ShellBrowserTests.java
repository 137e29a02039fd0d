// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;

/**
 * The sign-in page, the page shell and user management as an employee meets them, each page
 * audited for accessibility.
 */
class ShellBrowserTests extends BrowserTestSupport {

    @Test
    void signInPageIsAccessibleInDutchAndEnglish() {
        open("/login");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertAccessible();
    }

    @Test
    void wrongPasswordShowsAnAccessibleMessage() {
        User user = data.userInNewTenant(Role.VIEWER);
        open("/login");
        page.getByLabel("Gebruikersnaam").fill(user.username());
        page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("klopt niet");
        assertAccessible();
    }

    @Test
    void administratorSignsInSeesTheMenuAndCreatesAUser() {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        signIn(admin);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welkom");
        assertAccessible();
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Gebruikers")).click();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe gebruiker")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Controleer deze velden");
        assertAccessible();
        page.getByLabel("Gebruikersnaam").fill(nl.stadskompas.support.TestData.unique("a.bakker"));
        page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Anna Bakker");
        page.getByLabel("Rol").selectOption("ADVISOR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gebruiker aanmaken")).click();
        assertThat(page.locator("#created-password")).hasText(java.util.regex.Pattern.compile("\\S{20}"));
        assertAccessible();
    }

    @Test
    void myAccountPageIsAccessible() {
        User viewer = data.userInNewTenant(Role.VIEWER);
        signIn(viewer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Test viewer")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mijn account"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord wijzigen")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        assertAccessible();
    }

    @Test
    void unknownPageIsPlainAndAccessible() {
        User viewer = data.userInNewTenant(Role.VIEWER);
        signIn(viewer);
        open("/admin/users/" + java.util.UUID.randomUUID());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertAccessible();
    }
}
