// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through an OpenID Connect provider, end to end: a real OIDC server runs in the test,
 * the browser follows the redirects, and Stadskompas decides from its own accounts who may enter.
 */
class OidcSignInBrowserTests extends BrowserTestSupport {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.gemeente.client-id", () -> "stadskompas");
        registry.add(prefix + "registration.gemeente.client-secret", () -> "test-secret");
        registry.add(prefix + "registration.gemeente.client-name", () -> "Gemeente-account");
        registry.add(prefix + "registration.gemeente.scope", () -> "openid,profile,email");
        registry.add(prefix + "provider.gemeente.issuer-uri", () -> PROVIDER.issuerUrl("gemeente").toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Autowired
    AccountManagement accounts;

    private void providerSignsInAs(String username, String email, boolean emailVerified) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", "subject-" + username, "JWT",
                List.of("stadskompas"), Map.of("preferred_username", username, "email", email,
                        "email_verified", emailVerified, "name", username), 3600));
    }

    @Test
    void anEmployeeWithAnAccountSignsInThroughTheProvider() {
        Organisation tenant = data.tenant();
        TestData.User advisor = data.user(tenant, Role.ADVISOR);
        open("/login");
        assertAccessible();
        providerSignsInAs(advisor.username(), advisor.username() + "@example.org", false);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Gemeente-account")).click();
        page.waitForURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welkom");
        assertThat(page.getByText(tenant.name()).first()).isVisible();
    }

    @Test
    void aVerifiedEmailAddressFindsTheAccountWhenTheNameDiffers() {
        Organisation tenant = data.tenant();
        TestData.User viewer = data.user(tenant, Role.VIEWER);
        String email = viewer.username() + "@gemeente.example";
        accounts.describe(tenant.id(), viewer.id(), "Vera Viewer", email);
        open("/login");
        providerSignsInAs("ander-" + viewer.username(), email, true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Gemeente-account")).click();
        page.waitForURL(url("/"));
        assertThat(page.getByText("Welkom, Vera Viewer")).isVisible();
    }

    @Test
    void anUnverifiedEmailAddressIsNotEnoughToSignIn() {
        Organisation tenant = data.tenant();
        TestData.User viewer = data.user(tenant, Role.VIEWER);
        String email = viewer.username() + "@gemeente.example";
        accounts.describe(tenant.id(), viewer.id(), "Vera Viewer", email);
        open("/login");
        providerSignsInAs("ander-" + viewer.username(), email, false);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Gemeente-account")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Inloggen via uw organisatie lukte niet");
    }

    @Test
    void aPersonWithoutAnAccountIsTurnedAwayWithAPlainMessage() {
        open("/login");
        providerSignsInAs(TestData.unique("onbekend"), "onbekend@example.org", true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Gemeente-account")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Inloggen via uw organisatie lukte niet");
        assertAccessible();
        open("/");
        assertThat(page).hasURL(url("/login"));
    }
}
