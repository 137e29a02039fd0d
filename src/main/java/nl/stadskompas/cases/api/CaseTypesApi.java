// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.cases.CaseKind;
import nl.stadskompas.cases.CaseTypeDraft;
import nl.stadskompas.cases.CaseTypeManagement;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case types of the tenant named in the {@code X-Tenant-Id} header.
 */
@RestController
@RequestMapping("/api/v1/case-types")
@Tag(name = "Case types", description = "Kinds of request with norm lead time and statuses with resident texts")
class CaseTypesApi {

    private final CaseTypeManagement management;

    CaseTypesApi(CaseTypeManagement management) {
        this.management = management;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "All case types of the tenant")
    List<CaseTypeView> all(TenantContext tenant) {
        return management.all(tenant.tenantId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "One case type", responses = @ApiResponse(responseCode = "404", description = "No such case type in this tenant"))
    CaseTypeView get(TenantContext tenant, @PathVariable UUID id) {
        return management.get(tenant.tenantId(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
    @Operation(summary = "Create a case type", responses = {
            @ApiResponse(responseCode = "201", description = "Created"),
            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed in errors") })
    ResponseEntity<CaseTypeView> create(TenantContext tenant, @RequestBody CaseTypeRequest request) {
        UUID id = management.create(tenant.tenantId(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/case-types/" + id)).body(management.get(tenant.tenantId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
    @Operation(summary = "Change a case type and its statuses")
    CaseTypeView update(TenantContext tenant, @PathVariable UUID id, @RequestBody CaseTypeRequest request) {
        management.update(tenant.tenantId(), id, request.draft());
        return management.get(tenant.tenantId(), id);
    }

    /** A case type as the API takes it. */
    record CaseTypeRequest(String name, String description, CaseKind kind, UUID serviceId,
            UUID ownerTeamId, Integer normDays, List<StatusDefinition> statuses) {

        CaseTypeDraft draft() {
            return new CaseTypeDraft(name, description, kind, serviceId, ownerTeamId, normDays == null ? 0 : normDays, statuses == null ? List.of() : statuses);
        }
    }
}
