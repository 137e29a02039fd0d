// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.UUID;

/**
 * A municipality was removed from an organisation; services no longer mention it.
 *
 * @param tenantId the organisation
 * @param municipalityId the municipality that no longer exists
 */
public record MunicipalityRemoved(UUID tenantId, UUID municipalityId) {
}
