// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.Team;
import nl.stadskompas.organisation.api.OrganisationJson.Problem;
import nl.stadskompas.organisation.api.OrganisationJson.TeamData;
import nl.stadskompas.organisation.api.OrganisationJson.TeamInput;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(ApiSupport.BASE + "/teams")
@Tag(name = "Organisation: teams", description = "Teams with their core tasks. Other modules refer to teams by id.")
@ProblemResponses.Access
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class TeamsApiController extends ApiSupport {

    private final OrganisationStructure structure;

    TeamsApiController(OrganisationStructure structure, MessageSource messages) {
        super(messages);
        this.structure = structure;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "List the teams", description = "All teams of the organisation by name, each with its core"
            + " tasks and the services it owns.")
    @ApiResponse(responseCode = "200", description = "The teams.")
    List<TeamData> list(TenantContext tenant) {
        return structure.teams(tenant.tenantId()).stream().map(t -> toData(tenant, t)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "Get a team")
    @ApiResponse(responseCode = "200", description = "The team.")
    @ProblemResponses.NotFound
    TeamData get(TenantContext tenant, @PathVariable UUID id) {
        return toData(tenant, structure.team(tenant.tenantId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a team", description = "The name must be unique within the organisation, ignoring case;"
            + " the domain, when given, must be one of the"
            + " organisation. Nothing is created when any field is wrong.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header points to it.")
    @ProblemResponses.BadInput
    ResponseEntity<TeamData> create(TenantContext tenant, @Valid @RequestBody TeamInput input) {
        Team created = structure.addTeam(tenant.tenantId(), input.details());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(toData(tenant, created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a team", description = "Replaces name, domain, description and all core tasks."
            + " Nothing changes when any field is wrong.")
    @ApiResponse(responseCode = "200", description = "The changed team.")
    @ProblemResponses.BadInput
    @ProblemResponses.NotFound
    TeamData update(TenantContext tenant, @PathVariable UUID id, @Valid @RequestBody TeamInput input) {
        return toData(tenant, structure.changeTeam(tenant.tenantId(), id, input.details()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a team", description = "Only a team that owns no services can be removed: give its"
            + " services another team first.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "409", description = "The team still owns services; the message names them. Nothing"
            + " changed.",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.NotFound
    void remove(TenantContext tenant, @PathVariable UUID id) {
        structure.removeTeam(tenant.tenantId(), id);
    }

    private TeamData toData(TenantContext tenant, Team team) {
        return TeamData.of(team, structure.servicesOwnedBy(tenant.tenantId(), team.id()));
    }
}
