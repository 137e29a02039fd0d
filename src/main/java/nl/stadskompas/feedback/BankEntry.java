// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Locale;

/**
 * A question in the bank as authors see it: from the framework (a statement or service aspect,
 * read from the latest published framework) or stored in the bank (demographic or custom).
 *
 * @param key the stable key: the framework code (S1, A12) or the bank's own key (AGE, C3)
 * @param promiseCode for a statement, the promise it measures
 * @param editable whether the bank can change it (framework items change in the framework)
 */
public record BankEntry(String key, QuestionSource source, QuestionType type, String textNl, String textEn,
        String helpNl, String helpEn, List<ChoiceOption> options, String promiseCode, boolean editable) {

    public String text(Locale locale) {
        return Texts.in(locale, textNl, textEn);
    }

    /** The question as it is copied into a questionnaire, on the given page. */
    Question toQuestion(int page, QuestionnaireKind kind) {
        if (source == QuestionSource.STATEMENT && kind == QuestionnaireKind.EMPLOYEE) {
            return Question.of(key, source, type, page, StaffWording.dutch(textNl), StaffWording.english(textEn),
                    StaffWording.HELP_NL, StaffWording.HELP_EN, options);
        }
        return Question.of(key, source, type, page, textNl, textEn, helpNl, helpEn, options);
    }
}
