// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A suspension or extension of a case: why, and from which expected date to which.
 *
 * @param explanation an optional explanation written for the resident
 * @param delayedBy the employee who recorded it
 */
@org.springframework.data.relational.core.mapping.Table("case_file_delay")
public record Delay(DelayKind kind, DelayReason reason, String explanation, LocalDate previousDate, LocalDate newDate,
        Instant delayedAt, UUID delayedBy) {
}
