// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

/**
 * Where a message is in its delivery.
 */
public enum MessageStatus {
    /** Waiting for its due time or for its next attempt. */
    QUEUED,
    /** Handed to the mail server. */
    SENT,
    /** Given up: the address is wrong or every attempt failed. */
    FAILED,
    /** Withdrawn before it was sent (for example a reminder that is no longer needed). */
    CANCELLED,
    /** Not sent because the recipient did not agree to this kind of proactive message (contacts). */
    WITHHELD
}
