// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import nl.stadskompas.feedback.BankEntry;
import nl.stadskompas.feedback.ChoiceOption;
import nl.stadskompas.feedback.ChoiceOptions;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.QuestionChange;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireVersion;
import nl.stadskompas.feedback.VersionTexts;
import nl.stadskompas.feedback.web.AuthoringSupport.ReadingView;
import nl.stadskompas.feedback.web.Forms.AddForm;
import nl.stadskompas.feedback.web.Forms.QuestionForm;
import nl.stadskompas.feedback.web.Forms.TextsForm;
import nl.stadskompas.platform.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor of a draft: its texts, its pages and questions (added from the bank, changed, moved
 * to another page, given a condition, removed, or hidden when taken over from the base). Next to
 * every text respondents read the page shows its reading level, computed when the page is shown.
 */
@Controller
@RequestMapping("/feedback/{id}/draft")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
class DraftController {

    private final QuestionnaireEditing editing;
    private final QuestionBank bank;
    private final AuthoringSupport support;

    DraftController(QuestionnaireEditing editing, QuestionBank bank, AuthoringSupport support) {
        this.editing = editing;
        this.bank = bank;
        this.support = support;
    }

    /** A question in the editor, with the reading level of each of its texts. */
    record QuestionRow(Question question, boolean own, boolean hidden, boolean hideable, ReadingView textNl,
            ReadingView textEn, ReadingView helpNl, ReadingView helpEn, String condition) {
    }

    /** The questions of one page in the editor. */
    record PageRows(int number, List<QuestionRow> rows) {
    }

    @GetMapping
    String editor(TenantContext tenant, @PathVariable UUID id, Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion draft = draft(q);
        VersionTexts t = draft.texts();
        if (!model.containsAttribute("texts")) {
            model.addAttribute("texts", new TextsForm(t.titleNl(), t.titleEn(), t.introNl(), t.introEn(), t.thanksNl(),
                    t.thanksEn()));
        }
        return editorPage(tenant, q, draft, model);
    }

    private String editorPage(TenantContext tenant, Questionnaire q, QuestionnaireVersion draft, Model model) {
        VersionTexts t = draft.texts();
        model.addAttribute("q", q);
        model.addAttribute("draft", draft);
        model.addAttribute("reading", Map.of(
                "titleNl", opt(support.reading(t.titleNl(), false)), "titleEn", opt(support.reading(t.titleEn(), true)),
                "introNl", opt(support.reading(t.introNl(), false)), "introEn", opt(support.reading(t.introEn(), true)),
                "thanksNl", opt(support.reading(t.thanksNl(), false)), "thanksEn", opt(support.reading(t.thanksEn(), true))));
        List<Question> resolved = editing.resolved(q, draft);
        Set<String> hidden = draft.hiddenKeys();
        TreeMap<Integer, List<QuestionRow>> byPage = new TreeMap<>();
        for (Question question : resolved) {
            byPage.computeIfAbsent(question.page(), p -> new ArrayList<>()).add(row(question, !question.isInherited(), false));
        }
        List<QuestionRow> hiddenRows = editing.baseQuestions(q).stream().filter(b -> hidden.contains(b.key()))
                .map(b -> row(b, false, true)).toList();
        List<PageRows> pages = byPage.entrySet().stream().map(e -> new PageRows(e.getKey(), e.getValue())).toList();
        model.addAttribute("pages", pages);
        model.addAttribute("hiddenRows", hiddenRows);
        Set<String> present = resolved.stream().map(Question::key).collect(Collectors.toSet());
        hidden.forEach(present::add);
        List<Option> items = bank.entries(tenant.tenantId()).stream().filter(e -> !present.contains(e.key()))
                .map(e -> new Option(e.key(), e.key() + " - " + support.text(e.source().messageKey()) + ": " + e.textNl()))
                .toList();
        model.addAttribute("bankItems", items);
        int last = resolved.stream().mapToInt(Question::page).max().orElse(1);
        model.addAttribute("pageOptions", pageOptions(last + 1));
        if (!model.containsAttribute("add")) {
            model.addAttribute("add", new AddForm(items.isEmpty() ? "" : items.getFirst().value(), last));
        }
        return "feedback/draft";
    }

    private static Object opt(Object value) {
        return value == null ? Boolean.FALSE : value;
    }

    private QuestionRow row(Question question, boolean own, boolean hidden) {
        String condition = question.condition().map(c -> c.questionKey() + " = " + String.join(", ", c.values()))
                .orElse(null);
        return new QuestionRow(question, own, hidden, !own && !hidden && !question.isStatement(),
                support.reading(question.textNl(), false), support.reading(question.textEn(), true),
                support.reading(question.helpNl(), false), support.reading(question.helpEn(), true), condition);
    }

    private List<Option> pageOptions(int upTo) {
        List<Option> options = new ArrayList<>();
        for (int p = 1; p <= Math.min(upTo, QuestionChange.PAGES_MAX); p++) {
            options.add(new Option(String.valueOf(p), support.text("feedback.editor.pageN", p)));
        }
        return options;
    }

    @PostMapping("/texts")
    String texts(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("texts") TextsForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion draft = draft(q);
        if (!result.hasErrors()) {
            try {
                editing.describe(tenant, id, new VersionTexts(form.titleNl(), form.titleEn(), form.introNl(),
                        form.introEn(), form.thanksNl(), form.thanksEn()));
                redirect.addFlashAttribute("message", "form.saved");
                return "redirect:/feedback/" + id + "/draft";
            } catch (ValidationProblem problem) {
                AuthoringSupport.reject(result, problem, Map.of());
            }
        }
        return editorPage(tenant, q, draft, model);
    }

