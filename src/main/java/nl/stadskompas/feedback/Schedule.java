// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * When a questionnaire collects answers.
 */
public enum Schedule {
    /** Always open, for example after every closed request. */
    CONTINUOUS,
    /** A measurement with a field period and usually a target number of responses. */
    PERIODIC;

    public String messageKey() {
        return "feedback.schedule." + name();
    }
}
