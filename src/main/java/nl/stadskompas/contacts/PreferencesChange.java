// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.util.Map;

/**
 * New preferences for a person. Null addresses stay as they were; consents not named stay as they were.
 *
 * @param channel the preferred channel (needs the matching address)
 * @param language {@code nl} or {@code en}
 * @param email e-mail address
 * @param phone phone number (for SMS)
 * @param postalAddress postal address (for letters)
 * @param consents per kind: true to agree, false to withdraw
 */
public record PreferencesChange(ContactChannel channel, String language, String email, String phone,
        String postalAddress, Map<ConsentKind, Boolean> consents) {
}
