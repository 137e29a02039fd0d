// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case moved to another status. When {@link #informResident()} is true the resident should be
 * told; the texts to tell them are in {@link CaseTracking#find(UUID, UUID)} (the current status).
 * A final status is followed by {@link CaseClosed} in the same transaction.
 *
 * @param previousStatusCode the status it was in
 * @param statusCode the status it is in now
 * @param informResident whether the case type says the resident is told about this status
 * @param finalStatus whether this status closes the case
 * @param expectedDate the expected date at this moment
 * @param changedBy the employee, or null when the system did it
 */
public record CaseStatusChanged(UUID tenantId, UUID caseId, String reference, String previousStatusCode,
        String statusCode, boolean informResident, boolean finalStatus, LocalDate expectedDate, Instant changedAt,
        UUID changedBy) {
}
