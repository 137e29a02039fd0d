// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.security;

import java.io.Serial;
import java.util.Collection;

import nl.stadskompas.platform.SignedInUser;
import nl.stadskompas.platform.TenantContext;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authentication of one request: the signed-in user with the authorities of their role in the
 * tenant they work in. Built anew for each request and never stored in the session.
 */
final class TenantAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInUser user;
    private final transient TenantContext context;

    TenantAuthentication(SignedInUser user, TenantContext context, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        this.context = context;
        setAuthenticated(true);
    }

    TenantContext context() {
        return context;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }
}
