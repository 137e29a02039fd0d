// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.UUID;

/**
 * A team was removed. It owned no services any more; modules that keep data per team (norms, open
 * work) may tidy up.
 *
 * @param tenantId the organisation
 * @param teamId the team that no longer exists
 */
public record TeamRemoved(UUID tenantId, UUID teamId) {
}
