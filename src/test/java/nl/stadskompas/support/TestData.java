// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.support;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.accounts.AccountManagement;
import nl.stadskompas.accounts.AccountManagement.NewAccount;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.SignedInUser;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builds the data a test needs through the modules' public APIs: a fresh tenant with a unique
 * name and users with a role in it. Every test makes its own, so tests never depend on each
 * other, also when they share one PostgreSQL database.
 */
public final class TestData {

    private final OrganisationRegistry organisations;
    private final AccountManagement accounts;

    private TestData(OrganisationRegistry organisations, AccountManagement accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    public static TestData of(ApplicationContext context) {
        return new TestData(context.getBean(OrganisationRegistry.class), context.getBean(AccountManagement.class));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Organisation tenant() {
        String slug = unique("gemeente");
        return organisations.register(slug, "Gemeente " + slug, null);
    }

    public User user(Organisation tenant, Role role) {
        NewAccount account = accounts.create(tenant.id(), unique("user"), "Test " + role.name().toLowerCase(), null, role);
        return new User(account.id(), account.username(), account.password(), tenant.id());
    }

    /** A user with a role in a new tenant of their own. */
    public User userInNewTenant(Role role) {
        return user(tenant(), role);
    }

    /**
     * A user as a test knows them.
     *
     * @param password the generated password, for signing in through the sign-in page
     */
    public record User(UUID id, String username, String password, UUID tenantId) {

        /** Signs the user in for one MockMvc request (the security chain still decides their role). */
        public RequestPostProcessor signedIn() {
            SignedInUser principal = new SignedInUser(id, username, "Test", null, true, false);
            return SecurityMockMvcRequestPostProcessors.authentication(
                    new UsernamePasswordAuthenticationToken(principal, null, List.of()));
        }

        /** HTTP Basic credentials for the REST API. */
        public RequestPostProcessor basic() {
            return SecurityMockMvcRequestPostProcessors.httpBasic(username, password);
        }
    }
}
