// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment moved to another time or place, by an employee or by the resident.
 *
 * @param version the appointment's version after the change
 * @param previousStartsAt when it would have started
 * @param startsAt when it starts now
 */
public record AppointmentChanged(UUID tenantId, UUID appointmentId, int version, Instant previousStartsAt,
        Instant startsAt) {
}
