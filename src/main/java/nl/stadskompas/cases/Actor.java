// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * Who takes the next step while a case is in a status.
 */
public enum Actor {
    /** The team that owns the case. */
    MUNICIPALITY,
    /** The resident (for example: send a missing document). */
    RESIDENT,
    /** Another organisation (for example an advisory body). */
    OTHER_ORGANISATION,
    /** Nobody: the case is done. */
    NOBODY;

    public String messageKey() {
        return "cases.actor." + name();
    }
}
