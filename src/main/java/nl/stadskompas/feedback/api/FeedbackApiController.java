// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import nl.stadskompas.feedback.Answers;
import nl.stadskompas.feedback.FeedbackResults;
import nl.stadskompas.feedback.NewQuestionnaire;
import nl.stadskompas.feedback.PublicQuestionnaire;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireSummary;
import nl.stadskompas.feedback.ResponseCollection;
import nl.stadskompas.feedback.ResponseCollection.SubmitOutcome;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.feedback.Results;
import nl.stadskompas.feedback.SubmissionRefused;
import nl.stadskompas.feedback.Via;
import nl.stadskompas.feedback.api.FeedbackJson.AddQuestionRequest;
import nl.stadskompas.feedback.api.FeedbackJson.BankEntryJson;
import nl.stadskompas.feedback.api.FeedbackJson.CreateRequest;
import nl.stadskompas.feedback.api.FeedbackJson.QuestionJson;
import nl.stadskompas.feedback.api.FeedbackJson.QuestionnaireJson;
import nl.stadskompas.feedback.api.FeedbackJson.ResponseRequest;
import nl.stadskompas.feedback.api.FeedbackJson.ResponseResult;
import nl.stadskompas.feedback.api.FeedbackJson.ResultsJson;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaires, the question bank, responses and results over REST. Results follow the same
 * suppression of small groups as the pages. Wrong input gives 400 with every problem; unknown ids
 * give 404.
 */
@RestController
@RequestMapping("/api/v1/feedback")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Feedback", description = "Questionnaires, question bank, responses and results")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class FeedbackApiController {

    private final QuestionnaireEditing editing;
    private final QuestionBank bank;
    private final ResponseCollection collection;
    private final FeedbackResults results;

    FeedbackApiController(QuestionnaireEditing editing, QuestionBank bank, ResponseCollection collection,
            FeedbackResults results) {
        this.editing = editing;
        this.bank = bank;
        this.collection = collection;
        this.results = results;
    }

    @GetMapping("/bank")
    @Operation(summary = "The question bank: framework statements and aspects, demographic and own questions")
    List<BankEntryJson> bank(TenantContext tenant) {
        return bank.entries(tenant.tenantId()).stream().map(BankEntryJson::of).toList();
    }

    @GetMapping("/questionnaires")
    @Operation(summary = "All questionnaires with their response counts")
    List<QuestionnaireSummary> questionnaires(TenantContext tenant) {
        return editing.list(tenant.tenantId());
    }

    @GetMapping("/questionnaires/{id}")
    @Operation(summary = "One questionnaire with the pages and questions of its published version")
    @ApiResponse(responseCode = "404", description = "No such questionnaire in this organisation")
    QuestionnaireJson questionnaire(TenantContext tenant, @PathVariable UUID id) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        return QuestionnaireJson.of(q, editing.published(q).orElse(null), editing.draft(q).orElse(null));
    }

    @GetMapping("/questionnaires/{id}/draft")
    @Operation(summary = "The draft's questions as respondents would see them (a tailored draft resolved against its base)")
    @ApiResponse(responseCode = "404", description = "There is no draft")
    List<QuestionJson> draft(TenantContext tenant, @PathVariable UUID id) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        var draft = editing.draft(q).orElseThrow(() -> new NotFoundException("draft"));
        return editing.resolved(q, draft).stream().map(QuestionJson::of).toList();
    }

    @PostMapping("/questionnaires")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Start a questionnaire with an empty draft")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    ResponseEntity<QuestionnaireJson> create(TenantContext tenant, @Valid @RequestBody CreateRequest body) {
        Questionnaire q = editing.create(tenant, new NewQuestionnaire(body.name(), body.kind(), body.titleNl(), body.titleEn()));
        return ResponseEntity.created(URI.create("/api/v1/feedback/questionnaires/" + q.id()))
                .body(QuestionnaireJson.of(q, null, editing.draft(q).orElse(null)));
    }

    @PostMapping("/questionnaires/{id}/draft/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Add a question from the bank to the draft, on a page (the last page when left out)")
    @ApiResponse(responseCode = "400", description = "Unknown bank item, already in, or a wrong page")
    QuestionJson add(TenantContext tenant, @PathVariable UUID id, @Valid @RequestBody AddQuestionRequest body) {
        return QuestionJson.of(editing.addFromBank(tenant, id, body.itemKey(), body.page()));
    }

    @PostMapping("/questionnaires/{id}/publish")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Publish the draft; the version is frozen from then on")
    @ApiResponse(responseCode = "400", description = "The draft cannot be published yet; every problem is listed")
    QuestionnaireJson publish(TenantContext tenant, @PathVariable UUID id) {
        editing.publish(tenant, id);
        return questionnaire(tenant, id);
    }

    @PostMapping("/questionnaires/{id}/responses")
    @Operation(summary = "Submit a response, for example from a kiosk or a phone survey",
            description = "Stored anonymously with the current published version, the context and the day. "
                    + "Nothing about the sender is stored.")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "200", description = "The same token was received before; nothing was stored")
    @ApiResponse(responseCode = "400", description = "Unknown question, a value outside the scale or options, "
            + "text too long, a malformed token, a required question without answer, or the questionnaire is closed")
    ResponseEntity<ResponseResult> respond(TenantContext tenant, @PathVariable UUID id,
            @Valid @RequestBody ResponseRequest body) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        PublicQuestionnaire target = collection.open(q.publicId()).orElseThrow(() -> new NotFoundException("questionnaire"));
        try {
            if (target.version() == null) {
                throw new SubmissionRefused("feedback.refused.closed");
            }
            Answers answers = collection.read(target.layout(), raw(body.answers()));
            var c = body.context();
            ResponseContext context = c == null ? collection.context(q, null, null, null, null)
                    : collection.context(q, c.service(), c.channel(), c.municipality(), c.location());
            SubmitOutcome outcome = collection.submit(target, body.token(), answers, context, Via.API);
            return ResponseEntity.status(outcome == SubmitOutcome.STORED ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new ResponseResult(outcome.name()));
        } catch (SubmissionRefused refused) {
            throw ValidationProblem.of("answers", refused.messageCode(), refused.args());
        }
    }

    private static Map<String, List<String>> raw(Map<String, Object> answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        answers.forEach((key, value) -> {
            List<String> values = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(v -> values.add(scalar(key, v)));
            } else if (value != null) {
                values.add(scalar(key, value));
            }
            raw.put(key, values);
        });
        return raw;
    }

    private static String scalar(String key, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long) {
            return String.valueOf(value);
        }
        throw new SubmissionRefused("feedback.refused.value", key);
    }

    @GetMapping("/questionnaires/{id}/results")
    @Operation(summary = "Results with small groups suppressed",
            description = "Per week, per question (n, distribution, mean, share positive: 4-5 on agreement, 7-10 as a "
                    + "mark), and optionally a breakdown of one scale question by service, channel, municipality, "
                    + "location or a single-choice question. Groups below stadskompas.privacy.min-group-size have null "
                    + "values, with complementary suppression.")
    @ApiResponse(responseCode = "400", description = "Unknown breakdown field or question")
    ResultsJson results(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "Limit to one version") @RequestParam(required = false) UUID version,
            @Parameter(description = "service, channel, municipality, location or a question key")
            @RequestParam(required = false) String breakdown,
            @Parameter(description = "The scale question to break down") @RequestParam(required = false) String question) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResultsJson.of(results.results(tenant.tenantId(), id, version, breakdown, question, locale));
    }
}
