// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case was suspended or extended: it will be done later than expected. The resident should always
 * be told, with the reason and the new date.
 *
 * @param kind suspension (opschorting) or extension (verlenging)
 * @param reason why, from a fixed list with plain texts in Dutch and English
 *        ({@code cases.delayReason.<REASON>} in the cases messages)
 * @param explanation an optional explanation an employee wrote for the resident, or null
 * @param previousDate the expected date before
 * @param newDate the new expected date
 * @param delayedBy the employee who recorded it
 */
public record CaseDelayed(UUID tenantId, UUID caseId, String reference, DelayKind kind, DelayReason reason,
        String explanation, LocalDate previousDate, LocalDate newDate, Instant delayedAt, UUID delayedBy) {
}
