// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

/**
 * The way a person prefers to get messages from the organisation.
 */
public enum ContactChannel {
    EMAIL, SMS, LETTER;

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "contacts.channel." + name();
    }
}
