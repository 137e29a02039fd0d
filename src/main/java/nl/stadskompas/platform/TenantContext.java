// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import java.util.UUID;

/**
 * The signed-in employee and the tenant they are working in for this request. Controllers
 * declare it as a parameter; every query a module makes filters on {@link #tenantId()}.
 *
 * @param tenantId the organisation whose data this request may see
 * @param userId the signed-in user
 * @param username the user's sign-in name
 * @param role the user's role in this tenant
 */
public record TenantContext(UUID tenantId, UUID userId, String username, Role role) {

    public boolean can(Permission permission) {
        return role.allows(permission);
    }

    /** Throws {@link AccessDeniedException} unless the user's role allows the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Role " + role + " lacks " + permission);
        }
    }
}
