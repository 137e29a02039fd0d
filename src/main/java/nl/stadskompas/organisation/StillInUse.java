// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;

import nl.stadskompas.platform.ValidationProblem;

/**
 * Thrown when something cannot be removed because other parts of the organisation still depend on
 * it, such as a domain that still has teams. Nothing has been changed. Pages show the message; the
 * API answers 409 Conflict.
 */
public class StillInUse extends ValidationProblem {

    StillInUse(String code, Object... args) {
        super(List.of(new FieldProblem("", code, args)));
    }
}
