// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.ArrayList;
import java.util.List;

import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * Collects every problem in one piece of input, so that the user hears about all of them at once,
 * and cleans the values on the way (surrounding spaces, empty text).
 */
final class Problems {

    static final int NAME_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 2000;

    private final List<FieldProblem> found = new ArrayList<>();

    /** The trimmed text; a problem when it is empty or longer than {@code max}. */
    String required(String field, String value, int max) {
        String clean = clean(value);
        if (clean == null) {
            add(field, "organisation.field.required");
        } else if (clean.length() > max) {
            add(field, "organisation.field.tooLong", max);
        }
        return clean;
    }

    /** The trimmed text, or {@code null} when empty; a problem when longer than {@code max}. */
    String optional(String field, String value, int max) {
        String clean = clean(value);
        if (clean != null && clean.length() > max) {
            add(field, "organisation.field.tooLong", max);
        }
        return clean;
    }

    void add(String field, String code, Object... args) {
        found.add(new FieldProblem(field, code, args));
    }

    boolean has(String field) {
        return found.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws when anything was found: nothing is changed then. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationProblem(found);
        }
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
