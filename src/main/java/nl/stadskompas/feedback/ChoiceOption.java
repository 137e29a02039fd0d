// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Locale;

import org.springframework.data.relational.core.mapping.Table;

/**
 * An option of a choice question. The code is what is stored with an answer and stays the same
 * when the label is reworded, so results stay comparable.
 */
@Table("fb_question_option")
public record ChoiceOption(String code, String labelNl, String labelEn) {

    public String label(Locale locale) {
        return Texts.in(locale, labelNl, labelEn);
    }
}
