// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * Who answers a questionnaire.
 */
public enum QuestionnaireKind {
    /** Residents and entrepreneurs. */
    RESIDENT,
    /** Employees, who rate the same statements from their side so the views can be compared. */
    EMPLOYEE;

    public String messageKey() {
        return "feedback.kind." + name();
    }
}
