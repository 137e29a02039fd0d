// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * How a response came in.
 */
public enum Via {
    /** The public response pages, through a link or QR code. */
    LINK,
    /** The REST API, for example from a kiosk or a phone survey entered by an employee. */
    API,
    /** An import of an earlier survey from a CSV file (feedback data). */
    IMPORT,
    /** A personal link from an e-mail invitation (the answer is not tied to the invitation). */
    INVITATION
}
