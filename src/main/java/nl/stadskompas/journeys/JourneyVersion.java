// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.Instant;
import java.util.UUID;

/** A published version of a journey: a frozen copy of its designed map. */
public record JourneyVersion(UUID journeyId, int number, String note, Instant publishedAt, String publishedBy,
        JourneyContent content) {
}
