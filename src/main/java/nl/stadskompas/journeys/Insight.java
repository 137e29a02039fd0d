// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.UUID;

/**
 * A pain point (something that goes wrong for residents) or an insight (something learned about
 * them). Shared by the journeys of a tenant: one pain point can be tied to steps of several journeys.
 */
public record Insight(UUID id, UUID tenantId, Kind kind, String title, String description) {

    public enum Kind {
        PAIN_POINT, INSIGHT;

        public String messageKey() {
            return "journeys.insight.kind." + name();
        }
    }
}
