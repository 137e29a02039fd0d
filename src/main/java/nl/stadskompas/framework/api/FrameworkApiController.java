// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import nl.stadskompas.framework.CoreValue;
import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkExchange;
import nl.stadskompas.framework.FrameworkExchange.ExportedFile;
import nl.stadskompas.framework.FrameworkExchange.ImportOutcome;
import nl.stadskompas.framework.FrameworkFile;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.ImportProblem;
import nl.stadskompas.framework.NormInput;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.ServiceAspect;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.framework.VersionSummary;
import nl.stadskompas.framework.api.FrameworkJson.AspectJson;
import nl.stadskompas.framework.api.FrameworkJson.AspectRequest;
import nl.stadskompas.framework.api.FrameworkJson.CoreValueJson;
import nl.stadskompas.framework.api.FrameworkJson.CoreValueRequest;
import nl.stadskompas.framework.api.FrameworkJson.DescribeRequest;
import nl.stadskompas.framework.api.FrameworkJson.FileProblemJson;
import nl.stadskompas.framework.api.FrameworkJson.ImportResultJson;
import nl.stadskompas.framework.api.FrameworkJson.NormJson;
import nl.stadskompas.framework.api.FrameworkJson.NormRequest;
import nl.stadskompas.framework.api.FrameworkJson.PromiseJson;
import nl.stadskompas.framework.api.FrameworkJson.PromiseRequest;
import nl.stadskompas.framework.api.FrameworkJson.PublishRequest;
import nl.stadskompas.framework.api.FrameworkJson.StatementJson;
import nl.stadskompas.framework.api.FrameworkJson.StatementRequest;
import nl.stadskompas.framework.api.FrameworkJson.VersionJson;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The service framework over REST: versions, the draft and its items, publishing, export and
 * import. Wrong input gives 400 with every field problem; unknown ids and codes give 404.
 */
