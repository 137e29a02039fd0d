// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A journey as one participant lived it, recorded from an interview or by walking along. The
 * participant is a pseudonym ("Participant A"), never a real name.
 *
 * @param personaId the persona or segment the participant belongs to, or null
 */
public record LivedJourney(UUID id, UUID tenantId, UUID journeyId, String participant, UUID personaId, Method method,
        LocalDate recordedOn, List<StepExperience> experiences) {

    public LivedJourney {
        experiences = experiences == null ? List.of() : List.copyOf(experiences);
    }

    public Optional<StepExperience> experience(String stepId) {
        return experiences.stream().filter(e -> e.stepId().equals(stepId)).findFirst();
    }

    /** How the journey was recorded. */
    public enum Method {
        INTERVIEW, SHADOWING;

        public String messageKey() {
            return "journeys.lived.method." + name();
        }
    }

    /** How a step felt. */
    public enum Experience {
        POSITIVE(1), NEUTRAL(0), NEGATIVE(-1);

        private final int value;

        Experience(int value) {
            this.value = value;
        }

        /** +1, 0 or -1, for the experience curve. */
        public int value() {
            return value;
        }

        public String messageKey() {
            return "journeys.experience." + name();
        }
    }

    /** One step as the participant experienced it, with a quote in their words (optional). */
    public record StepExperience(String stepId, Experience experience, String quote) {
    }
}
