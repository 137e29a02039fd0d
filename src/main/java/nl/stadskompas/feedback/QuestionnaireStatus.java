// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * The state of a questionnaire version: a draft can change, a published version never does.
 */
public enum QuestionnaireStatus {
    DRAFT, PUBLISHED;

    public String messageKey() {
        return "feedback.status." + name();
    }
}
