// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.web;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/**
 * Puts the problems a module found on a page's form, next to the fields they concern; problems
 * that belong to no field of the form are shown at the top.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, ValidationProblem problem) {
        problem.problems().forEach(p -> {
            if (isField(result, p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        });
    }

    private static boolean isField(BindingResult result, String field) {
        if (field == null || field.isBlank()) {
            return false;
        }
        try {
            return result.getFieldType(field) != null;
        } catch (NotReadablePropertyException | IllegalArgumentException e) {
            return false;
        }
    }
}
