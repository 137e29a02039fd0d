// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import nl.stadskompas.platform.ValidationProblem;

/**
 * An import that stored nothing because at least one row has a problem. It carries the whole check,
 * so that pages can show every problem with its row and column; the API lists them as problems
 * whose field names the row and column.
 */
public class ImportRefused extends ValidationProblem {

    private final transient ImportCheck check;

    public ImportRefused(ImportCheck check) {
        super(check.problems().stream()
                .map(p -> new FieldProblem(place(p), p.code(), p.args()))
                .toList());
        this.check = check;
    }

    public ImportCheck check() {
        return check;
    }

    private static String place(ImportProblem p) {
        if (p.row() == 0) {
            return p.column() == null ? "file" : "column " + p.column();
        }
        return "row " + p.row() + (p.column() == null ? "" : ", column " + p.column());
    }
}
