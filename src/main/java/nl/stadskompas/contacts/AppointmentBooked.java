// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was booked. Listeners read its details with {@link Appointments#lockForMessages}.
 *
 * @param version the appointment's version after booking (1)
 * @param startsAt when it starts
 */
public record AppointmentBooked(UUID tenantId, UUID appointmentId, int version, Instant startsAt) {
}
