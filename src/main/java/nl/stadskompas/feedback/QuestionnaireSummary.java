// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.UUID;

/**
 * A line in the list of questionnaires.
 *
 * @param publishedNumber the number of the current published version, or null
 * @param hasDraft whether a draft version exists
 * @param responses how many responses were received
 */
public record QuestionnaireSummary(UUID id, String name, QuestionnaireKind kind, Schedule schedule, UUID baseId,
        UUID serviceId, Integer publishedNumber, boolean hasDraft, long responses) {
}
