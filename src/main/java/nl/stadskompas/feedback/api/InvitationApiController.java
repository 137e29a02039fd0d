// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.feedback.Invitations;
import nl.stadskompas.feedback.Invitations.Outcome;
import nl.stadskompas.feedback.Invitations.Source;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Continuous measurement over REST: another system (for example a case system or a contact
 * centre) invites the person it just helped. A person is invited at most once per interval. Open to
 * those who write surveys and to those who handle requests (as the systems that close them do).
 */
@RestController
@RequestMapping("/api/v1/feedback")
@PreAuthorize("hasAnyAuthority('PERM_SURVEYS_EDIT', 'PERM_CASES_HANDLE')")
@Tag(name = "Feedback", description = "Questionnaires, question bank, responses and results")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class InvitationApiController {

    private final Invitations invitations;

    InvitationApiController(Invitations invitations) {
        this.invitations = invitations;
    }

    /**
     * Who to invite.
     *
     * @param email the person's e-mail address; it is used for the message only and not kept here
     * @param language {@code nl} (default) or {@code en}
     */
    record InvitationRequest(String email, String language) {
    }

    /** What happened: {@code INVITED}, or {@code RECENTLY_INVITED} when nothing was sent. */
    record InvitationResult(Outcome outcome) {
    }

    @PostMapping("/questionnaires/{id}/invitations")
    @Operation(summary = "Invite a person by e-mail with a personal single-use link",
            description = "A reminder follows after the configured number of days if there is no answer. "
                    + "A person invited within the configured interval is not invited again.")
    @ApiResponse(responseCode = "202", description = "Invited: the message is queued")
    @ApiResponse(responseCode = "200", description = "Invited recently; nothing was sent")
    @ApiResponse(responseCode = "400", description = "A malformed address, or the questionnaire is not published "
            + "or its field period is over")
    @ApiResponse(responseCode = "404", description = "No such questionnaire in this organisation")
    ResponseEntity<InvitationResult> invite(TenantContext tenant, @PathVariable UUID id,
            @RequestBody InvitationRequest body) {
        Locale language = "en".equals(body.language()) ? Locale.ENGLISH : Locale.of("nl");
        Outcome outcome = invitations.inviteOne(tenant.tenantId(), id, body.email(), language, Source.API);
        return ResponseEntity.status(outcome == Outcome.INVITED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new InvitationResult(outcome));
    }
}
