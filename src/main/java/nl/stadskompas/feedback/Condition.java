// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;

/**
 * Shows a question only after a given answer to an earlier question: for example the follow-up
 * "What went wrong?" only to those who disagreed (1 or 2).
 *
 * @param questionKey the earlier question
 * @param values the answers (scale values or option codes) after which the question is shown
 */
public record Condition(String questionKey, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }

    /** Whether the answers given so far include one of the values. */
    public boolean holds(Answers answers) {
        return answers.values(questionKey).stream().anyMatch(values::contains);
    }
}
