// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.framework.AspectCategory;
import nl.stadskompas.framework.FrameworkRules;
import nl.stadskompas.framework.NormScope;
import nl.stadskompas.framework.NormUnit;

/**
 * The form records of the framework pages. Lists of lines (needs, guidance) are edited as one text
 * field with one line per entry, so the pages work without JavaScript.
 */
final class Forms {

    private Forms() {
    }

    record DescribeForm(
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description) {
    }

    record CoreValueForm(
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description) {
    }

    record PromiseForm(
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String title,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description,
            @NotBlank @Size(max = 4000) String needs,
            @Size(max = 4000) String means,
            @Size(max = 4000) String doesNotMean) {
    }

    record StatementForm(
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.STATEMENT_MAX) String text,
            @Size(max = FrameworkRules.STATEMENT_MAX) String textEn,
            @NotBlank String promise) {
    }

    record AspectForm(
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.ASPECT_MAX) String name,
            @Size(max = FrameworkRules.ASPECT_MAX) String nameEn,
            @NotNull AspectCategory category) {
    }

    /** Numbers are text here so that both 2,5 and 2.5 can be read. */
    record NormForm(
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @NotBlank @Size(max = FrameworkRules.MEASURE_MAX) String measure,
            @NotBlank @Size(max = 20) String threshold,
            @NotNull NormUnit unit,
            @Size(max = 20) String targetPercent,
            @NotNull NormScope scope,
            UUID teamId,
            UUID serviceId) {
    }

    record PublishForm(@NotBlank @Size(max = 20) String label) {
    }

    /** One entry per non-empty line. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    /** A number written with a comma or a dot; null when the text is empty or not a number. */
    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
