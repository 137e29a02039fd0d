// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a person is recognised without a citizen service number: the hash of the tenant and their
 * normalised e-mail address (or, without one, phone number). The same address written differently
 * ({@code Sanne@Example.org }, {@code 06-12345678} or {@code +31 6 1234 5678}) gives the same key.
 */
final class PersonKeys {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{7,20}");

    private PersonKeys() {
    }

    static boolean isEmail(String address) {
        return address != null && EMAIL.matcher(address.strip()).matches();
    }

    static boolean isPhone(String address) {
        return address != null && PHONE.matcher(address.strip()).matches();
    }

    /** The address in one canonical form: e-mail in lower case, phone numbers as +31... */
    static String normalise(String address) {
        String value = address == null ? "" : address.strip();
        if (value.contains("@")) {
            return value.toLowerCase(Locale.ROOT);
        }
        String digits = value.replaceAll("[^0-9+]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+31" + digits.substring(1);
        }
        return digits;
    }

    static String key(UUID tenantId, String address) {
        return SecretTokens.sha256(tenantId + "|" + normalise(address));
    }
}
