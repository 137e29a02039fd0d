// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * What kind of request a case is.
 */
public enum CaseKind {
    APPLICATION, PERMIT, COMPLAINT, OBJECTION, REPORT, QUESTION;

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "cases.kind." + name();
    }
}
