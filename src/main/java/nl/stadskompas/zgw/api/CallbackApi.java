// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.zgw.ZgwIntake;
import nl.stadskompas.zgw.ZgwIntake.CallbackRefused;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback the municipality's Notificaties API calls. It is not signed in as an employee: the
 * Notificaties API proves itself with the Authorization value agreed in the abonnement, so this
 * controller names the tenant in its path instead of taking a {@code TenantContext}.
 */
@RestController
@Tag(name = "ZGW callback", description = "Notifications from the municipality's case system (Notificaties API 1.0)")
class CallbackApi {

    private final ZgwIntake intake;

    CallbackApi(ZgwIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/zgw/callbacks/{tenantId}")
    @SecurityRequirements
    @Operation(summary = "Receive a notification", description = "The notification is stored before it is "
            + "acknowledged and processed afterwards; the same notification sent twice is stored once.",
            responses = {
                    @ApiResponse(responseCode = "204", description = "Stored (or stored before)"),
                    @ApiResponse(responseCode = "400", description = "Not a notification; every problem is listed in errors"),
                    @ApiResponse(responseCode = "401", description = "Authorization missing or not the agreed value") })
    ResponseEntity<Void> receive(@PathVariable UUID tenantId,
            @Parameter(description = "The value agreed in the abonnement, for example Bearer ...")
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        try {
            intake.receive(tenantId, authorization, body);
        } catch (DataIntegrityViolationException sameMomentDuplicate) {
            // Another request stored the same notification at the same moment: it is stored.
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CallbackRefused.class)
    ResponseEntity<ProblemDetail> refused() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Authorization missing or not the agreed value");
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem);
    }
}
