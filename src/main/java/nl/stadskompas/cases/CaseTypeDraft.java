// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.List;
import java.util.UUID;

/**
 * What an employee enters to create or change a case type.
 *
 * @param name the name employees see, unique within the tenant
 * @param description what the request is, in plain language
 * @param kind what kind of request it is
 * @param serviceId the organisation's service it belongs to, or null
 * @param ownerTeamId the team that handles its cases
 * @param normDays the norm lead time in working days
 * @param statuses the statuses in order: the first is where a case starts
 */
public record CaseTypeDraft(String name, String description, CaseKind kind, UUID serviceId, UUID ownerTeamId,
        int normDays, List<StatusDefinition> statuses) {
}
