// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import java.util.List;

import nl.stadskompas.platform.Memberships.Membership;
import nl.stadskompas.platform.NavigationItem;

/**
 * What the page shell shows of the signed-in user: their name, the tenants they can switch
 * between, the current tenant and the navigation entries their role allows.
 */
public record Shell(String displayName, List<Membership> tenants, Membership currentTenant,
        List<NavigationItem> navigation, boolean platformAdministrator) {
}