@RestController
@RequestMapping("/api/v1/framework")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Service framework", description = "Core values, promises, statements, service aspects and norms, with versions")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class FrameworkApiController {

    private final FrameworkEditing editing;
    private final FrameworkExchange exchange;
    private final MessageSource messages;

    FrameworkApiController(FrameworkEditing editing, FrameworkExchange exchange, MessageSource messages) {
        this.editing = editing;
        this.exchange = exchange;
        this.messages = messages;
    }

    // --- versions ------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "The current framework: the draft if there is one, else the latest published version")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "404", description = "The organisation has no framework yet")
    VersionJson current(TenantContext tenant) {
        return json(tenant, editing.current(tenant.tenantId()).orElseThrow(() -> new NotFoundException("framework")));
    }

    @GetMapping("/versions")
    @Operation(summary = "All versions, newest first")
    List<VersionSummary> versions(TenantContext tenant) {
        return editing.history(tenant.tenantId());
    }

    @GetMapping("/versions/{id}")
    @Operation(summary = "One version with everything in it")
    @ApiResponse(responseCode = "404", description = "No such version in this organisation")
    VersionJson version(TenantContext tenant, @PathVariable UUID id) {
        return json(tenant, editing.version(tenant.tenantId(), id));
    }

    @GetMapping(value = "/versions/{id}/export", produces = { "application/yaml", MediaType.APPLICATION_JSON_VALUE })
    @Operation(summary = "Download a version as an exchange file (format stadskompas-framework/1)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "Unknown format")
    @ApiResponse(responseCode = "404", description = "No such version in this organisation")
    ResponseEntity<byte[]> export(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "yaml or json") @RequestParam(defaultValue = "yaml") String format) {
        FrameworkFile.Format chosen = FrameworkFile.Format.named(format)
                .orElseThrow(() -> ValidationProblem.of("format", "framework.export.format"));
        ExportedFile file = exchange.export(tenant.tenantId(), id, chosen);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .body(file.content());
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    @Operation(summary = "Import an exchange file (part 'file') as a new draft",
            description = "The whole file is checked first; when anything is wrong nothing changes and every problem is listed with its place and line.")
    @ApiResponse(responseCode = "201", description = "The draft was created; warnings name norms whose team or service was not found")
    @ApiResponse(responseCode = "400", description = "Problems in the file, or a draft exists already")
    ResponseEntity<?> importPart(TenantContext tenant, @RequestPart(name = "file", required = false) MultipartFile file,
            HttpServletRequest request) throws IOException {
        return imported(tenant, file == null ? new byte[0] : file.getBytes(), request);
    }

    @PostMapping(value = "/import", consumes = { "application/yaml", "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    @Operation(summary = "Import an exchange file sent as the request body as a new draft")
    @ApiResponse(responseCode = "201", description = "The draft was created")
    @ApiResponse(responseCode = "400", description = "Problems in the file, or a draft exists already")
    ResponseEntity<?> importBody(TenantContext tenant, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        return imported(tenant, body == null ? new byte[0] : body, request);
    }

    private ResponseEntity<?> imported(TenantContext tenant, byte[] file, HttpServletRequest request) {
        ImportOutcome outcome = exchange.importFile(tenant, file);
        if (!outcome.imported()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.invalid"));
            problem.setTitle(text("error.invalid"));
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("errors", outcome.problems().stream().map(this::problem).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.created(URI.create("/api/v1/framework/versions/" + outcome.draft().id()))
                .body(new ImportResultJson(json(tenant, outcome.draft()),
                        outcome.warnings().stream().map(this::problem).toList()));
    }

    // --- the draft -----------------------------------------------------------------------------

    @GetMapping("/draft")
    @Operation(summary = "The draft")
    @ApiResponse(responseCode = "404", description = "There is no draft")
    VersionJson draft(TenantContext tenant) {
        return json(tenant, editing.draft(tenant.tenantId()));
    }

    @PostMapping("/draft")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Start a draft: a copy of the latest published version")
    @ApiResponse(responseCode = "201", description = "The new draft")
    @ApiResponse(responseCode = "400", description = "A draft exists already")
    VersionJson startDraft(TenantContext tenant) {
        return json(tenant, editing.startDraft(tenant));
    }

    @PutMapping("/draft")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change the draft's name and introduction")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    @ApiResponse(responseCode = "404", description = "There is no draft")
    VersionJson describe(TenantContext tenant, @Valid @RequestBody DescribeRequest body) {
        editing.describe(tenant, body.name(), body.description());
        return draft(tenant);
    }

    @DeleteMapping("/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Discard the draft")
    @ApiResponse(responseCode = "204", description = "Discarded")
    @ApiResponse(responseCode = "404", description = "There is no draft")
    void discard(TenantContext tenant) {
        editing.discardDraft(tenant);
    }

    @PostMapping("/draft/publish")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    @Operation(summary = "Publish the draft under a new label; it is read-only from then on")
    @ApiResponse(responseCode = "400", description = "The label is malformed or taken")
    @ApiResponse(responseCode = "404", description = "There is no draft")
    VersionJson publish(TenantContext tenant, @Valid @RequestBody PublishRequest body) {
        return json(tenant, editing.publish(tenant, body.label()));
    }

    // --- items ---------------------------------------------------------------------------------

    @PostMapping("/draft/core-values")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Add a core value to the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    CoreValueJson addCoreValue(TenantContext tenant, @Valid @RequestBody CoreValueRequest body) {
        return CoreValueJson.of(editing.addCoreValue(tenant,
                new CoreValue(code(tenant, body.code(), "K"), body.name(), body.description())));
    }

    @GetMapping("/draft/core-values/{code}")
    @Operation(summary = "A core value of the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    CoreValueJson coreValue(TenantContext tenant, @PathVariable String code) {
        return CoreValueJson.of(editing.draft(tenant.tenantId()).coreValue(code).orElseThrow(() -> new NotFoundException("core value")));
    }

    @PutMapping("/draft/core-values/{code}")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change a core value of the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    CoreValueJson changeCoreValue(TenantContext tenant, @PathVariable String code, @Valid @RequestBody CoreValueRequest body) {
        editing.changeCoreValue(tenant, code, new CoreValue(code, body.name(), body.description()));
        return coreValue(tenant, code);
    }

    @DeleteMapping("/draft/core-values/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Delete a core value from the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    void deleteCoreValue(TenantContext tenant, @PathVariable String code) {
        editing.removeCoreValue(tenant, code);
    }

    @PostMapping("/draft/promises")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Add a promise with its needs and guidance to the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    PromiseJson addPromise(TenantContext tenant, @Valid @RequestBody PromiseRequest body) {
        return PromiseJson.of(editing.addPromise(tenant, promise(code(tenant, body.code(), "P"), body)));
    }

    @GetMapping("/draft/promises/{code}")
    @Operation(summary = "A promise of the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    PromiseJson promise(TenantContext tenant, @PathVariable String code) {
        return PromiseJson.of(editing.draft(tenant.tenantId()).promise(code).orElseThrow(() -> new NotFoundException("promise")));
    }

    @PutMapping("/draft/promises/{code}")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change a promise of the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    PromiseJson changePromise(TenantContext tenant, @PathVariable String code, @Valid @RequestBody PromiseRequest body) {
        editing.changePromise(tenant, code, promise(code, body));
        return promise(tenant, code);
    }

    @DeleteMapping("/draft/promises/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Delete a promise from the draft; refused while a statement measures it")
    @ApiResponse(responseCode = "400", description = "A statement measures this promise")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    void deletePromise(TenantContext tenant, @PathVariable String code) {
        editing.removePromise(tenant, code);
    }

    private static Promise promise(String code, PromiseRequest body) {
        return Promise.of(code, body.title(), body.description(), body.needs(), body.means(), body.doesNotMean());
    }

    @PostMapping("/draft/statements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Add a statement to the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input or unknown promise code")
    StatementJson addStatement(TenantContext tenant, @Valid @RequestBody StatementRequest body) {
        return StatementJson.of(editing.addStatement(tenant,
                new Statement(code(tenant, body.code(), "S"), body.text(), body.textEn(), body.promise())));
    }

    @GetMapping("/draft/statements/{code}")
    @Operation(summary = "A statement of the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    StatementJson statement(TenantContext tenant, @PathVariable String code) {
        return StatementJson.of(editing.draft(tenant.tenantId()).statement(code).orElseThrow(() -> new NotFoundException("statement")));
    }

    @PutMapping("/draft/statements/{code}")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change a statement of the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input or unknown promise code")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    StatementJson changeStatement(TenantContext tenant, @PathVariable String code, @Valid @RequestBody StatementRequest body) {
        editing.changeStatement(tenant, code, new Statement(code, body.text(), body.textEn(), body.promise()));
        return statement(tenant, code);
    }

    @DeleteMapping("/draft/statements/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Delete a statement from the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    void deleteStatement(TenantContext tenant, @PathVariable String code) {
        editing.removeStatement(tenant, code);
    }

    @PostMapping("/draft/aspects")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Add a service aspect to the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    AspectJson addAspect(TenantContext tenant, @Valid @RequestBody AspectRequest body) {
        return AspectJson.of(editing.addAspect(tenant,
                new ServiceAspect(code(tenant, body.code(), "A"), body.name(), body.nameEn(), body.category())));
    }

    @GetMapping("/draft/aspects/{code}")
    @Operation(summary = "A service aspect of the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    AspectJson aspect(TenantContext tenant, @PathVariable String code) {
        return AspectJson.of(editing.draft(tenant.tenantId()).aspect(code).orElseThrow(() -> new NotFoundException("aspect")));
    }

    @PutMapping("/draft/aspects/{code}")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change a service aspect of the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    AspectJson changeAspect(TenantContext tenant, @PathVariable String code, @Valid @RequestBody AspectRequest body) {
        editing.changeAspect(tenant, code, new ServiceAspect(code, body.name(), body.nameEn(), body.category()));
        return aspect(tenant, code);
    }

    @DeleteMapping("/draft/aspects/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Delete a service aspect from the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    void deleteAspect(TenantContext tenant, @PathVariable String code) {
        editing.removeAspect(tenant, code);
    }

    @PostMapping("/draft/norms")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Add a norm to the draft")
    @ApiResponse(responseCode = "400", description = "Invalid input or unknown team or service")
    NormJson addNorm(TenantContext tenant, @Valid @RequestBody NormRequest body) {
        var norm = editing.addNorm(tenant, input(code(tenant, body.code(), "N"), body));
        return NormJson.of(norm, editing.scopeName(tenant.tenantId(), norm));
    }

    @GetMapping("/draft/norms/{code}")
    @Operation(summary = "A norm of the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    NormJson norm(TenantContext tenant, @PathVariable String code) {
        var norm = editing.draft(tenant.tenantId()).norm(code).orElseThrow(() -> new NotFoundException("norm"));
        return NormJson.of(norm, editing.scopeName(tenant.tenantId(), norm));
    }

    @PutMapping("/draft/norms/{code}")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Change a norm of the draft, for example to link it to a team")
    @ApiResponse(responseCode = "400", description = "Invalid input or unknown team or service")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    NormJson changeNorm(TenantContext tenant, @PathVariable String code, @Valid @RequestBody NormRequest body) {
        editing.changeNorm(tenant, code, input(code, body));
        return norm(tenant, code);
    }

    @DeleteMapping("/draft/norms/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    @Operation(summary = "Delete a norm from the draft")
    @ApiResponse(responseCode = "404", description = "No such code in the draft")
    void deleteNorm(TenantContext tenant, @PathVariable String code) {
        editing.removeNorm(tenant, code);
    }

    private static NormInput input(String code, NormRequest body) {
        return new NormInput(code, body.name(), body.measure(), body.threshold(), body.unit(), body.targetPercent(),
                body.scope(), body.scopeId());
    }

    // --- shared --------------------------------------------------------------------------------

    /** The given code, or the next free one when none was given. */
    private String code(TenantContext tenant, String given, String prefix) {
        return given == null || given.isBlank() ? editing.draft(tenant.tenantId()).nextCode(prefix) : given;
    }

    private VersionJson json(TenantContext tenant, FrameworkVersion version) {
        return VersionJson.of(version, n -> editing.scopeName(tenant.tenantId(), n));
    }

    private FileProblemJson problem(ImportProblem p) {
        return new FileProblemJson(p.path(), p.line(),
                messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale()));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

}
