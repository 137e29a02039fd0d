// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

/**
 * How a message reaches its recipient.
 */
public enum Channel {
    /** E-mail over SMTP. */
    EMAIL
}
