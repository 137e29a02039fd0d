// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A question of the base that a tailored questionnaire does not ask.
 */
@Table("fb_hidden_question")
record HiddenQuestion(@Column("question_key") String key) {
}
