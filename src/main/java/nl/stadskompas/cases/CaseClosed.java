// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case reached a final status and is closed. Useful for continuous measurement (a short survey
 * after a request is done) and for lead-time figures.
 *
 * @param caseTypeId its case type
 * @param kind what kind of request it was
 * @param ownerTeamId the team that handled it
 * @param statusCode the final status
 * @param registeredAt when it was registered
 * @param closedAt when it was closed
 * @param normDate the date the norm promised
 * @param expectedDate the expected date at closing (later than the norm date after a delay)
 * @param workingDays how many working days it took
 * @param withinNorm whether it was done on or before the norm date
 */
public record CaseClosed(UUID tenantId, UUID caseId, String reference, UUID caseTypeId, CaseKind kind,
        UUID ownerTeamId, String statusCode, Instant registeredAt, Instant closedAt, LocalDate normDate,
        LocalDate expectedDate, int workingDays, boolean withinNorm) {
}
