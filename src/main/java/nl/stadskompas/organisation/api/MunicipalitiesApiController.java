// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import nl.stadskompas.organisation.Municipality;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.api.OrganisationJson.MunicipalityData;
import nl.stadskompas.organisation.api.OrganisationJson.MunicipalityInput;
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
@RequestMapping(ApiSupport.BASE + "/municipalities")
@Tag(name = "Organisation: municipalities", description = "The municipalities an organisation works for. A shared"
        + " service organisation works for several; services say in which ones they are offered.")
@ProblemResponses.Access
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class MunicipalitiesApiController extends ApiSupport {

    private final OrganisationStructure structure;

    MunicipalitiesApiController(OrganisationStructure structure, MessageSource messages) {
        super(messages);
        this.structure = structure;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "List the municipalities", description = "All municipalities of the organisation, by name.")
    @ApiResponse(responseCode = "200", description = "The municipalities.")
    List<MunicipalityData> list(TenantContext tenant) {
        return structure.municipalities(tenant.tenantId()).stream().map(MunicipalityData::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "Get a municipality")
    @ApiResponse(responseCode = "200", description = "The municipality.")
    @ProblemResponses.NotFound
    MunicipalityData get(TenantContext tenant, @PathVariable UUID id) {
        return MunicipalityData.of(structure.municipality(tenant.tenantId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a municipality", description = "The name must be unique within the organisation,"
            + " ignoring case. Nothing is created when any field is wrong.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header points to it.")
    @ProblemResponses.BadInput
    ResponseEntity<MunicipalityData> create(TenantContext tenant, @Valid @RequestBody MunicipalityInput input) {
        Municipality created = structure.addMunicipality(tenant.tenantId(), input.details());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(MunicipalityData.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a municipality", description = "Nothing changes when any field is wrong.")
    @ApiResponse(responseCode = "200", description = "The changed municipality.")
    @ProblemResponses.BadInput
    @ProblemResponses.NotFound
    MunicipalityData update(TenantContext tenant, @PathVariable UUID id, @Valid @RequestBody MunicipalityInput input) {
        return MunicipalityData.of(structure.changeMunicipality(tenant.tenantId(), id, input.details()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a municipality", description = "The municipality is also taken off every service"
            + " that was offered there; the services themselves stay.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ProblemResponses.NotFound
    void remove(TenantContext tenant, @PathVariable UUID id) {
        structure.removeMunicipality(tenant.tenantId(), id);
    }
}
