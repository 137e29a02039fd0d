// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.feedback.BankEntry;
import nl.stadskompas.feedback.ChoiceOption;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.QuestionSource;
import nl.stadskompas.feedback.QuestionStatistics;
import nl.stadskompas.feedback.Results;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireKind;
import nl.stadskompas.feedback.QuestionnaireStatus;
import nl.stadskompas.feedback.QuestionnaireVersion;
import nl.stadskompas.feedback.Schedule;

/**
 * The JSON records of the feedback API.
 */
final class FeedbackJson {

    private FeedbackJson() {
    }

    @Schema(description = "A questionnaire with its current published version and the number of its draft")
    record QuestionnaireJson(UUID id, String publicId, String name, QuestionnaireKind kind, Schedule schedule,
            @Schema(description = "The base it was tailored from") UUID baseId,
            @Schema(description = "The service a tailored questionnaire is for") UUID serviceId,
            String openFrom, String openUntil, Integer targetResponses, VersionJson published, Integer draftNumber) {

        static QuestionnaireJson of(Questionnaire q, QuestionnaireVersion published, QuestionnaireVersion draft) {
            return new QuestionnaireJson(q.id(), q.publicId(), q.name(), q.kind(), q.schedule(), q.baseId(), q.serviceId(),
                    q.openFrom() == null ? null : q.openFrom().toString(),
                    q.openUntil() == null ? null : q.openUntil().toString(), q.targetResponses(),
                    published == null ? null : VersionJson.of(published, published.questions()),
                    draft == null ? null : draft.number());
        }
    }

    @Schema(description = "A version with its pages and questions")
    record VersionJson(UUID id, int number, QuestionnaireStatus status, String titleNl, String titleEn, String introNl,
            String introEn, String thanksNl, String thanksEn, Instant publishedAt, List<QuestionJson> questions) {

        static VersionJson of(QuestionnaireVersion v, List<Question> questions) {
            var t = v.texts();
            return new VersionJson(v.id(), v.number(), v.status(), t.titleNl(), t.titleEn(), t.introNl(), t.introEn(),
                    t.thanksNl(), t.thanksEn(), v.publishedAt(), questions.stream().map(QuestionJson::of).toList());
        }
    }

    @Schema(description = "A question as respondents see it")
    record QuestionJson(String key, QuestionSource source, QuestionType type, int page, String textNl, String textEn,
            String helpNl, String helpEn, boolean required,
            @Schema(description = "Shown only after one of these answers to that question") ConditionJson condition,
            List<ChoiceOption> options, boolean inherited) {

        static QuestionJson of(Question q) {
            return new QuestionJson(q.key(), q.source(), q.type(), q.page(), q.textNl(), q.textEn(), q.helpNl(), q.helpEn(),
                    q.isRequired(), q.condition().map(c -> new ConditionJson(c.questionKey(), c.values())).orElse(null),
                    q.options(), q.isInherited());
        }
    }

    record ConditionJson(String questionKey, List<String> values) {
    }

    record BankEntryJson(String key, QuestionSource source, QuestionType type, String textNl, String textEn,
            String helpNl, String helpEn, List<ChoiceOption> options, String promiseCode, boolean editable) {

        static BankEntryJson of(BankEntry e) {
            return new BankEntryJson(e.key(), e.source(), e.type(), e.textNl(), e.textEn(), e.helpNl(), e.helpEn(),
                    e.options(), e.promiseCode(), e.editable());
        }
    }

    record CreateRequest(@NotBlank @Size(max = 200) String name, @NotNull QuestionnaireKind kind,
            @NotBlank @Size(max = 200) String titleNl, @Size(max = 200) String titleEn) {
    }

    record AddQuestionRequest(@NotBlank String itemKey, Integer page) {
    }

    @Schema(description = "A response. Answers per question key: a scale value (1-5, or \"dk\" for don't know), a mark "
            + "(1-10), an option code, a list of option codes (multiple choice) or text. A second submission with the "
            + "same token stores nothing.")
    record ResponseRequest(
            @Schema(description = "32 lowercase hexadecimal characters, random per response") @NotBlank String token,
            ContextJson context, @NotNull Map<String, Object> answers) {
    }

    @Schema(description = "Context recorded with the answers; unknown values are ignored")
    record ContextJson(String service, String channel, String municipality, String location) {
    }

    @Schema(description = "STORED, or ALREADY_RECEIVED when the token was used before (nothing was stored then)")
    record ResponseResult(String status) {
    }

    @Schema(description = "Results; a suppressed group has no numbers")
    record ResultsJson(@Schema(description = "Null when below the minimum group size") Long total, UUID version,
            boolean versionRefused, List<Results.WeekCount> weeks, List<QuestionResultJson> questions,
            Results.Breakdown breakdown, int minimumGroup) {

        static ResultsJson of(Results r) {
            return new ResultsJson(r.totalSuppressed() ? null : r.total(), r.version(), r.versionRefused(), r.weeks(),
                    r.questions().stream().map(QuestionResultJson::of).toList(), r.breakdown(), r.minimumGroup());
        }
    }

    record QuestionResultJson(String key, QuestionType type, String textNl, boolean suppressed, Long n, Long dontKnow,
            List<QuestionStatistics.Share> distribution, Double mean,
            @Schema(description = "Percentage 4-5 (agreement) or 7-10 (mark) of n") Double sharePositive) {

        static QuestionResultJson of(QuestionStatistics s) {
            return new QuestionResultJson(s.question().key(), s.question().type(), s.question().textNl(), s.suppressed(),
                    s.suppressed() ? null : s.n(), s.suppressed() ? null : s.dontKnow(), s.distribution(), s.mean(),
                    s.sharePositive());
        }
    }
}
