// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * How to reach the person who made a request: only for the module that sends them messages.
 *
 * @param name how to address them
 * @param email e-mail address, or null
 * @param phone phone number (for SMS or a call), or null
 * @param language preferred language: {@code nl} or {@code en}
 */
public record RequesterContact(String name, String email, String phone, String language) {
}
