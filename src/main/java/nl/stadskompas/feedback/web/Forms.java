// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.feedback.BankInput;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireKind;
import nl.stadskompas.feedback.QuestionnaireVersion;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.feedback.Schedule;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form records of the authoring pages. Options of a choice question are one text field with
 * one option per line ({@code Nederlands | English}), so the pages work without JavaScript.
 */
final class Forms {

    private Forms() {
    }

    record NewForm(@NotBlank @Size(max = Questionnaire.NAME_MAX) String name, @NotNull QuestionnaireKind kind,
            @NotBlank @Size(max = QuestionnaireVersion.TITLE_MAX) String titleNl,
            @Size(max = QuestionnaireVersion.TITLE_MAX) String titleEn) {
    }

    record SettingsForm(@NotBlank @Size(max = Questionnaire.NAME_MAX) String name, @NotNull Schedule schedule,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openUntil,
            @Min(1) @Max(1_000_000) Integer targetResponses) {
    }

    record TextsForm(@NotBlank @Size(max = QuestionnaireVersion.TITLE_MAX) String titleNl,
            @Size(max = QuestionnaireVersion.TITLE_MAX) String titleEn,
            @Size(max = QuestionnaireVersion.TEXT_MAX) String introNl,
            @Size(max = QuestionnaireVersion.TEXT_MAX) String introEn,
            @Size(max = QuestionnaireVersion.TEXT_MAX) String thanksNl,
            @Size(max = QuestionnaireVersion.TEXT_MAX) String thanksEn) {
    }

    record QuestionForm(@Size(max = BankInput.TEXT_MAX) String textNl, @Size(max = BankInput.TEXT_MAX) String textEn,
            @Size(max = BankInput.HELP_MAX) String helpNl, @Size(max = BankInput.HELP_MAX) String helpEn,
            @NotNull @Min(1) @Max(30) Integer page, Boolean required, String conditionKey,
            @Size(max = 200) String conditionValues, @Size(max = 8000) String options) {
    }

    record BankForm(@NotNull QuestionType type, @NotBlank @Size(max = BankInput.TEXT_MAX) String textNl,
            @Size(max = BankInput.TEXT_MAX) String textEn, @Size(max = BankInput.HELP_MAX) String helpNl,
            @Size(max = BankInput.HELP_MAX) String helpEn, @Size(max = 8000) String options) {
    }

    record TailorForm(@NotNull java.util.UUID serviceId, @Size(max = Questionnaire.NAME_MAX) String name) {
    }

    record AddForm(@NotBlank String itemKey, @Min(1) @Max(30) Integer page) {
    }
}
