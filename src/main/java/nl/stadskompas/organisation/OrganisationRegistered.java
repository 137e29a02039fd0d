// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.UUID;

/**
 * A new organisation (tenant) was registered.
 *
 * @param organisationId the new tenant's id
 * @param registeredBy the user who registered it, or {@code null} when the system did (demo data)
 */
public record OrganisationRegistered(UUID organisationId, UUID registeredBy) {
}
