// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.zgw.ZgwIntake;
import nl.stadskompas.zgw.ZgwIntake.IntakeEntry;
import nl.stadskompas.zgw.ZgwSettings;
import nl.stadskompas.zgw.ZgwSettings.ConnectionSettings;
import nl.stadskompas.zgw.ZgwSettings.ConnectionView;
import nl.stadskompas.zgw.ZgwSettings.ZaaktypeMapping;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connection to the case system of the tenant named in the {@code X-Tenant-Id} header: its
 * settings (secrets are never given back), zaaktype and statustype mappings, the abonnement and the
 * intake log.
 */
@RestController
@RequestMapping("/api/v1/zgw")
@PreAuthorize("hasAuthority('PERM_INTEGRATIONS_MANAGE')")
@Tag(name = "ZGW connection", description = "The municipality's case system: settings, mappings, abonnement, intake log")
class ZgwApi {

    private final ZgwSettings settings;
    private final ZgwIntake intake;

    ZgwApi(ZgwSettings settings, ZgwIntake intake) {
        this.settings = settings;
        this.intake = intake;
    }

    @GetMapping("/connection")
    @Operation(summary = "The connection; secrets only by their last characters",
            responses = @ApiResponse(responseCode = "404", description = "Not configured"))
    ConnectionView connection(TenantContext tenant) {
        return settings.connection(tenant.tenantId()).orElseThrow(() -> new NotFoundException("connection"));
    }

    @PutMapping("/connection")
    @Operation(summary = "Save the connection; a blank secret or token keeps the saved one", responses = {
            @ApiResponse(responseCode = "200", description = "Saved"),
            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed in errors") })
    ConnectionView saveConnection(TenantContext tenant, @RequestBody ConnectionSettings request) {
        settings.saveConnection(tenant.tenantId(), request);
        return connection(tenant);
    }

    @PostMapping("/abonnement")
    @Operation(summary = "Register (or replace) the abonnement with the Notificaties API", responses = {
            @ApiResponse(responseCode = "200", description = "Registered"),
            @ApiResponse(responseCode = "400", description = "No connection or zaaktype, or the Notificaties API refused") })
    ConnectionView registerAbonnement(TenantContext tenant) {
        settings.registerAbonnement(tenant.tenantId());
        return connection(tenant);
    }

    @GetMapping("/zaaktypes")
    @Operation(summary = "The zaaktypes taken in, with their case type and statustype mappings")
    List<ZaaktypeMapping> zaaktypes(TenantContext tenant) {
        return settings.zaaktypes(tenant.tenantId());
    }

    @PostMapping("/zaaktypes")
    @Operation(summary = "Take zaken of a zaaktype in as cases of a local case type", responses = {
            @ApiResponse(responseCode = "201", description = "Created"),
            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed in errors") })
    ResponseEntity<ZaaktypeMapping> addZaaktype(TenantContext tenant, @RequestBody ZaaktypeRequest request) {
        UUID id = settings.addZaaktype(tenant.tenantId(), request.zaaktypeUrl(), request.caseTypeId(), request.channel());
        return ResponseEntity.created(URI.create("/api/v1/zgw/zaaktypes/" + id)).body(find(tenant, id));
    }

    @DeleteMapping("/zaaktypes/{id}")
    @Operation(summary = "Stop taking in a zaaktype")
    ResponseEntity<Void> removeZaaktype(TenantContext tenant, @PathVariable UUID id) {
        settings.removeZaaktype(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/zaaktypes/{id}/statustypes")
    @Operation(summary = "Say which local status a statustype (URL, volgnummer or omschrijving) means", responses = {
            @ApiResponse(responseCode = "201", description = "Created"),
            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed in errors") })
    ResponseEntity<ZaaktypeMapping> addStatustype(TenantContext tenant, @PathVariable UUID id,
            @RequestBody StatustypeRequest request) {
        settings.addStatustype(tenant.tenantId(), id, request.matchOn(), request.statusCode());
        return ResponseEntity.status(201).body(find(tenant, id));
    }

    @DeleteMapping("/zaaktypes/{id}/statustypes/{statustypeId}")
    @Operation(summary = "Remove a statustype mapping")
    ResponseEntity<Void> removeStatustype(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID statustypeId) {
        settings.removeStatustype(tenant.tenantId(), statustypeId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/intake")
    @Operation(summary = "The latest notifications received, newest first, with what they did or why they wait")
    List<IntakeEntry> intake(TenantContext tenant, @RequestParam(defaultValue = "100") int limit) {
        return intake.log(tenant.tenantId(), limit);
    }

    @PostMapping("/intake/{id}/retry")
    @Operation(summary = "Try a waiting or failed notification again now",
            responses = @ApiResponse(responseCode = "202", description = "Scheduled"))
    ResponseEntity<Void> retry(TenantContext tenant, @PathVariable UUID id) {
        intake.retry(tenant.tenantId(), id);
        return ResponseEntity.accepted().build();
    }

    private ZaaktypeMapping find(TenantContext tenant, UUID id) {
        return settings.zaaktypes(tenant.tenantId()).stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("zaaktype"));
    }

    /** A zaaktype mapping as the API takes it; the channel defaults to ONLINE. */
    record ZaaktypeRequest(String zaaktypeUrl, UUID caseTypeId, IntakeChannel channel) {
    }

    /** A statustype mapping as the API takes it. */
    record StatustypeRequest(String matchOn, String statusCode) {
    }
}
