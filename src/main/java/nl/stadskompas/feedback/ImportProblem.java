// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * A problem in an imported file, at a place a spreadsheet user can find.
 *
 * @param row the row as a spreadsheet numbers it (the column names are row 1), or 0 for the whole file
 * @param column the column as a spreadsheet names it (A, B ...), or null for the whole row
 * @param header the column's name in the first row, or null
 * @param code message key of the plain-language explanation
 * @param args values for the message's placeholders
 */
public record ImportProblem(int row, String column, String header, String code, Object... args) {
}
