// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of the version history.
 */
public record VersionSummary(UUID id, VersionStatus status, String label, String name, String basedOn,
        Instant createdAt, Instant publishedAt, String publishedByName) {
}
