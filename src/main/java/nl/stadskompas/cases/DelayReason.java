// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * Why a case takes longer. A fixed list, so that the resident reads the reason in plain words in
 * their own language; an employee may add an explanation of their own.
 */
public enum DelayReason {
    /** We wait for information or a document from the resident. */
    WAITING_FOR_RESIDENT,
    /** We wait for advice or information from another organisation. */
    WAITING_FOR_OTHERS,
    /** The request needs more careful study than usual. */
    COMPLEX,
    /** More requests than usual: it is very busy. */
    BUSY,
    /** We want to talk with the resident or visit first. */
    CONVERSATION_NEEDED,
    /** Another reason, explained in the explanation. */
    OTHER;

    public String messageKey() {
        return "cases.delayReason." + name();
    }
}
