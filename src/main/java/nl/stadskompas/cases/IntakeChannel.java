// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * The channel through which a request came in.
 */
public enum IntakeChannel {
    ONLINE, PHONE, DESK, CHAT, EMAIL, POST, WHATSAPP, VIDEO;

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "cases.channel." + name();
    }
}
