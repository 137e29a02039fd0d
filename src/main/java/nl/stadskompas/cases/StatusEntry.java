// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A status a case reached, with the texts of that status as they were at that moment (so the
 * timeline keeps telling what the resident was told), when, by whom and an internal note.
 *
 * @param changedBy the employee, or null when the system did it
 * @param note an internal note for colleagues; never shown to the resident
 */
@org.springframework.data.relational.core.mapping.Table("case_file_status")
public record StatusEntry(String code, String name, String residentTextNl, String residentTextEn, String nextStepNl,
        String nextStepEn, Actor actor, boolean informResident, boolean finalStatus, Instant changedAt,
        UUID changedBy, String note) {

    static StatusEntry of(StatusDefinition s, Instant at, UUID by, String note) {
        return new StatusEntry(s.code(), s.name(), s.residentTextNl(), s.residentTextEn(), s.nextStepNl(),
                s.nextStepEn(), s.actor(), s.informResident(), s.finalStatus(), at, by, note);
    }

    public String residentText(boolean english) {
        return english ? residentTextEn : residentTextNl;
    }

    public String nextStep(boolean english) {
        return english ? nextStepEn : nextStepNl;
    }
}
