// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

/**
 * What a user fills in for a domain.
 *
 * @param name unique within the organisation
 * @param description may be empty
 */
public record DomainDetails(String name, String description) {
}
