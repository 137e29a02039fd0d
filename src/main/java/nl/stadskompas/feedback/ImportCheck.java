// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;

/**
 * The outcome of checking every row of an import against its mapping.
 *
 * @param rows the rows with answers
 * @param problems the first problems found (at most {@link SurveyImports#SHOWN_PROBLEMS}), in file order
 * @param problemCount all problems found
 */
public record ImportCheck(int rows, List<ImportProblem> problems, int problemCount) {

    /** Whether the file can be imported as it is. */
    public boolean ready() {
        return problemCount == 0;
    }
}
