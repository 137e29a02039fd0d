// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.feedback.FeedbackCards;
import nl.stadskompas.feedback.FeedbackCards.Card;
import nl.stadskompas.feedback.FeedbackCards.Kind;
import nl.stadskompas.feedback.FeedbackCards.OpenedCase;
import nl.stadskompas.feedback.FeedbackCards.Status;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

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
 * The feedback card inbox over REST, for the same employees as the inbox page (those who handle
 * requests): list cards by status, kind and team, read one (logged when it holds an address), move
 * it to another status, answer the resident by e-mail and turn it into a case. Lists leave the
 * address out. Wrong input gives a problem document and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/feedback/cards")
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
@Tag(name = "Feedback cards", description = "Ideas, compliments, complaints and questions sent with the feedback card")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class CardApiController {

    /** The value of {@code team} for cards without a team (the general inbox). */
    static final String GENERAL = "general";

    private final FeedbackCards cards;

    CardApiController(FeedbackCards cards) {
        this.cards = cards;
    }

    @Schema(description = "A feedback card as the inbox lists it, without the resident's address")
    record CardSummaryJson(UUID id, Kind kind, Status status, String message, UUID serviceId,
            @Schema(description = "The team whose inbox it is in; null for the general inbox") UUID teamId,
            String channel, String location,
            @Schema(description = "Whether the resident left an e-mail address for an answer") boolean hasEmail,
            String language, Instant receivedAt, Instant answeredAt, Instant closedAt,
            @Schema(description = "The reference of the case it was turned into, or null") String caseReference) {

        static CardSummaryJson of(Card c) {
            return new CardSummaryJson(c.id(), c.kind(), c.status(), c.message(), c.serviceId(), c.teamId(), c.channel(),
                    c.location(), c.email() != null, c.language(), c.receivedAt(), c.answeredAt(), c.closedAt(),
                    c.caseReference());
        }
    }

    @Schema(description = "One feedback card, with the resident's address while the card is open")
    record CardJson(UUID id, Kind kind, Status status, String message, UUID serviceId, UUID teamId, String channel,
            String location,
            @Schema(description = "Only to answer the resident; erased when the card is closed") String email,
            String language, String answer, Instant receivedAt, Instant answeredAt, Instant closedAt, UUID caseId,
            String caseReference) {

        static CardJson of(Card c) {
            return new CardJson(c.id(), c.kind(), c.status(), c.message(), c.serviceId(), c.teamId(), c.channel(),
                    c.location(), c.email(), c.language(), c.answer(), c.receivedAt(), c.answeredAt(), c.closedAt(),
                    c.caseId(), c.caseReference());
        }
    }

    @Schema(description = "The status to move a card to; CLOSED erases the address")
    record StatusRequest(Status status) {
    }

    @Schema(description = "The answer to send to the resident by e-mail")
    record AnswerRequest(String answer) {
    }

    @Schema(description = "The case to make of a card")
    record CaseRequest(UUID caseTypeId,
            @Schema(description = "The case's subject; left out, the card's message is used") String subject) {
    }

    @Schema(description = "The case made of a card")
    record CaseJson(UUID caseId, String reference) {
    }

    @GetMapping
    @Operation(summary = "The organisation's feedback cards, newest first")
    @ApiResponse(responseCode = "400", description = "An unknown status, kind or team")
    List<CardSummaryJson> list(TenantContext tenant,
            @Parameter(description = "NEW, IN_PROGRESS, ANSWERED or CLOSED") @RequestParam(required = false) Status status,
            @Parameter(description = "IDEA, COMPLIMENT, COMPLAINT or QUESTION") @RequestParam(required = false) Kind kind,
            @Parameter(description = "A team's id, or \"general\" for cards without a team")
            @RequestParam(required = false) String team) {
        return cards.inbox(tenant, team(team), status, kind).stream().map(CardSummaryJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One feedback card; reading one with an address is logged")
    @ApiResponse(responseCode = "404", description = "No such card in this organisation")
    CardJson card(TenantContext tenant, @PathVariable UUID id) {
        return CardJson.of(cards.card(tenant, id));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a card to another status", description = "Closing erases the resident's address.")
    @ApiResponse(responseCode = "400", description = "No or an unknown status, or the card is closed already")
    @ApiResponse(responseCode = "404", description = "No such card in this organisation")
    CardJson status(TenantContext tenant, @PathVariable UUID id, @RequestBody StatusRequest body) {
        if (body.status() == null) {
            throw ValidationProblem.of("status", "feedback.card.status.unknown");
        }
        cards.changeStatus(tenant, id, body.status());
        return CardJson.of(cards.card(tenant, id));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer the resident by e-mail", description = "The card is marked answered.")
    @ApiResponse(responseCode = "400", description = "An empty or too long answer, or no address to send it to")
    @ApiResponse(responseCode = "404", description = "No such card in this organisation")
    CardJson answer(TenantContext tenant, @PathVariable UUID id, @RequestBody AnswerRequest body) {
        cards.answer(tenant, id, body.answer());
        return CardJson.of(cards.card(tenant, id));
    }

    @PostMapping("/{id}/case")
    @Operation(summary = "Turn a card into a case of a case type",
            description = "Once per card. The resident's address, if any, goes with it, so they get the case's receipt.")
    @ApiResponse(responseCode = "201", description = "The case is made")
    @ApiResponse(responseCode = "400", description = "An unknown case type, a too long subject, or the card is closed "
            + "or was turned into a case before")
    @ApiResponse(responseCode = "404", description = "No such card in this organisation")
    ResponseEntity<CaseJson> openCase(TenantContext tenant, @PathVariable UUID id, @RequestBody CaseRequest body) {
        OpenedCase opened = cards.openCase(tenant, id, body.caseTypeId(), body.subject());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.caseId()))
                .body(new CaseJson(opened.caseId(), opened.reference()));
    }

    private static UUID team(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (GENERAL.equals(value.strip())) {
            return FeedbackCards.GENERAL;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of("team", "feedback.cards.team.unknown");
        }
    }
}
