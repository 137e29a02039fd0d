// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.feedback.ResidentStories;
import nl.stadskompas.feedback.ResidentStories.ConsentHow;
import nl.stadskompas.feedback.ResidentStories.Story;
import nl.stadskompas.feedback.ResidentStories.StoryInput;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' stories over REST, for the same employees as the stories pages (those who write
 * surveys): list them, read one (logged) and record one, only with the resident's recorded
 * consent. Wrong input gives a problem document listing every field, and nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/feedback/stories")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
@Tag(name = "Residents' stories", description = "Longer stories of residents, recorded with their consent")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class StoryApiController {

    private final ResidentStories stories;

    StoryApiController(ResidentStories stories) {
        this.stories = stories;
    }

    @Schema(description = "A story as the list shows it, without its text")
    record StorySummaryJson(UUID id, UUID serviceId, String title, LocalDate toldOn, ConsentHow consentHow,
            String recordedBy, OffsetDateTime recordedAt) {

        static StorySummaryJson of(Story s) {
            return new StorySummaryJson(s.id(), s.serviceId(), s.title(), s.toldOn(), s.consentHow(), s.recordedBy(),
                    s.recordedAt());
        }
    }

    @Schema(description = "A story with its text and how the resident gave consent")
    record StoryJson(UUID id, UUID serviceId, String title, String story, LocalDate toldOn, ConsentHow consentHow,
            String consentNote, String recordedBy, OffsetDateTime recordedAt) {

        static StoryJson of(Story s) {
            return new StoryJson(s.id(), s.serviceId(), s.title(), s.story(), s.toldOn(), s.consentHow(),
                    s.consentNote(), s.recordedBy(), s.recordedAt());
        }
    }

    @Schema(description = "A story to record. Never write the resident's name or address in it.")
    record StoryRequest(@Schema(description = "The service it is about, if any") UUID serviceId,
            @Schema(description = "A short title", maxLength = ResidentStories.TITLE_MAX) String title,
            @Schema(description = "The story", maxLength = ResidentStories.STORY_MAX) String story,
            @Schema(description = "The day it was told, as 2026-03-31; not in the future", example = "2026-03-31")
            String toldOn,
            @Schema(description = "Must be true: the resident agreed that the story is kept and used") boolean consent,
            @Schema(description = "ORAL or WRITTEN") String consentHow,
            @Schema(description = "A note on the consent, such as \"internal use only\"",
                    maxLength = ResidentStories.NOTE_MAX) String consentNote) {
    }

    @Schema(description = "The id of the recorded story")
    record RecordedJson(UUID id) {
    }

    @GetMapping
    @Operation(summary = "The organisation's stories, newest first, without their text")
    List<StorySummaryJson> list(TenantContext tenant,
            @Parameter(description = "Only the stories about this service") @RequestParam(required = false) UUID service) {
        return stories.list(tenant, service).stream().map(StorySummaryJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One story with its text; reading it is logged")
    @ApiResponse(responseCode = "404", description = "No such story in this organisation")
    StoryJson story(TenantContext tenant, @PathVariable UUID id) {
        return StoryJson.of(stories.story(tenant, id));
    }

    @PostMapping
    @Operation(summary = "Record a story told with the resident's consent")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Missing consent, an empty or too long text, a day that is wrong "
            + "or in the future, or an unknown service")
    ResponseEntity<RecordedJson> record(TenantContext tenant, @RequestBody StoryRequest body) {
        List<FieldProblem> wrong = new ArrayList<>();
        LocalDate toldOn = null;
        if (body.toldOn() != null && !body.toldOn().isBlank()) {
            try {
                toldOn = LocalDate.parse(body.toldOn().strip());
            } catch (DateTimeParseException e) {
                wrong.add(new FieldProblem("toldOn", "feedback.story.toldOn.invalid"));
            }
        }
        ConsentHow how = null;
        if (body.consentHow() != null && !body.consentHow().isBlank()) {
            try {
                how = ConsentHow.valueOf(body.consentHow().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wrong.add(new FieldProblem("consentHow", "feedback.story.consentHow.required"));
            }
        }
        UUID id;
        try {
            id = stories.record(tenant, new StoryInput(body.serviceId(), body.title(), body.story(), toldOn,
                    body.consent(), how, body.consentNote()));
        } catch (ValidationProblem problem) {
            // A day or way of consent that could not be read is reported as such, not as missing.
            List<FieldProblem> all = new ArrayList<>(wrong);
            problem.problems().stream().filter(p -> wrong.stream().noneMatch(w -> w.field().equals(p.field())))
                    .forEach(all::add);
            throw new ValidationProblem(all);
        }
        return ResponseEntity.created(URI.create("/api/v1/feedback/stories/" + id))
                .body(new RecordedJson(id));
    }
}
