// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.List;
import java.util.UUID;

/**
 * A case type as employees and the API see it.
 */
public record CaseTypeView(UUID id, String name, String description, CaseKind kind, UUID serviceId,
        UUID ownerTeamId, int normDays, List<StatusDefinition> statuses) {
}
