// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was cancelled, by an employee or by the resident.
 *
 * @param version the appointment's version after cancelling
 * @param startsAt when it would have started
 */
public record AppointmentCancelled(UUID tenantId, UUID appointmentId, int version, Instant startsAt) {
}
