// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.util.Arrays;
import java.util.Optional;

/**
 * A kind of proactive message that a person must agree to before it is sent. Messages a person
 * expects because of something they did (a receipt, a status update, an appointment) need no
 * consent and have no kind here.
 */
public enum ConsentKind {
    /** A notice some weeks before a passport, ID card or driving licence expires. */
    DOCUMENT_EXPIRY("proactive.document-expiry"),
    /** Help offered after a life event such as moving house or a birth. */
    LIFE_EVENT("proactive.life-event");

    private final String messageKind;

    ConsentKind(String messageKind) {
        this.messageKind = messageKind;
    }

    /** The kind of message (as queued in notifications) this consent covers. */
    public String messageKind() {
        return messageKind;
    }

    /** The consent a kind of message needs, or empty when it needs none. */
    public static Optional<ConsentKind> forMessageKind(String messageKind) {
        return Arrays.stream(values()).filter(k -> k.messageKind.equals(messageKind)).findFirst();
    }

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "contacts.consent." + name();
    }
}
