// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.UUID;

/**
 * A persona (a fictional resident who stands for a group) or a segment (a group described by its
 * traits). Shared by all journeys of the tenant.
 */
public record Persona(UUID id, UUID tenantId, Kind kind, String name, String description) {

    public enum Kind {
        PERSONA, SEGMENT;

        public String messageKey() {
            return "journeys.persona.kind." + name();
        }
    }
}
