// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.insights.Reports;
import nl.stadskompas.insights.Reports.StoredReport;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Council reports over REST: the stored reports, making one for a period (PDF/UA and XLSX), and
 * downloading a file.
 */
@RestController
@RequestMapping("/api/v1/insights/reports")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Insights: council report", description = "Council reports per period as PDF/UA and spreadsheet")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class ReportApiController {

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    /**
     * What a request to make a report posts: the period, the language (nl, the default, or en) and
     * optionally the id of the population margins to weight to.
     */
    record ReportRequest(String period, String language, UUID margins) {
    }

    /** The margins the scheduled reports are weighted to, or null for unweighted. */
    record ScheduleSetting(UUID margins) {
    }

    @GetMapping
    @Operation(summary = "The stored reports, newest period first")
    List<StoredReport> list(TenantContext tenant) {
        return reports.stored(tenant.tenantId());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Makes and stores the PDF and the spreadsheet of a period (2026, 2026-Q1 or 2026-03), in "
            + "Dutch (language nl, the default) or English (en)", description = "With margins (the id of a set of "
            + "population margins) the estimates per question and the key drivers are weighted by raking, as the "
            + "analyses do: weighted means with margins of error by linearisation and design effects, weighted key "
            + "drivers without p-values; the method section names the margins, the design effect and the effective "
            + "n. When weighting is not possible for the period the report says why and nothing is weighted. "
            + "weightedTo names the margins used.")
    @ApiResponse(responseCode = "400", description = "The period is missing or not written as 2026, 2026-Q1 or "
            + "2026-03, the language is not nl or en, or the margins are unknown")
    List<StoredReport> generate(TenantContext tenant, @RequestBody ReportRequest request) {
        return reports.generate(tenant, request.period(), request.language(), request.margins());
    }

    @GetMapping("/schedule")
    @Operation(summary = "The population margins the quarterly scheduled reports are weighted to (null: unweighted)")
    ScheduleSetting schedule(TenantContext tenant) {
        return new ScheduleSetting(reports.scheduledWeighting(tenant.tenantId()).orElse(null));
    }

    @PutMapping("/schedule")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Chooses the population margins the quarterly scheduled reports are weighted to (null: "
            + "unweighted)")
    @ApiResponse(responseCode = "400", description = "Unknown margins; nothing was changed")
    ScheduleSetting changeSchedule(TenantContext tenant, @RequestBody ScheduleSetting setting) {
        reports.scheduleWeighting(tenant, setting.margins());
        return schedule(tenant);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Downloads a stored report")
    @ApiResponse(responseCode = "404", description = "No such report in this organisation")
    ResponseEntity<byte[]> download(TenantContext tenant, @PathVariable UUID id) {
        StoredReport report = reports.report(tenant.tenantId(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(report.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .body(reports.content(tenant.tenantId(), id));
    }
}
