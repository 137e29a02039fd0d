// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How a person wants to be reached, and what they agreed to.
 *
 * @param personId the person, within the tenant
 * @param channel the preferred channel
 * @param language {@code nl} or {@code en}
 * @param email e-mail address, or null
 * @param phone phone number, or null
 * @param postalAddress postal address for letters, or null
 * @param consents per kind of proactive message: given or withdrawn, and when (kinds never answered
 *        are absent, which means no consent)
 */
public record Preferences(UUID personId, ContactChannel channel, String language, String email, String phone,
        String postalAddress, Map<ConsentKind, Consent> consents) {

    public boolean consents(ConsentKind kind) {
        Consent consent = consents.get(kind);
        return consent != null && consent.given();
    }

    /**
     * A person's answer for one kind of message.
     *
     * @param given whether they agreed
     * @param changedAt when they gave or withdrew it
     */
    public record Consent(boolean given, Instant changedAt) {
    }
}
