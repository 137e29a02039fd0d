// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

/**
 * One problem (or, for a warning, one point of attention) in an imported framework file.
 *
 * @param path where in the file, such as {@code promises[2].needs[0]}; empty for the whole file
 * @param line the line in the file, counted from 1; 0 when the problem concerns the whole file
 * @param code message key of the plain-language explanation
 * @param args values for the message's placeholders
 */
public record ImportProblem(String path, int line, String code, Object... args) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportProblem p && p.path.equals(path) && p.line == line && p.code.equals(code)
                && java.util.Arrays.equals(p.args, args);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, line, code, java.util.Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return "line " + line + " " + path + ": " + code + java.util.Arrays.toString(args);
    }
}
