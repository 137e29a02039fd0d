// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Locale;

/**
 * Picks the Dutch or English text of something written in both; Dutch when there is no English.
 */
public final class Texts {

    private Texts() {
    }

    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static String in(Locale locale, String nl, String en) {
        return english(locale) && en != null && !en.isBlank() ? en : nl;
    }

    static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
