// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An appointment as pages, the API and the messages about it see it.
 *
 * @param serviceName the name of the service, as the organisation module knows it
 * @param status {@code BOOKED} or {@code CANCELLED}
 * @param version goes up with every change
 * @param email the person's e-mail address, or null
 * @param language the person's preferred language
 * @param bringNl what to bring, in Dutch (null when the service has nothing to say)
 * @param bringEn the same in English (null: use the Dutch)
 */
public record Appointment(UUID id, UUID tenantId, UUID serviceId, String serviceName, String place, Instant startsAt,
        String status, int version, String email, String language, String bringNl, String bringEn) {

    /** Appointments are at the municipality's desk, in Dutch time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public LocalDate date() {
        return startsAt.atZone(ZONE).toLocalDate();
    }

    public LocalTime time() {
        return startsAt.atZone(ZONE).toLocalTime();
    }

    /** What to bring, in the language asked for, or null. */
    public String whatToBring(boolean english) {
        return english && bringEn != null && !bringEn.isBlank() ? bringEn : bringNl;
    }
}
