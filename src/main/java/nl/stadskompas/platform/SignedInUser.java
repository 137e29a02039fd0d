// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The principal of a signed-in employee, whether they signed in with a built-in account or through
 * OpenID Connect. It carries only the identity; roles are looked up per request for the tenant the
 * user works in (see {@link Memberships}), so a changed or withdrawn role takes effect at once.
 */
public final class SignedInUser implements UserDetails, OidcUser, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final OidcIdToken idToken;

    public SignedInUser(UUID id, String username, String displayName, String passwordHash, boolean enabled,
            boolean locked) {
        this(id, username, displayName, passwordHash, enabled, locked, null);
    }

    private SignedInUser(UUID id, String username, String displayName, String passwordHash, boolean enabled,
            boolean locked, OidcIdToken idToken) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.idToken = idToken;
    }

    /** The same user, signed in through OpenID Connect with the given token. */
    public SignedInUser withIdToken(OidcIdToken token) {
        return new SignedInUser(id, username, displayName, null, enabled, locked, token);
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // Authorities depend on the tenant of the request; they are set per request.
        return List.of();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + "]";
    }
}
