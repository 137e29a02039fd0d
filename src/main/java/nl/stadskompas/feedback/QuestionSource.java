// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * Where a question in the bank comes from.
 */
public enum QuestionSource {
    /** A statement of the service framework: a shared KPI that tailoring cannot hide. */
    STATEMENT,
    /** A service aspect of the framework. */
    ASPECT,
    /** Age group, district, channel used, resident or entrepreneur. */
    DEMOGRAPHIC,
    /** A question the organisation wrote itself. */
    CUSTOM;

    public String messageKey() {
        return "feedback.source." + name();
    }
}
