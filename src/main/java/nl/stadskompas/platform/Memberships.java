// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Extension point: tells the platform, per request, in which tenants a user works and with which
 * role. The accounts module implements it; the platform only reads it.
 */
public interface Memberships {

    /** The user's current standing, or empty when the account no longer exists. */
    Optional<Standing> of(UUID userId);

    /**
     * @param enabled whether the account may still be used
     * @param platformAdministrator whether the user may register new organisations
     * @param tenants the tenants the user works in, in the order to offer them
     */
    record Standing(boolean enabled, boolean platformAdministrator, List<Membership> tenants) {

        public Optional<Membership> in(UUID tenantId) {
            return tenants.stream().filter(m -> m.tenantId().equals(tenantId)).findFirst();
        }
    }

    /** A role in one tenant, with the tenant's name for display. */
    record Membership(UUID tenantId, String tenantName, Role role) {
    }
}
