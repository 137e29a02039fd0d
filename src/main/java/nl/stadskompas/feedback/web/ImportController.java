// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.feedback.ImportCheck;
import nl.stadskompas.feedback.ImportColumn;
import nl.stadskompas.feedback.ImportProblem;
import nl.stadskompas.feedback.ImportRefused;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.SurveyImport;
import nl.stadskompas.feedback.SurveyImports;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import of an earlier survey from CSV in four steps: upload the file, map its columns to questions
 * and context fields, check every row, and import all rows (or none, when any row is wrong).
 */
@Controller
@RequestMapping("/feedback/{id}/imports")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
class ImportController {

    private final SurveyImports imports;
    private final QuestionnaireEditing editing;
    private final AuthoringSupport support;

    ImportController(SurveyImports imports, QuestionnaireEditing editing, AuthoringSupport support) {
        this.imports = imports;
        this.editing = editing;
        this.support = support;
    }

    /** The column mapping as the form sends it: one target per column, in column order. */
    record MappingForm(List<String> targets, String defaultDate) {
    }

    /** An earlier import as the list shows it. */
    record ImportRow(SurveyImport i, String uploaded, String imported) {
    }

    /** One column on the mapping page. */
    record ColumnView(ImportColumn column, String field, String error) {
    }

    /** One problem of a check, as the table shows it. */
    record ProblemView(String row, String column, String message) {
    }

    @ModelAttribute
    void questionnaire(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("q", editing.questionnaire(tenant.tenantId(), id));
    }

    @GetMapping
    String list(TenantContext tenant, @PathVariable UUID id, Model model) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneId.of("Europe/Amsterdam"));
        model.addAttribute("imports", imports.imports(tenant.tenantId(), id).stream()
                .map(i -> new ImportRow(i, when.format(i.uploadedAt()), i.importedAt() == null ? null : when.format(i.importedAt())))
                .toList());
        model.addAttribute("maxMegabytes", Math.max(1, imports.maxBytes() / 1024 / 1024));
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute("published", !imports.questions(tenant.tenantId(), id).isEmpty());
        return "feedback/import-upload";
    }

    @PostMapping
    String upload(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        try {
            SurveyImport uploaded = imports.upload(tenant, id, file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            return "redirect:/feedback/" + id + "/imports/" + uploaded.id();
        } catch (ValidationProblem problem) {
            model.addAttribute("fileError", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
            return list(tenant, id, model);
        }
    }

    @GetMapping("/{importId}")
    String mapping(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId, Model model) {
        SurveyImport current = imports.find(tenant.tenantId(), id, importId);
        if (current.imported()) {
            return "redirect:/feedback/" + id + "/imports";
        }
        List<String> targets = current.columns().stream().map(c -> c.target() == null ? "" : c.target()).toList();
        return mappingPage(tenant, id, current, new MappingForm(targets,
                current.defaultDate() == null ? "" : current.defaultDate().toString()), Map.of(), List.of(), model);
    }

    @PostMapping("/{importId}")
    String saveMapping(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId,
            @ModelAttribute MappingForm form, Model model) {
        SurveyImport current = imports.find(tenant.tenantId(), id, importId);
        Map<Integer, String> targets = new HashMap<>();
        List<String> given = form.targets() == null ? List.of() : form.targets();
        for (int i = 0; i < given.size() && i < current.columns().size(); i++) {
            targets.put(i, given.get(i));
        }
        LocalDate defaultDate = null;
        try {
            defaultDate = form.defaultDate() == null || form.defaultDate().isBlank() ? null
                    : LocalDate.parse(form.defaultDate().strip());
        } catch (DateTimeParseException e) {
            return mappingPage(tenant, id, current, form, Map.of("defaultDate",
                    support.text("feedback.data.import.mapping.badDate")), List.of(), model);
        }
        try {
            imports.map(tenant, id, importId, targets, defaultDate);
        } catch (ValidationProblem problem) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (FieldProblem p : problem.problems()) {
                String message = support.text(p.code(), p.args());
                if (p.field().startsWith("column") || p.field().equals("defaultDate")) {
                    errors.putIfAbsent(p.field(), message);
                } else {
                    general.add(message);
                }
            }
            return mappingPage(tenant, id, current, form, errors, general, model);
        }
        return "redirect:/feedback/" + id + "/imports/" + importId + "/check";
    }

    private String mappingPage(TenantContext tenant, UUID id, SurveyImport current, MappingForm form,
            Map<String, String> errors, List<String> general, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Option> options = new ArrayList<>();
        options.add(new Option("", support.text("feedback.data.import.mapping.skip")));
        for (String context : ImportColumn.CONTEXT_TARGETS) {
            options.add(new Option(context, support.text("feedback.data.import.target." + context.substring(1))));
        }
        for (Question question : imports.questions(tenant.tenantId(), id)) {
            options.add(new Option(question.key(), question.key() + ": " + question.text(locale)));
        }
        List<ColumnView> columns = new ArrayList<>();
        for (ImportColumn c : current.columns()) {
            String chosen = form.targets() != null && c.index() < form.targets().size() ? form.targets().get(c.index()) : "";
            columns.add(new ColumnView(new ImportColumn(c.index(), c.name(), c.header(), chosen), "column" + c.index(),
                    errors.get("column" + c.index())));
        }
        model.addAttribute("imp", current);
        model.addAttribute("columns", columns);
        model.addAttribute("targetOptions", options);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        return "feedback/import-mapping";
    }

    @GetMapping("/{importId}/check")
    String check(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId, Model model) {
        SurveyImport current = imports.find(tenant.tenantId(), id, importId);
        if (current.imported()) {
            return "redirect:/feedback/" + id + "/imports";
        }
        return checkPage(current, imports.check(tenant.tenantId(), id, importId), model);
    }

    private String checkPage(SurveyImport current, ImportCheck check, Model model) {
        model.addAttribute("imp", current);
        model.addAttribute("check", check);
        model.addAttribute("problems", check.problems().stream().map(this::shown).toList());
        return "feedback/import-check";
    }

    private ProblemView shown(ImportProblem p) {
        String column = p.column() == null ? "-"
                : p.header() == null || p.header().isBlank() ? p.column() : p.column() + " (" + p.header() + ")";
        return new ProblemView(p.row() == 0 ? "-" : String.valueOf(p.row()), column, support.text(p.code(), p.args()));
    }

    @PostMapping("/{importId}/import")
    String commit(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId, Model model,
            RedirectAttributes redirect) {
        SurveyImport current = imports.find(tenant.tenantId(), id, importId);
        try {
            SurveyImport done = imports.commit(tenant, id, importId);
            redirect.addFlashAttribute("message", "feedback.data.import.done");
            redirect.addFlashAttribute("messageArg", done.importedCount());
            return "redirect:/feedback/" + id + "/imports";
        } catch (ImportRefused refused) {
            return checkPage(current, refused.check(), model);
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code()));
            return "redirect:/feedback/" + id + "/imports";
        }
    }

    @PostMapping("/{importId}/discard")
    String discard(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID importId,
            RedirectAttributes redirect) {
        imports.discard(tenant, id, importId);
        redirect.addFlashAttribute("message", "feedback.data.import.discarded");
        return "redirect:/feedback/" + id + "/imports";
    }
}
