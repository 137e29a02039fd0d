// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import java.util.List;

/**
 * Thrown by a module when input is invalid in a way bean validation cannot see (an unknown team, a
 * taken name, a problem in an imported file). Nothing has been changed when it is thrown. The API
 * answers 400 with every problem listed; page controllers put the problems on their form.
 */
public class ValidationProblem extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationProblem(List<FieldProblem> problems) {
        super(problems.size() + " problem(s) in the input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public static ValidationProblem of(String field, String code, Object... args) {
        return new ValidationProblem(List.of(new FieldProblem(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * One problem.
     *
     * @param field where the problem is: a form field, or a place in a file such as
     *        {@code promises[2].needs[0]}
     * @param code message key of the plain-language explanation
     * @param args values for the message's placeholders
     */
    public record FieldProblem(String field, String code, Object... args) {

        @Override
        public String toString() {
            return field + ": " + code + java.util.Arrays.toString(args);
        }
    }
}
