// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * A question written for the bank, or the new texts of one.
 *
 * @param options the options of a choice question, in order
 */
public record BankInput(QuestionType type, String textNl, String textEn, String helpNl, String helpEn,
        List<ChoiceOption> options) {

    /** Longest question text, in characters. */
    public static final int TEXT_MAX = 500;
    /** Longest help text, in characters. */
    public static final int HELP_MAX = 1000;
    /** Longest option label, in characters. */
    public static final int OPTION_MAX = 200;
    /** Most options a choice question can have. */
    public static final int OPTIONS_MAX = 20;

    public BankInput {
        options = options == null ? List.of() : List.copyOf(options);
    }

    BankInput clean() {
        return new BankInput(type, Texts.tidy(textNl), Texts.tidy(textEn), Texts.tidy(helpNl), Texts.tidy(helpEn),
                options.stream().map(o -> new ChoiceOption(o.code(), Texts.tidy(o.labelNl()), Texts.tidy(o.labelEn())))
                        .toList());
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new FieldProblem("type", "feedback.field.choose"));
        }
        if (textNl == null) {
            problems.add(new FieldProblem("textNl", "feedback.field.required"));
        }
        VersionTexts.max(problems, "textNl", textNl, TEXT_MAX);
        VersionTexts.max(problems, "textEn", textEn, TEXT_MAX);
        VersionTexts.max(problems, "helpNl", helpNl, HELP_MAX);
        VersionTexts.max(problems, "helpEn", helpEn, HELP_MAX);
        if (type != null && type.hasOptions()) {
            if (options.size() < 2) {
                problems.add(new FieldProblem("options", "feedback.options.tooFew"));
            } else if (options.size() > OPTIONS_MAX) {
                problems.add(new FieldProblem("options", "feedback.options.tooMany", OPTIONS_MAX));
            }
            Set<String> labels = new HashSet<>();
            for (ChoiceOption o : options) {
                if (o.labelNl() == null || o.labelNl().length() > OPTION_MAX
                        || (o.labelEn() != null && o.labelEn().length() > OPTION_MAX)) {
                    problems.add(new FieldProblem("options", "feedback.options.label", OPTION_MAX));
                    break;
                }
                if (!labels.add(o.labelNl().toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(new FieldProblem("options", "feedback.options.twice", o.labelNl()));
                    break;
                }
            }
        }
        return problems;
    }
}
