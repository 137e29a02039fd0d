// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Memberships;
import nl.stadskompas.platform.SignedInUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up accounts for sign-in and, per request, for the role in the tenant the user works in.
 */
@Component
class AccountDirectory implements UserDetailsService, Memberships {

    private final Accounts accounts;
    private final OrganisationRegistry organisations;
    private final SignInThrottle throttle;

    AccountDirectory(Accounts accounts, OrganisationRegistry organisations, SignInThrottle throttle) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        boolean locked = throttle.isLocked(name);
        return accounts.findByUsername(name)
                .map(a -> new SignedInUser(a.id(), a.username(), a.displayName(), a.passwordHash(), a.enabled(), locked))
                .or(() -> locked
                        // An unknown name that is throttled answers like a known one: locked.
                        ? Optional.of(new SignedInUser(UUID.randomUUID(), name, name, null, true, true))
                        : Optional.empty())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Standing> of(UUID userId) {
        return accounts.findById(userId).map(a -> new Standing(a.enabled(), a.platformAdministrator(),
                a.memberships().stream()
                        .map(m -> new Membership(m.tenantId(), organisations.nameOf(m.tenantId()), m.role()))
                        .sorted(Comparator.comparing(Membership::tenantName))
                        .toList()));
    }
}
