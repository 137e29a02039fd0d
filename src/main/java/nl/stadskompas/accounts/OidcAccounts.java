// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.util.Locale;
import java.util.Optional;

import nl.stadskompas.platform.SignedInUser;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs in employees through the municipality's identity provider (Keycloak, Entra ID, ...). The
 * provider vouches for who someone is; Stadskompas decides what they may do: the person must have
 * an account here, matched on the {@code preferred_username} claim or, failing that, on a verified
 * e-mail address.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;

    OidcAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        // An e-mail address only counts when the provider says it verified it.
        String verifiedEmail = Boolean.TRUE.equals(oidc.getEmailVerified()) ? oidc.getEmail() : null;
        Account account = match(oidc.getPreferredUsername(), verifiedEmail)
                .filter(Account::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("account_unknown",
                        "No enabled Stadskompas account for this person", null)));
        return new SignedInUser(account.id(), account.username(), account.displayName(), null, true, false)
                .withIdToken(oidc.getIdToken());
    }

    Optional<Account> match(String preferredUsername, String email) {
        Optional<Account> byName = preferredUsername == null ? Optional.empty()
                : accounts.findByUsername(preferredUsername.trim().toLowerCase(Locale.ROOT));
        if (byName.isPresent() || email == null) {
            return byName;
        }
        return accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT));
    }
}
