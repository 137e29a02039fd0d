// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.UUID;

/**
 * The hidden context a link carries and that is recorded with the answers: for which service,
 * through which channel, in which municipality, at which location. Every part is optional; an
 * unknown value is dropped, never an error.
 *
 * @param channel a code of {@link Channels}
 * @param location a short free name such as "Stadhuis Oeverdam"
 */
public record ResponseContext(UUID serviceId, String channel, UUID municipalityId, String location) {

    /** Longest location name, in characters. */
    public static final int LOCATION_MAX = 60;

    public static final ResponseContext NONE = new ResponseContext(null, null, null, null);
}
