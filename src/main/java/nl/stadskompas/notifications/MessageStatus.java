// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

/**
 * Where a message is in its delivery.
 */
public enum MessageStatus {
    /** Waiting for its due time or for its next attempt. */
    QUEUED,
    /** Handed to the mail server or the message gateway. */
    SENT,
    /** The gateway reported that it reached the recipient (SMS, letter). */
    DELIVERED,
    /** Given up: the address is wrong, every attempt failed, or the gateway could not deliver it. */
    FAILED,
    /** Withdrawn before it was sent (for example a reminder that is no longer needed). */
    CANCELLED,
    /** Not sent because the recipient did not agree to this kind of proactive message (contacts). */
    WITHHELD;

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "notifications-templates.status." + name();
    }
}
