// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.Instant;
import java.util.UUID;

/**
 * A journey: its designed map as it is being edited, the number of its latest published version,
 * and who changed it last. {@code rowVersion} guards against two people saving over each other.
 */
public record Journey(UUID id, UUID tenantId, JourneyContent content, Integer publishedVersion, Instant updatedAt,
        String updatedBy, long rowVersion) {

    public String name() {
        return content.name();
    }
}
