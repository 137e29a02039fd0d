// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * How a case's expected date was moved.
 */
public enum DelayKind {
    /** Opschorting: the clock stops, usually while the municipality waits for the resident or another party. */
    SUSPENSION,
    /** Verlenging: the municipality needs more time than the norm. */
    EXTENSION;

    public String messageKey() {
        return "cases.delayKind." + name();
    }
}
