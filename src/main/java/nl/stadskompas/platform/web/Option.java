// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.web;

/**
 * One choice in a select list or a group of checkboxes, as the form fragments read it.
 */
public record Option(String value, String label) {
}
