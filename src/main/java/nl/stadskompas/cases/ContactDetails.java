// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * How a resident reaches a person at the organisation, as every progress page shows it.
 *
 * @param phone the phone number
 * @param phoneHoursNl when the phone is answered, in Dutch
 * @param phoneHoursEn the same in English
 * @param chatUrl the address of the chat, or null
 * @param deskAddress the desk's address, or null
 * @param deskHoursNl when the desk is open (or how to make an appointment), in Dutch
 * @param deskHoursEn the same in English
 */
public record ContactDetails(String phone, String phoneHoursNl, String phoneHoursEn, String chatUrl,
        String deskAddress, String deskHoursNl, String deskHoursEn) {

    public String phoneHours(boolean english) {
        return english ? phoneHoursEn : phoneHoursNl;
    }

    public String deskHours(boolean english) {
        return english ? deskHoursEn : deskHoursNl;
    }

    /** The phone number as a {@code tel:} link target: digits and a leading plus only. */
    public String phoneLink() {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
