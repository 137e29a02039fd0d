// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.List;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * The texts of a questionnaire version that respondents read: the title, an introduction and the
 * thank-you text that says what happens with the answers and where the results appear. Dutch is
 * required for the title; English is optional everywhere and falls back to Dutch.
 */
public record VersionTexts(String titleNl, String titleEn, String introNl, String introEn, String thanksNl,
        String thanksEn) {

    VersionTexts clean() {
        return new VersionTexts(Texts.tidy(titleNl), Texts.tidy(titleEn), Texts.tidy(introNl), Texts.tidy(introEn),
                Texts.tidy(thanksNl), Texts.tidy(thanksEn));
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (titleNl == null) {
            problems.add(new FieldProblem("titleNl", "feedback.field.required"));
        }
        max(problems, "titleNl", titleNl, QuestionnaireVersion.TITLE_MAX);
        max(problems, "titleEn", titleEn, QuestionnaireVersion.TITLE_MAX);
        max(problems, "introNl", introNl, QuestionnaireVersion.TEXT_MAX);
        max(problems, "introEn", introEn, QuestionnaireVersion.TEXT_MAX);
        max(problems, "thanksNl", thanksNl, QuestionnaireVersion.TEXT_MAX);
        max(problems, "thanksEn", thanksEn, QuestionnaireVersion.TEXT_MAX);
        return problems;
    }

    static void max(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "feedback.field.tooLong", max));
        }
    }
}
