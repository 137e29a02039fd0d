// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import nl.stadskompas.platform.Memberships;
import nl.stadskompas.platform.Memberships.Membership;
import nl.stadskompas.platform.Memberships.Standing;
import nl.stadskompas.platform.SignedInUser;
import nl.stadskompas.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides, for every request of a signed-in user, which tenant they work in and with which role,
 * and replaces the request's authentication by one carrying exactly that role's permissions.
 * Roles are read fresh on every request, so a withdrawn role or a disabled account takes effect
 * at once. Pages keep the chosen tenant in the session; API clients name it in a header.
 */
final class TenantFilter extends OncePerRequestFilter {

    static final String TENANT_HEADER = "X-Tenant-Id";
    static final String SESSION_TENANT = "stadskompas.tenant";
    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final Memberships memberships;

    TenantFilter(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Standing> standing = memberships.of(user.id());
        if (standing.isEmpty() || !standing.get().enabled()) {
            // The account was removed or disabled after sign-in: end the session.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            chain.doFilter(request, response);
            return;
        }
        Optional<Membership> membership = chooseTenant(request, standing.get());
        if (membership.isEmpty() && request.getHeader(TENANT_HEADER) != null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (standing.get().platformAdministrator()) {
            authorities.add(new SimpleGrantedAuthority(PLATFORM_ADMIN));
        }
        TenantContext context = null;
        if (membership.isPresent()) {
            Membership m = membership.get();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + m.role().name()));
            m.role().permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
            context = new TenantContext(m.tenantId(), user.id(), user.getUsername(), m.role());
            request.setAttribute(TenantContext.class.getName(), context);
            request.setAttribute(Membership.class.getName(), m);
        }
        request.setAttribute(Standing.class.getName(), standing.get());
        var requestContext = new SecurityContextImpl(new TenantAuthentication(user, context, authorities));
        var original = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(requestContext);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }

    private Optional<Membership> chooseTenant(HttpServletRequest request, Standing standing) {
        String header = request.getHeader(TENANT_HEADER);
        if (header != null) {
            return parse(header).flatMap(standing::in);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_TENANT) instanceof UUID chosen) {
            Optional<Membership> found = standing.in(chosen);
            if (found.isPresent()) {
                return found;
            }
        }
        return standing.tenants().stream().findFirst();
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
