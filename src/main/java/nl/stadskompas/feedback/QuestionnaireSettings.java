// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * What can change on a questionnaire at any time, outside its versions: the internal name, whether
 * it is continuous or periodic, the field period and the target number of responses.
 *
 * @param openFrom first day answers are accepted, or null
 * @param openUntil last day answers are accepted, or null
 * @param targetResponses how many responses the measurement aims for, or null
 */
public record QuestionnaireSettings(String name, Schedule schedule, LocalDate openFrom, LocalDate openUntil,
        Integer targetResponses) {

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "feedback.field.required"));
        } else if (name.strip().length() > Questionnaire.NAME_MAX) {
            problems.add(new FieldProblem("name", "feedback.field.tooLong", Questionnaire.NAME_MAX));
        }
        if (schedule == null) {
            problems.add(new FieldProblem("schedule", "feedback.field.choose"));
        }
        if (openFrom != null && openUntil != null && openUntil.isBefore(openFrom)) {
            problems.add(new FieldProblem("openUntil", "feedback.settings.periodOrder"));
        }
        if (targetResponses != null && (targetResponses < 1 || targetResponses > 1_000_000)) {
            problems.add(new FieldProblem("targetResponses", "feedback.settings.target"));
        }
        return problems;
    }

    QuestionnaireSettings clean() {
        return new QuestionnaireSettings(name == null ? null : name.strip(), schedule, openFrom, openUntil,
                targetResponses);
    }
}
