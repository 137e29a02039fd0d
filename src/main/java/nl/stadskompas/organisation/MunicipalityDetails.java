// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

/**
 * What a user fills in for a municipality.
 *
 * @param name the name, such as "Gemeente Oeverdam"; unique within the organisation
 * @param cbsCode the code of Statistics Netherlands, such as {@code GM0363} or {@code 0363}; may be empty
 */
public record MunicipalityDetails(String name, String cbsCode) {
}
