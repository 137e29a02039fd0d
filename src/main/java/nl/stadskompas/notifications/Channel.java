// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

/**
 * How a message reaches its recipient.
 */
public enum Channel {
    /** E-mail over SMTP. */
    EMAIL,
    /** A text message, through the message gateway. */
    SMS,
    /** A letter on paper: a PDF handed to the message gateway, which prints and posts it. */
    LETTER;

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "notifications-templates.channel." + name();
    }
}
