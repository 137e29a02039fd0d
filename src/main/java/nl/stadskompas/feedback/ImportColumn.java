// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * A column of an imported file and what it is mapped to.
 *
 * @param index 0 for the first column
 * @param name the column as a spreadsheet names it: A, B ...
 * @param header the column's name in the first row
 * @param target a question key, one of the context fields ({@code @date}, {@code @service},
 *        {@code @channel}, {@code @municipality}, {@code @location}), or null when the column is left out
 */
public record ImportColumn(int index, String name, String header, String target) {

    /** The context fields a column can be mapped to, besides the questions. */
    public static final java.util.List<String> CONTEXT_TARGETS = ImportRules.CONTEXT;
}
