// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The role a user has in one tenant. A user may have a different role in each tenant.
 */
public enum Role {
    ADMINISTRATOR(EnumSet.allOf(Permission.class)),
    ADVISOR(EnumSet.of(Permission.READ, Permission.ORGANISATION_EDIT, Permission.FRAMEWORK_EDIT,
            Permission.FRAMEWORK_PUBLISH, Permission.CASES_HANDLE, Permission.SURVEYS_EDIT,
            Permission.RESEARCH_DATA, Permission.JOURNEYS_EDIT)),
    TEAM_MANAGER(EnumSet.of(Permission.READ, Permission.ORGANISATION_EDIT, Permission.CASES_HANDLE)),
    FRONT_OFFICE(EnumSet.of(Permission.READ, Permission.CASES_HANDLE)),
    VIEWER(EnumSet.of(Permission.READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** The message key of the role's name as users read it. */
    public String messageKey() {
        return "role." + name();
    }
}
