// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.CaseDetails;
import nl.stadskompas.cases.CaseHandling.OpenCase;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.DelayKind;
import nl.stadskompas.cases.DelayReason;

import nl.stadskompas.platform.TenantContext;

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
 * Cases of the tenant named in the {@code X-Tenant-Id} header: intake from any channel or system,
 * status changes, delays and progress links. Bodies are checked by the module itself (not by bean
 * validation before the call), so that a caller without the permission gets 403 whatever it sends.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
@Tag(name = "Cases", description = "Requests of every kind with status history, delays and progress links")
class CasesApi {

    private final CaseHandling handling;

    CasesApi(CaseHandling handling) {
        this.handling = handling;
    }

    @GetMapping
    @Operation(summary = "Open cases with their age in working days against the norm")
    List<OpenCase> open(TenantContext tenant,
            @Parameter(description = "Only this team's cases") @RequestParam(required = false) UUID teamId,
            @Parameter(description = "age (oldest first) or expected (earliest expected date first)")
            @RequestParam(defaultValue = "age") String sort) {
        return handling.openCases(tenant.tenantId(), teamId, sort);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case with its history, delays, requester and municipality (null when not known)",
            responses = @ApiResponse(responseCode = "404", description = "No such case in this tenant"))
    CaseDetails get(TenantContext tenant, @PathVariable UUID id) {
        return handling.get(tenant.tenantId(), id);
    }

    @PostMapping
    @Operation(summary = "Register a case", description = "The answer holds the first progress link; it is not "
            + "stored and cannot be read again (a new one can be made). municipalityId names the municipality of "
            + "the organisation the case is about (see the organisation API); it may be left out, and when the "
            + "organisation has exactly one municipality that one is taken.", responses = {
                    @ApiResponse(responseCode = "201", description = "Registered"),
                    @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed in errors") })
    ResponseEntity<Registered> register(TenantContext tenant, @RequestBody Registration registration) {
        var registered = handling.register(tenant.tenantId(), tenant.userId(), registration);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + registered.caseId()))
                .body(new Registered(registered.caseId(), registered.reference(),
                        CaseTracking.PROGRESS_PATH + registered.progressToken()));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move the case to another status of its type (a final status closes it)", responses = {
            @ApiResponse(responseCode = "400", description = "Unknown status, same status, or the case is closed") })
    CaseDetails changeStatus(TenantContext tenant, @PathVariable UUID id, @RequestBody StatusChange change) {
        handling.changeStatus(tenant.tenantId(), id, tenant.userId(), change.statusCode(), change.note());
        return handling.get(tenant.tenantId(), id);
    }

    @PostMapping("/{id}/delays")
    @Operation(summary = "Suspend or extend the case to a later expected date")
    CaseDetails delay(TenantContext tenant, @PathVariable UUID id, @RequestBody DelayRequest delay) {
        handling.delay(tenant.tenantId(), id, tenant.userId(), delay.kind(), delay.reason(), delay.explanation(),
                delay.newDate());
        return handling.get(tenant.tenantId(), id);
    }

    @PostMapping("/{id}/progress-link")
    @Operation(summary = "Replace the progress link", description = "Every earlier link stops working; the new "
            + "path is returned once.")
    ProgressLink replaceLink(TenantContext tenant, @PathVariable UUID id) {
        return new ProgressLink(CaseTracking.PROGRESS_PATH + handling.replaceProgressLink(tenant.tenantId(), id));
    }

    /** A registered case with the path of its first progress link. */
    record Registered(UUID id, String reference, String progressPath) {
    }

    record StatusChange(String statusCode, String note) {
    }

    record DelayRequest(DelayKind kind, DelayReason reason, String explanation,
            LocalDate newDate) {
    }

    record ProgressLink(String progressPath) {
    }
}
