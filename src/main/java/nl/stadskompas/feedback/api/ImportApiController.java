// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.api;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import nl.stadskompas.feedback.ImportCheck;
import nl.stadskompas.feedback.ImportColumn;
import nl.stadskompas.feedback.ImportProblem;
import nl.stadskompas.feedback.SurveyImport;
import nl.stadskompas.feedback.SurveyImports;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of earlier survey answers from CSV over REST: upload, map the columns, check, import (all
 * rows or none). The same rules as the import pages.
 */
@RestController
@RequestMapping("/api/v1/feedback/questionnaires/{id}/imports")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
@Tag(name = "Feedback imports", description = "Import earlier survey answers from CSV: upload, map, check, import")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
@ApiResponse(responseCode = "404", description = "No such questionnaire or import in this organisation")
class ImportApiController {

    private final SurveyImports imports;
    private final MessageSource messages;

    ImportApiController(SurveyImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Schema(description = "An uploaded file, its column mapping and whether it was imported")
    record ImportJson(UUID id, String fileName, String encoding, String separator,
            @Schema(description = "Rows with answers, the column names not counted") int rows,
            @Schema(description = "Day recorded for rows without a date") LocalDate defaultDate,
            SurveyImport.Status status, Instant uploadedAt, String uploadedBy, Instant importedAt, String importedBy,
            Integer importedCount, List<ColumnJson> columns) {

        static ImportJson of(SurveyImport i) {
            return new ImportJson(i.id(), i.fileName(), i.encoding(), String.valueOf(i.separator()), i.rows(),
                    i.defaultDate(), i.status(), i.uploadedAt(), i.uploadedBy(), i.importedAt(), i.importedBy(),
                    i.importedCount(), i.columns().stream().map(ColumnJson::of).toList());
        }
    }

    @Schema(description = "A column of the file")
    record ColumnJson(@Schema(description = "A, B, ... as in a spreadsheet") String column, String header,
            @Schema(description = "A question key, @date, @service, @channel, @municipality, @location, or null") String target) {

        static ColumnJson of(ImportColumn c) {
            return new ColumnJson(c.name(), c.header(), c.target());
        }
    }

    @Schema(description = "The mapping of columns; columns left out are not imported")
    record MappingRequest(@NotNull @Schema(description = "Per column (A, B ...) its target") Map<String, String> columns,
            @Schema(description = "Day for rows without a date of their own") LocalDate defaultDate) {
    }

    @Schema(description = "The outcome of checking every row")
    record CheckJson(int rows, boolean ready, int problemCount,
            @Schema(description = "The first 500 problems, in file order") List<ProblemJson> problems) {
    }

    @Schema(description = "A problem at a row and column of the file")
    record ProblemJson(@Schema(description = "Row as a spreadsheet numbers it (column names are row 1); 0 for the file") int row,
            String column, String header, String code, String message) {
    }

    @GetMapping
    @Operation(summary = "The imports of a questionnaire, newest first")
    List<ImportJson> list(TenantContext tenant, @PathVariable UUID id) {
        return imports.imports(tenant.tenantId(), id).stream().map(ImportJson::of).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV file (UTF-8 with or without BOM, or Windows-1252; ';', ',' or tab separated)",
            description = "The first row holds the column names; a first mapping is guessed from them.")
    @ApiResponse(responseCode = "201", description = "Uploaded; map the columns next")
    @ApiResponse(responseCode = "400", description = "Empty, too large, not text, no rows, or nothing published")
    ResponseEntity<ImportJson> upload(TenantContext tenant, @PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return created(id, imports.upload(tenant, id, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Upload a CSV file as the request body")
    @ApiResponse(responseCode = "201", description = "Uploaded; map the columns next")
    @ApiResponse(responseCode = "400", description = "Empty, too large, not text, no rows, or nothing published")
    ResponseEntity<ImportJson> uploadBody(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "The file's name, for the list of imports") @RequestParam(required = false) String fileName,
            @RequestBody byte[] body) {
        return created(id, imports.upload(tenant, id, fileName, body));
    }

    private static ResponseEntity<ImportJson> created(UUID id, SurveyImport uploaded) {
        return ResponseEntity.created(URI.create("/api/v1/feedback/questionnaires/" + id + "/imports/" + uploaded.id()))
                .body(ImportJson.of(uploaded));
    }

    @GetMapping("/{importId}")
    @Operation(summary = "One import with its columns")
    ImportJson one(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId) {
        return ImportJson.of(imports.find(tenant.tenantId(), id, importId));
    }

    @PutMapping("/{importId}/mapping")
    @Operation(summary = "Map columns to questions and context fields")
    @ApiResponse(responseCode = "400", description = "Unknown column or target, a target used twice, no question, no date")
    ImportJson map(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId,
            @Valid @RequestBody MappingRequest body) {
        SurveyImport current = imports.find(tenant.tenantId(), id, importId);
        Map<Integer, String> targets = new HashMap<>();
        body.columns().forEach((column, target) -> {
            ImportColumn c = current.columns().stream().filter(x -> x.name().equalsIgnoreCase(column.strip()))
                    .findFirst().orElseThrow(() -> ValidationProblem.of("columns." + column,
                            "feedback.data.import.mapping.noColumn"));
            targets.put(c.index(), target);
        });
        return ImportJson.of(imports.map(tenant, id, importId, targets, body.defaultDate()));
    }

    @GetMapping("/{importId}/check")
    @Operation(summary = "Check every row against the mapping; nothing is stored")
    CheckJson check(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId) {
        ImportCheck check = imports.check(tenant.tenantId(), id, importId);
        Locale locale = LocaleContextHolder.getLocale();
        return new CheckJson(check.rows(), check.ready(), check.problemCount(),
                check.problems().stream().map(p -> problem(p, locale)).toList());
    }

    private ProblemJson problem(ImportProblem p, Locale locale) {
        return new ProblemJson(p.row(), p.column(), p.header(), p.code(),
                messages.getMessage(p.code(), p.args(), p.code(), locale));
    }

    @PostMapping("/{importId}/commit")
    @Operation(summary = "Import every row, or nothing when any row has a problem",
            description = "Imported responses are stored on the current published version, marked as imported.")
    @ApiResponse(responseCode = "200", description = "Imported")
    @ApiResponse(responseCode = "400", description = "A row has a problem (every problem is listed with row and column), "
            + "or the file was imported before; nothing was stored")
    ImportJson commit(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId) {
        return ImportJson.of(imports.commit(tenant, id, importId));
    }

    @DeleteMapping("/{importId}")
    @Operation(summary = "Discard an upload that was not imported")
    @ApiResponse(responseCode = "204", description = "Discarded")
    ResponseEntity<Void> discard(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId) {
        imports.discard(tenant, id, importId);
        return ResponseEntity.noContent().build();
    }
}
