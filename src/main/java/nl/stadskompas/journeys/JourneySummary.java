// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.Instant;
import java.util.UUID;

/** A journey as listed. */
public record JourneySummary(UUID id, String name, UUID clusterId, UUID ownerTeamId, int steps,
        Integer publishedVersion, Instant updatedAt) {
}
