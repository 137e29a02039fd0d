// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import nl.stadskompas.feedback.BankEntry;
import nl.stadskompas.feedback.BankInput;
import nl.stadskompas.feedback.ChoiceOptions;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.feedback.SegmentQuestion;
import nl.stadskompas.feedback.web.AuthoringSupport.ReadingView;
import nl.stadskompas.feedback.web.Forms.BankForm;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.Option;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The question bank: the framework's statements and aspects (read-only here), the standard
 * demographic questions and the organisation's own questions, each with its reading level.
 */
@Controller
@RequestMapping("/feedback/bank")
@PreAuthorize("hasAuthority('PERM_READ')")
class BankController {

    private final QuestionBank bank;
    private final AuthoringSupport support;
    private final SegmentQuestion segments;

    BankController(QuestionBank bank, AuthoringSupport support, SegmentQuestion segments) {
        this.bank = bank;
        this.support = support;
        this.segments = segments;
    }

    /** What the segment form posts: the key of a single-choice question, or empty for none. */
    record SegmentForm(String segment) {
    }

    /** A bank entry with the reading level of its Dutch and English text. */
    record EntryRow(BankEntry entry, ReadingView nl, ReadingView en) {
    }

    @GetMapping
    String bank(TenantContext tenant, Model model) {
        List<EntryRow> rows = bank.entries(tenant.tenantId()).stream()
                .map(e -> new EntryRow(e, support.reading(e.textNl(), false), support.reading(e.textEn(), true))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        String segment = segments.key(tenant.tenantId()).orElse("");
        model.addAttribute("segment", rows.stream().map(EntryRow::entry).filter(e -> e.key().equals(segment))
                .findFirst().orElse(null));
        if (!model.containsAttribute("segmentForm")) {
            model.addAttribute("segmentForm", new SegmentForm(segment));
        }
        List<Option> choices = new java.util.ArrayList<>();
        choices.add(new Option("", support.text("feedback.segment.none")));
        rows.stream().map(EntryRow::entry).filter(e -> e.type() == QuestionType.SINGLE_CHOICE)
                .forEach(e -> choices.add(new Option(e.key(), e.key() + " " + e.textNl())));
        model.addAttribute("segmentChoices", choices);
        return "feedback/bank";
    }

    @PostMapping("/segment")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String chooseSegment(TenantContext tenant, @ModelAttribute("segmentForm") SegmentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            segments.choose(tenant, form.segment());
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return bank(tenant, model);
        }
        redirect.addFlashAttribute("message", "feedback.segment.saved");
        return "redirect:/feedback/bank";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newForm(@RequestParam(required = false) UUID back, Model model) {
        model.addAttribute("form", new BankForm(QuestionType.AGREEMENT, "", "", "", "", ""));
        return page(model, null, back);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String add(TenantContext tenant, @RequestParam(required = false) UUID back,
            @Valid @ModelAttribute("form") BankForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model, null, back);
        }
        try {
            BankEntry added = bank.addCustom(tenant, input(form, List.of()));
            redirect.addFlashAttribute("message", "feedback.bank.added");
            redirect.addFlashAttribute("messageArg", added.key());
            return back == null ? "redirect:/feedback/bank" : "redirect:/feedback/" + back + "/draft#toevoegen";
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return page(model, null, back);
        }
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String editForm(TenantContext tenant, @PathVariable String key, Model model) {
        BankEntry entry = editable(tenant, key);
        model.addAttribute("form", new BankForm(entry.type(), entry.textNl(), entry.textEn(), entry.helpNl(),
                entry.helpEn(), ChoiceOptions.toLines(entry.options())));
        return page(model, entry, null);
    }

    @PostMapping("/{key}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String change(TenantContext tenant, @PathVariable String key, @Valid @ModelAttribute("form") BankForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        BankEntry entry = editable(tenant, key);
        if (result.hasErrors()) {
            return page(model, entry, null);
        }
        try {
            bank.change(tenant, key, input(form, entry.options()));
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return page(model, entry, null);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/feedback/bank";
    }

    private BankEntry editable(TenantContext tenant, String key) {
        return bank.entry(tenant.tenantId(), key).filter(BankEntry::editable)
                .orElseThrow(() -> new NotFoundException("bank item"));
    }

    private static BankInput input(BankForm form, List<nl.stadskompas.feedback.ChoiceOption> existing) {
        return new BankInput(form.type(), form.textNl(), form.textEn(), form.helpNl(), form.helpEn(),
                ChoiceOptions.fromLines(form.options(), existing));
    }

    private String page(Model model, BankEntry entry, UUID back) {
        model.addAttribute("entry", entry);
        model.addAttribute("back", back);
        model.addAttribute("types", support.types());
        if (entry != null) {
            model.addAttribute("readingNl", support.reading(entry.textNl(), false));
            model.addAttribute("readingEn", support.reading(entry.textEn(), true));
        }
        return "feedback/bank-item";
    }
}