    @PostMapping("/questions")
    String add(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("add") AddForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion draft = draft(q);
        if (!result.hasErrors()) {
            try {
                Question added = editing.addFromBank(tenant, id, form.itemKey(), form.page());
                redirect.addFlashAttribute("message", "feedback.editor.added");
                redirect.addFlashAttribute("messageArg", added.key());
                return "redirect:/feedback/" + id + "/draft";
            } catch (ValidationProblem problem) {
                AuthoringSupport.reject(result, problem, Map.of());
            }
        }
        model.addAttribute("texts", textsOf(draft));
        return editorPage(tenant, q, draft, model);
    }

    private static TextsForm textsOf(QuestionnaireVersion draft) {
        VersionTexts t = draft.texts();
        return new TextsForm(t.titleNl(), t.titleEn(), t.introNl(), t.introEn(), t.thanksNl(), t.thanksEn());
    }

    @GetMapping("/questions/{key}")
    String questionForm(TenantContext tenant, @PathVariable UUID id, @PathVariable String key, Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        Question question = draft(q).ownQuestion(key).orElseThrow(() -> new NotFoundException("question"));
        model.addAttribute("form", new QuestionForm(question.textNl(), question.textEn(), question.helpNl(),
                question.helpEn(), question.page(), question.isRequired(),
                question.condition().map(c -> c.questionKey()).orElse(""),
                question.condition().map(c -> String.join(", ", c.values())).orElse(""),
                ChoiceOptions.toLines(question.options())));
        return questionPage(tenant, q, question, model);
    }

    @PostMapping("/questions/{key}")
    String changeQuestion(TenantContext tenant, @PathVariable UUID id, @PathVariable String key,
            @Valid @ModelAttribute("form") QuestionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        Question question = draft(q).ownQuestion(key).orElseThrow(() -> new NotFoundException("question"));
        if (result.hasErrors()) {
            return questionPage(tenant, q, question, model);
        }
        List<ChoiceOption> options = ChoiceOptions.fromLines(form.options(), question.options());
        List<String> values = form.conditionValues() == null ? List.of()
                : Arrays.stream(form.conditionValues().split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        try {
            editing.changeQuestion(tenant, id, key, new QuestionChange(form.textNl(), form.textEn(), form.helpNl(),
                    form.helpEn(), form.page(), Boolean.TRUE.equals(form.required()), form.conditionKey(), values, options));
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return questionPage(tenant, q, question, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/feedback/" + id + "/draft/questions/" + key;
    }

    private String questionPage(TenantContext tenant, Questionnaire q, Question question, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("question", question);
        model.addAttribute("reading", Map.of(
                "textNl", opt(support.reading(question.textNl(), false)),
                "textEn", opt(support.reading(question.textEn(), true)),
                "helpNl", opt(support.reading(question.helpNl(), false)),
                "helpEn", opt(support.reading(question.helpEn(), true))));
        List<Option> earlier = new ArrayList<>();
        earlier.add(new Option("", support.text("feedback.editor.always")));
        List<Question> resolved = editing.resolved(q, draft(q));
        resolved.stream().filter(r -> !r.key().equals(question.key()) && !r.type().isText())
                .forEach(r -> earlier.add(new Option(r.key(), r.key() + ": " + r.textNl())));
        model.addAttribute("conditionOptions", earlier);
        model.addAttribute("values", resolved.stream().filter(r -> !r.type().isText() && !r.key().equals(question.key()))
                .map(r -> r.key() + ": " + values(r)).toList());
        return "feedback/question";
    }

    private String values(Question q) {
        return switch (q.type()) {
            case AGREEMENT -> "1 - 5, dk";
            case MARK -> "1 - 10";
            default -> q.options().stream().map(o -> o.code() + " (" + o.labelNl() + ")").collect(Collectors.joining(", "));
        };
    }

    @PostMapping("/questions/{key}/remove")
    String remove(TenantContext tenant, @PathVariable UUID id, @PathVariable String key, RedirectAttributes redirect) {
        editing.removeQuestion(tenant, id, key);
        redirect.addFlashAttribute("message", "feedback.editor.removed");
        redirect.addFlashAttribute("messageArg", key);
        return "redirect:/feedback/" + id + "/draft";
    }

    @PostMapping("/questions/{key}/hide")
    String hide(TenantContext tenant, @PathVariable UUID id, @PathVariable String key, RedirectAttributes redirect) {
        try {
            editing.hide(tenant, id, key);
            redirect.addFlashAttribute("message", "feedback.editor.hidden");
            redirect.addFlashAttribute("messageArg", key);
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
        }
        return "redirect:/feedback/" + id + "/draft";
    }

    @PostMapping("/questions/{key}/unhide")
    String unhide(TenantContext tenant, @PathVariable UUID id, @PathVariable String key, RedirectAttributes redirect) {
        editing.unhide(tenant, id, key);
        redirect.addFlashAttribute("message", "feedback.editor.shownAgain");
        redirect.addFlashAttribute("messageArg", key);
        return "redirect:/feedback/" + id + "/draft";
    }

    private QuestionnaireVersion draft(Questionnaire q) {
        return editing.draft(q).orElseThrow(() -> new NotFoundException("draft"));
    }

    static List<BankEntry> none() {
        return List.of();
    }
}
