// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.Service;
import nl.stadskompas.organisation.api.OrganisationJson.ServiceData;
import nl.stadskompas.organisation.api.OrganisationJson.ServiceInput;
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
@RequestMapping(ApiSupport.BASE + "/services")
@Tag(name = "Organisation: services", description = "The services (products) residents and entrepreneurs can ask for,"
        + " with the team that owns"
        + " them, the municipalities where they are offered and the channels through which.")
@ProblemResponses.Access
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class ServicesApiController extends ApiSupport {

    private final OrganisationStructure structure;

    ServicesApiController(OrganisationStructure structure, MessageSource messages) {
        super(messages);
        this.structure = structure;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "List the services", description = "All services of the organisation, by name.")
    @ApiResponse(responseCode = "200", description = "The services.")
    List<ServiceData> list(TenantContext tenant) {
        return structure.services(tenant.tenantId()).stream().map(ServiceData::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "Get a service")
    @ApiResponse(responseCode = "200", description = "The service.")
    @ProblemResponses.NotFound
    ServiceData get(TenantContext tenant, @PathVariable UUID id) {
        return ServiceData.of(structure.service(tenant.tenantId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a service", description = "The name must be unique within the organisation, ignoring"
            + " case; the owner team and the municipalities must be"
            + " the organisation's own. Nothing is created when any field is wrong.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header points to it.")
    @ProblemResponses.BadInput
    ResponseEntity<ServiceData> create(TenantContext tenant, @Valid @RequestBody ServiceInput input) {
        Service created = structure.addService(tenant.tenantId(), input.details());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(ServiceData.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a service", description = "Replaces every field, also the sets of municipalities and"
            + " channels and the keywords. Nothing changes when"
            + " any field is wrong.")
    @ApiResponse(responseCode = "200", description = "The changed service.")
    @ProblemResponses.BadInput
    @ProblemResponses.NotFound
    ServiceData update(TenantContext tenant, @PathVariable UUID id, @Valid @RequestBody ServiceInput input) {
        return ServiceData.of(structure.changeService(tenant.tenantId(), id, input.details()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a service", description = "Removes the service.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ProblemResponses.NotFound
    void remove(TenantContext tenant, @PathVariable UUID id) {
        structure.removeService(tenant.tenantId(), id);
    }
}
