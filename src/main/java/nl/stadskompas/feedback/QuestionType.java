// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * The kinds of question and what an answer to each may be.
 */
public enum QuestionType {
    /** Agreement with a statement on a scale of 1 to 5, with "don't know / not applicable" apart. */
    AGREEMENT,
    /** A report mark from 1 to 10, as Dutch schools give. */
    MARK,
    /** One option out of a list. */
    SINGLE_CHOICE,
    /** Any number of options out of a list. */
    MULTIPLE_CHOICE,
    /** A line of text. */
    SHORT_TEXT,
    /** A few paragraphs of text. */
    LONG_TEXT;

    /** Longest short text answer, in characters. */
    public static final int SHORT_TEXT_MAX = 200;
    /** Longest long text answer, in characters. */
    public static final int LONG_TEXT_MAX = 2000;
    /** The value that stands for "don't know / not applicable" on an agreement scale. */
    public static final String DONT_KNOW = "dk";

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean isScale() {
        return this == AGREEMENT || this == MARK;
    }

    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    /** Lowest and highest value of a scale. */
    public int min() {
        return 1;
    }

    public int max() {
        return this == MARK ? 10 : 5;
    }

    /**
     * Whether a value counts as positive: 4 or 5 on the agreement scale (agree, fully agree) and 7
     * or higher as a report mark (the marks Dutch respondents call "ruim voldoende" and better).
     */
    public boolean positive(int value) {
        return this == AGREEMENT ? value >= 4 : this == MARK && value >= 7;
    }

    public int textMax() {
        return this == LONG_TEXT ? LONG_TEXT_MAX : SHORT_TEXT_MAX;
    }

    public String messageKey() {
        return "feedback.type." + name();
    }
}
