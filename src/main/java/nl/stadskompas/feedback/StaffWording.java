// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * How a statement is put to employees: the same sentence residents rate, framed as what residents
 * would say after dealing with us. The scale stays the same, so both views can be compared.
 */
final class StaffWording {

    static final String HELP_NL = "Denk aan de inwoners en ondernemers die u de laatste tijd hielp.";
    static final String HELP_EN = "Think of the residents and entrepreneurs you helped recently.";

    private StaffWording() {
    }

    static String dutch(String statement) {
        return "Inwoners zeggen na contact met ons: \u201C" + statement + "\u201D";
    }

    static String english(String statement) {
        return statement == null ? null : "After dealing with us, residents say: \u201C" + statement + "\u201D";
    }
}
