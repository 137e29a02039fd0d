// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.UUID;

/** A group of related journeys, for example "permission" or "support". */
public record Cluster(UUID id, UUID tenantId, String name, String description) {
}
