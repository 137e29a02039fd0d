// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.List;

/**
 * What a response page shows: one page of a questionnaire with its questions, the progress, the
 * answers of the other pages as hidden fields, and any problems with the answers.
 *
 * @param action where the form goes
 * @param step the number of this page among the pages shown, from 1
 * @param steps how many pages are shown, given the answers so far
 * @param hidden the answers of other pages and the context, carried along without JavaScript
 * @param errors the problems, in the order of the questions
 * @param preview whether an author is looking; nothing is sent then
 */
record RespondView(String action, String organisation, String title, String intro, int page, int step, int steps,
        List<QuestionView> questions, List<Field> hidden, List<ErrorView> errors, String token, String resume,
        String language, boolean preview) {

    public boolean first() {
        return step <= 1;
    }

    public boolean last() {
        return step >= steps;
    }

    public int percent() {
        return steps == 0 ? 0 : Math.round(100f * step / steps);
    }

    /** A hidden form field. */
    record Field(String name, String value) {
    }

    /** A problem shown at the top, leading to its question. */
    record ErrorView(String target, String message) {
    }

    /**
     * One question on the page.
     *
     * @param type the question type's name, for the template
     * @param options the scale values or options; for an agreement scale without "don't know"
     * @param dontKnow the "don't know / not applicable" option of an agreement scale, or null
     * @param text the answer so far of a text question
     * @param maxLength the longest text answer
     */
    record QuestionView(String key, String id, String name, String type, String text, String help, boolean required,
            String error, List<OptionView> options, OptionView dontKnow, String textValue, int maxLength) {

        public boolean described() {
            return help != null || error != null;
        }

        public String describedBy() {
            String ids = (help != null ? id + "-help " : "") + (error != null ? id + "-error" : "");
            return ids.isBlank() ? null : ids.strip();
        }
    }

    /** A radio button or checkbox with its label. */
    record OptionView(String id, String value, String label, boolean checked) {
    }
}
