// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.UUID;

/**
 * A service was removed; modules that keep data per service (norms, lead times, surveys) may tidy up.
 *
 * @param tenantId the organisation
 * @param serviceId the service that no longer exists
 */
public record ServiceRemoved(UUID tenantId, UUID serviceId) {
}
