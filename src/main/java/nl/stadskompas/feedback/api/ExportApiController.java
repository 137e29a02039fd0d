// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.feedback.FeedbackExports;
import nl.stadskompas.feedback.FeedbackExports.Download;
import nl.stadskompas.feedback.FeedbackExports.Format;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of questionnaire data over REST: aggregate results for every reader, raw answers with a
 * codebook for researchers (logged). CSV comes as a zip with one file per table, XLSX as one
 * workbook with a sheet per table.
 */
@RestController
@RequestMapping("/api/v1/feedback/questionnaires/{id}/exports")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Feedback exports", description = "Aggregate results and raw answers as CSV (zip) or XLSX")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
@ApiResponse(responseCode = "404", description = "No such questionnaire in this organisation")
class ExportApiController {

    private final FeedbackExports exports;

    ExportApiController(FeedbackExports exports) {
        this.exports = exports;
    }

    @GetMapping(value = "/results", produces = { "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @Operation(summary = "The results tables, with groups below the minimum size suppressed as on the results page")
    @ApiResponse(responseCode = "400", description = "Unknown breakdown field or question")
    void results(HttpServletResponse response, TenantContext tenant, @PathVariable UUID id,
            @RequestParam(defaultValue = "XLSX") Format format,
            @Parameter(description = "Limit to one version") @RequestParam(required = false) UUID version,
            @Parameter(description = "service, channel, municipality, location or a question key")
            @RequestParam(required = false) String breakdown,
            @Parameter(description = "The scale question to break down") @RequestParam(required = false) String question) throws IOException {
        send(response, exports.results(tenant, id, version, breakdown, question, format, LocaleContextHolder.getLocale()));
    }

    @GetMapping(value = "/raw", produces = { "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @PreAuthorize("hasAuthority('PERM_RESEARCH_DATA')")
    @Operation(summary = "Every response as one row, one column per question (a multiple choice: one per option), "
            + "free text included, with a codebook", description = "Needs the research data permission. Every "
            + "download is logged with who and when. Streamed: memory stays flat for any number of answers.")
    void raw(HttpServletResponse response, TenantContext tenant, @PathVariable UUID id,
            @RequestParam(defaultValue = "XLSX") Format format) throws IOException {
        send(response, exports.raw(tenant, id, format, LocaleContextHolder.getLocale()));
    }

    static void send(HttpServletResponse response, Download download) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(download.contentType());
        // Written straight to the response as rows come from the database; with virtual threads a
        // request thread per download is cheap, and there is no second (async) dispatch.
        download.body().writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
