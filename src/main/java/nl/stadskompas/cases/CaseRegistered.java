// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case was registered. A listener that confirms receipt to the resident finds how to reach them
 * with {@link CaseTracking#requester(UUID, UUID)}.
 *
 * @param tenantId the organisation
 * @param caseId the new case
 * @param reference the reference the resident reads, such as {@code Z-2026-000123}
 * @param caseTypeId its case type
 * @param kind what kind of request it is
 * @param channel how it came in
 * @param ownerTeamId the team that handles it
 * @param registeredAt when it was registered
 * @param expectedDate when it is expected to be done (the norm in working days)
 * @param statusCode the status it starts in
 * @param informResident whether that first status is one the resident is told about
 * @param registeredBy the employee who registered it, or null when the system did
 */
public record CaseRegistered(UUID tenantId, UUID caseId, String reference, UUID caseTypeId, CaseKind kind,
        IntakeChannel channel, UUID ownerTeamId, Instant registeredAt, LocalDate expectedDate, String statusCode,
        boolean informResident, UUID registeredBy) {
}
