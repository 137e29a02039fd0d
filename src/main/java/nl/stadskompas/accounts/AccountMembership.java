// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.util.UUID;

import nl.stadskompas.platform.Role;

import org.springframework.data.relational.core.mapping.Table;

/**
 * The role an account has in one tenant.
 */
@Table("account_membership")
record AccountMembership(UUID tenantId, Role role) {
}
