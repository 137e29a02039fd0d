// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;

/**
 * The new state of a question in a draft. For a statement the texts stay those of the framework:
 * statements are the shared KPIs and are asked the same way everywhere.
 *
 * @param page the page the question is on, from 1
 * @param conditionKey the earlier question whose answer decides whether this one is shown, or null
 * @param conditionValues the answers after which it is shown
 * @param options the options of a choice question
 */
public record QuestionChange(String textNl, String textEn, String helpNl, String helpEn, int page, boolean required,
        String conditionKey, List<String> conditionValues, List<ChoiceOption> options) {

    /** Most pages a questionnaire can have. */
    public static final int PAGES_MAX = 30;

    public QuestionChange {
        conditionValues = conditionValues == null ? List.of() : List.copyOf(conditionValues);
        options = options == null ? List.of() : List.copyOf(options);
    }
}
