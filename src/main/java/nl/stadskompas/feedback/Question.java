// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A question as it stands in one questionnaire version: a copy of the bank item it came from, with
 * the page it is on, whether it must be answered, and an optional condition. Every text is in Dutch
 * and, optionally, English.
 */
@Table("fb_question")
public final class Question {

    @Column("question_key")
    private final String key;
    private final QuestionSource source;
    private final QuestionType type;
    private final int page;
    private final String textNl;
    private final String textEn;
    private final String helpNl;
    private final String helpEn;
    private final boolean required;
    private final String conditionKey;
    private final String conditionValues;
    private final boolean inherited;
    @MappedCollection(idColumn = "fb_version", keyColumn = "option_index")
    private final List<ChoiceOption> options;

    @PersistenceCreator
    Question(String key, QuestionSource source, QuestionType type, int page, String textNl, String textEn,
            String helpNl, String helpEn, boolean required, String conditionKey, String conditionValues,
            boolean inherited, List<ChoiceOption> options) {
        this.key = key;
        this.source = source;
        this.type = type;
        this.page = page;
        this.textNl = textNl;
        this.textEn = textEn;
        this.helpNl = helpNl;
        this.helpEn = helpEn;
        this.required = required;
        this.conditionKey = conditionKey;
        this.conditionValues = conditionValues;
        this.inherited = inherited;
        this.options = options == null ? List.of() : List.copyOf(options);
    }

    /** A new question on a page, without a condition. */
    public static Question of(String key, QuestionSource source, QuestionType type, int page, String textNl,
            String textEn, String helpNl, String helpEn, List<ChoiceOption> options) {
        return new Question(key, source, type, page, textNl, textEn, helpNl, helpEn, false, null, null, false,
                type.hasOptions() ? options : List.of());
    }

    public Question onPage(int newPage) {
        return new Question(key, source, type, newPage, textNl, textEn, helpNl, helpEn, required, conditionKey,
                conditionValues, inherited, options);
    }

    public Question required(boolean mustAnswer) {
        return new Question(key, source, type, page, textNl, textEn, helpNl, helpEn, mustAnswer, conditionKey,
                conditionValues, inherited, options);
    }

    /** The same question, shown only when the given condition holds (or always, for null). */
    public Question when(Condition condition) {
        return new Question(key, source, type, page, textNl, textEn, helpNl, helpEn, required,
                condition == null ? null : condition.questionKey(),
                condition == null ? null : String.join(",", condition.values()), inherited, options);
    }

    public Question withTexts(String newTextNl, String newTextEn, String newHelpNl, String newHelpEn) {
        return new Question(key, source, type, page, newTextNl, newTextEn, newHelpNl, newHelpEn, required,
                conditionKey, conditionValues, inherited, options);
    }

    public Question withOptions(List<ChoiceOption> newOptions) {
        return new Question(key, source, type, page, textNl, textEn, helpNl, helpEn, required, conditionKey,
                conditionValues, inherited, type.hasOptions() ? newOptions : List.of());
    }

    /** The same question marked as taken over from the base questionnaire. */
    Question asInherited() {
        return new Question(key, source, type, page, textNl, textEn, helpNl, helpEn, required, conditionKey,
                conditionValues, true, options);
    }

    public String key() {
        return key;
    }

    public QuestionSource source() {
        return source;
    }

    public QuestionType type() {
        return type;
    }

    public int page() {
        return page;
    }

    public String textNl() {
        return textNl;
    }

    public String textEn() {
        return textEn;
    }

    public String helpNl() {
        return helpNl;
    }

    public String helpEn() {
        return helpEn;
    }

    public String text(Locale locale) {
        return Texts.in(locale, textNl, textEn);
    }

    public String help(Locale locale) {
        return Texts.in(locale, helpNl, helpEn);
    }

    public boolean isRequired() {
        return required;
    }

    /** Whether this question came from the base questionnaire (in a tailored questionnaire). */
    public boolean isInherited() {
        return inherited;
    }

    /** Statements are the shared KPIs: a tailored questionnaire cannot hide them. */
    public boolean isStatement() {
        return source == QuestionSource.STATEMENT;
    }

    public List<ChoiceOption> options() {
        return options;
    }

    public Optional<ChoiceOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public Optional<Condition> condition() {
        if (conditionKey == null) {
            return Optional.empty();
        }
        List<String> values = conditionValues == null ? List.of()
                : Arrays.stream(conditionValues.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        return Optional.of(new Condition(conditionKey, values));
    }

    /** Whether a raw answer value fits this question: a value on the scale, a known option, text short enough. */
    public boolean accepts(String value) {
        if (value == null) {
            return false;
        }
        return switch (type) {
            case AGREEMENT -> QuestionType.DONT_KNOW.equals(value) || inRange(value);
            case MARK -> inRange(value);
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> option(value).isPresent();
            case SHORT_TEXT, LONG_TEXT -> value.length() <= type.textMax();
        };
    }

    private boolean inRange(String value) {
        if (value.isEmpty() || value.length() > 2 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int number = Integer.parseInt(value);
        return number >= type.min() && number <= type.max();
    }

    @Override
    public String toString() {
        return "Question[" + key + " " + type + " page " + page + "]";
    }
}
