// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkExchange;
import nl.stadskompas.framework.FrameworkExchange.ExportedFile;
import nl.stadskompas.framework.FrameworkExchange.ImportOutcome;
import nl.stadskompas.framework.FrameworkFile;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.web.Forms.DescribeForm;
import nl.stadskompas.framework.web.Forms.PublishForm;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The framework pages: the current framework, its history, a published version, and the actions on
 * versions (new draft, publish, discard, export, import).
 */
@Controller
@RequestMapping("/framework")
@PreAuthorize("hasAuthority('PERM_READ')")
class FrameworkController {

    private final FrameworkEditing editing;
    private final FrameworkExchange exchange;
    private final PageSupport support;

    FrameworkController(FrameworkEditing editing, FrameworkExchange exchange, PageSupport support) {
        this.editing = editing;
        this.exchange = exchange;
        this.support = support;
    }

    @ModelAttribute
    void permissions(TenantContext tenant, Model model) {
        model.addAttribute("canEdit", tenant.can(Permission.FRAMEWORK_EDIT));
        model.addAttribute("canPublish", tenant.can(Permission.FRAMEWORK_PUBLISH));
    }

    @GetMapping
    String overview(TenantContext tenant, Model model) {
        Optional<FrameworkVersion> current = editing.current(tenant.tenantId());
        if (current.isEmpty()) {
            return "framework/empty";
        }
        return show(tenant, current.get(), model);
    }

    @GetMapping("/versions")
    String history(TenantContext tenant, Model model) {
        var versions = editing.history(tenant.tenantId());
        java.util.Map<UUID, String> dates = new java.util.HashMap<>();
        versions.forEach(v -> dates.put(v.id(), VersionView.date(v.publishedAt(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        model.addAttribute("versions", versions);
        model.addAttribute("dates", dates);
        return "framework/history";
    }

    @GetMapping("/versions/{id}")
    String version(TenantContext tenant, @PathVariable UUID id, Model model) {
        return show(tenant, editing.version(tenant.tenantId(), id), model);
    }

    private String show(TenantContext tenant, FrameworkVersion version, Model model) {
        model.addAttribute("view", support.view(tenant.tenantId(), version));
        model.addAttribute("v", version);
        model.addAttribute("published", editing.latestPublished(tenant.tenantId()).orElse(null));
        return "framework/version";
    }

    @GetMapping("/versions/{id}/export")
    ResponseEntity<byte[]> export(TenantContext tenant, @PathVariable UUID id,
            @RequestParam(defaultValue = "yaml") String format) {
        FrameworkFile.Format chosen = FrameworkFile.Format.named(format)
                .orElseThrow(() -> ValidationProblem.of("format", "framework.export.format"));
        ExportedFile file = exchange.export(tenant.tenantId(), id, chosen);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.mediaType() + ";charset=UTF-8"))
                .body(file.content());
    }

    // --- drafts --------------------------------------------------------------------------------

    @PostMapping("/draft")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    String startDraft(TenantContext tenant, RedirectAttributes redirect) {
        try {
            editing.startDraft(tenant);
            redirect.addFlashAttribute("message", "framework.draft.started");
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code()));
        }
        return "redirect:/framework";
    }

    @GetMapping("/draft/describe")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    String describeForm(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        model.addAttribute("form", new DescribeForm(draft.name(), draft.description()));
        return "framework/describe";
    }

    @PostMapping("/draft/describe")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    String describe(TenantContext tenant, @Valid @ModelAttribute("form") DescribeForm form, BindingResult result,
            RedirectAttributes redirect) {
        editing.draft(tenant.tenantId());
        if (result.hasErrors()) {
            return "framework/describe";
        }
        try {
            editing.describe(tenant, form.name(), form.description());
        } catch (ValidationProblem problem) {
            PageSupport.reject(result, problem, f -> f);
            return "framework/describe";
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/framework";
    }

    @GetMapping("/draft/publish")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    String publishForm(TenantContext tenant, Model model) {
        model.addAttribute("draft", editing.draft(tenant.tenantId()));
        model.addAttribute("form", new PublishForm(editing.suggestedLabel(tenant.tenantId())));
        return "framework/publish";
    }

    @PostMapping("/draft/publish")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    String publish(TenantContext tenant, @Valid @ModelAttribute("form") PublishForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("draft", editing.draft(tenant.tenantId()));
        if (result.hasErrors()) {
            return "framework/publish";
        }
        try {
            FrameworkVersion published = editing.publish(tenant, form.label());
            redirect.addFlashAttribute("message", "framework.published");
            return "redirect:/framework/versions/" + published.id();
        } catch (ValidationProblem problem) {
            PageSupport.reject(result, problem, f -> f);
            return "framework/publish";
        }
    }

    @GetMapping("/draft/discard")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    String discardForm(TenantContext tenant, Model model) {
        model.addAttribute("draft", editing.draft(tenant.tenantId()));
        return "framework/discard";
    }

    @PostMapping("/draft/discard")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
    String discard(TenantContext tenant, RedirectAttributes redirect) {
        editing.discardDraft(tenant);
        redirect.addFlashAttribute("message", "framework.draft.discarded");
        return "redirect:/framework";
    }

    // --- import --------------------------------------------------------------------------------

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    String importForm(TenantContext tenant, Model model) {
        model.addAttribute("draftExists", editing.findDraft(tenant.tenantId()).isPresent());
        return "framework/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('PERM_FRAMEWORK_PUBLISH')")
    String importFile(TenantContext tenant, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        ImportOutcome outcome = exchange.importFile(tenant, content);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        model.addAttribute("outcome", outcome);
        model.addAttribute("problems", outcome.problems().stream().map(support::shown).toList());
        model.addAttribute("warnings", outcome.warnings().stream().map(support::shown).toList());
        return "framework/import-result";
    }
}
