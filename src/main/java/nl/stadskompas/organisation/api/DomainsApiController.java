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

import nl.stadskompas.organisation.Domain;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.api.OrganisationJson.DomainData;
import nl.stadskompas.organisation.api.OrganisationJson.DomainInput;
import nl.stadskompas.organisation.api.OrganisationJson.Problem;
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
@RequestMapping(ApiSupport.BASE + "/domains")
@Tag(name = "Organisation: domains", description = "Domains group the teams of an organisation, such as the social"
        + " domain.")
@ProblemResponses.Access
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class DomainsApiController extends ApiSupport {

    private final OrganisationStructure structure;

    DomainsApiController(OrganisationStructure structure, MessageSource messages) {
        super(messages);
        this.structure = structure;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "List the domains", description = "All domains of the organisation by name, each with its"
            + " teams.")
    @ApiResponse(responseCode = "200", description = "The domains.")
    List<DomainData> list(TenantContext tenant) {
        return structure.domains(tenant.tenantId()).stream().map(d -> toData(tenant, d)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "Get a domain")
    @ApiResponse(responseCode = "200", description = "The domain.")
    @ProblemResponses.NotFound
    DomainData get(TenantContext tenant, @PathVariable UUID id) {
        return toData(tenant, structure.domain(tenant.tenantId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a domain", description = "The name must be unique within the organisation, ignoring"
            + " case. Nothing is created when any field is wrong.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header points to it.")
    @ProblemResponses.BadInput
    ResponseEntity<DomainData> create(TenantContext tenant, @Valid @RequestBody DomainInput input) {
        Domain created = structure.addDomain(tenant.tenantId(), input.details());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(toData(tenant, created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a domain", description = "Nothing changes when any field is wrong.")
    @ApiResponse(responseCode = "200", description = "The changed domain.")
    @ProblemResponses.BadInput
    @ProblemResponses.NotFound
    DomainData update(TenantContext tenant, @PathVariable UUID id, @Valid @RequestBody DomainInput input) {
        return toData(tenant, structure.changeDomain(tenant.tenantId(), id, input.details()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a domain", description = "Only a domain without teams can be removed: move or remove"
            + " its teams first.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "409", description = "The domain still has teams; the message names them. Nothing"
            + " changed.",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.NotFound
    void remove(TenantContext tenant, @PathVariable UUID id) {
        structure.removeDomain(tenant.tenantId(), id);
    }

    private DomainData toData(TenantContext tenant, Domain domain) {
        return DomainData.of(domain, structure.teamsIn(tenant.tenantId(), domain.id()));
    }
}
