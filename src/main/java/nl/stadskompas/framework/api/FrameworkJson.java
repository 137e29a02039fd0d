// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.framework.AspectCategory;
import nl.stadskompas.framework.CoreValue;
import nl.stadskompas.framework.FrameworkRules;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.Norm;
import nl.stadskompas.framework.NormScope;
import nl.stadskompas.framework.NormUnit;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.ServiceAspect;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.framework.VersionStatus;

/**
 * The JSON records of the framework API. Field names are the same as in the exchange file.
 */
final class FrameworkJson {

    private FrameworkJson() {
    }

    @Schema(description = "A framework version with everything in it")
    record VersionJson(UUID id, VersionStatus status, @Schema(description = "Label such as 1.0; absent for a draft") String label,
            String name, String description, String basedOn, Instant createdAt, Instant publishedAt, String publishedBy,
            List<CoreValueJson> coreValues, List<PromiseJson> promises, List<StatementJson> statements,
            List<AspectJson> aspects, List<NormJson> norms) {

        static VersionJson of(FrameworkVersion v, java.util.function.Function<Norm, String> scopeName) {
            return new VersionJson(v.id(), v.status(), v.label(), v.name(), v.description(), v.basedOn(), v.createdAt(),
                    v.publishedAt(), v.publishedByName(), v.coreValues().stream().map(CoreValueJson::of).toList(),
                    v.promises().stream().map(PromiseJson::of).toList(),
                    v.statements().stream().map(StatementJson::of).toList(),
                    v.aspects().stream().map(AspectJson::of).toList(),
                    v.norms().stream().map(n -> NormJson.of(n, scopeName.apply(n))).toList());
        }
    }

    record CoreValueJson(String code, String name, String description) {
        static CoreValueJson of(CoreValue c) {
            return new CoreValueJson(c.code(), c.name(), c.description());
        }
    }

    record PromiseJson(String code, String title, String description,
            @Schema(description = "What residents need, in their own voice") List<String> needs,
            @Schema(description = "What the promise means for an employee") List<String> means,
            @Schema(description = "What it does not mean") List<String> doesNotMean) {
        static PromiseJson of(Promise p) {
            return new PromiseJson(p.code(), p.title(), p.description(), p.needs(), p.means(), p.doesNotMean());
        }
    }

    record StatementJson(String code, @Schema(description = "Dutch text") String text, String textEn,
            @Schema(description = "Code of the promise the statement measures") String promise) {
        static StatementJson of(Statement s) {
            return new StatementJson(s.code(), s.textNl(), s.textEn(), s.promiseCode());
        }
    }

    record AspectJson(String code, @Schema(description = "Dutch name") String name, String nameEn,
            AspectCategory category) {
        static AspectJson of(ServiceAspect a) {
            return new AspectJson(a.code(), a.nameNl(), a.nameEn(), a.category());
        }
    }

    record NormJson(String code, String name, String measure, BigDecimal threshold, NormUnit unit,
            BigDecimal targetPercent, NormScope scope,
            @Schema(description = "Team or service id; absent for the organisation or when not linked yet") UUID scopeId,
            @Schema(description = "Team or service name") String scopeName,
            @Schema(description = "False for a team or service norm that still waits for its team or service") boolean linked) {
        static NormJson of(Norm n, String currentName) {
            return new NormJson(n.code(), n.name(), n.measure(), n.threshold(), n.unit(), n.targetPercent(), n.scope(),
                    n.scopeId(), currentName, !n.unlinked());
        }
    }

    // --- requests ------------------------------------------------------------------------------

    record DescribeRequest(@NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description) {
    }

    record PublishRequest(@Schema(description = "New label of the form n.n, such as 2.0", example = "2.0")
            @NotBlank @Size(max = 20) String label) {
    }

    record CoreValueRequest(
            @Schema(description = "Code for a new item; chosen for you when absent; ignored on change")
            @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description) {
    }

    record PromiseRequest(
            @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String title,
            @Size(max = FrameworkRules.DESCRIPTION_MAX) String description,
            @NotEmpty @Size(max = FrameworkRules.LINES_MAX) List<@NotBlank @Size(max = FrameworkRules.LINE_MAX) String> needs,
            @Size(max = FrameworkRules.LINES_MAX) List<@NotBlank @Size(max = FrameworkRules.LINE_MAX) String> means,
            @Size(max = FrameworkRules.LINES_MAX) List<@NotBlank @Size(max = FrameworkRules.LINE_MAX) String> doesNotMean) {
    }

    record StatementRequest(
            @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.STATEMENT_MAX) String text,
            @Size(max = FrameworkRules.STATEMENT_MAX) String textEn,
            @NotBlank @Size(max = FrameworkRules.CODE_MAX) String promise) {
    }

    record AspectRequest(
            @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.ASPECT_MAX) String name,
            @Size(max = FrameworkRules.ASPECT_MAX) String nameEn,
            @NotNull AspectCategory category) {
    }

    record NormRequest(
            @Size(max = FrameworkRules.CODE_MAX) String code,
            @NotBlank @Size(max = FrameworkRules.NAME_MAX) String name,
            @NotBlank @Size(max = FrameworkRules.MEASURE_MAX) String measure,
            @NotNull BigDecimal threshold,
            @NotNull NormUnit unit,
            BigDecimal targetPercent,
            @NotNull NormScope scope,
            @Schema(description = "Team id for scope TEAM, service id for scope SERVICE") UUID scopeId) {
    }

    /** A problem in an imported file. */
    record FileProblemJson(@Schema(description = "Place in the file, such as promises[2].needs[0]") String field,
            @Schema(description = "Line in the file, from 1; 0 for the whole file") int line, String message) {
    }

    record ImportResultJson(VersionJson draft, List<FileProblemJson> warnings) {
    }
}
