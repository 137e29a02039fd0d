// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import nl.stadskompas.feedback.Answers;
import nl.stadskompas.feedback.NewQuestionnaire;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.QuestionnaireKind;
import nl.stadskompas.feedback.QuestionnaireLayout;
import nl.stadskompas.feedback.QuestionnaireSettings;
import nl.stadskompas.feedback.QuestionnaireSummary;
import nl.stadskompas.feedback.QuestionnaireVersion;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.feedback.Schedule;
import nl.stadskompas.feedback.SubmissionRefused;
import nl.stadskompas.feedback.web.Forms.NewForm;
import nl.stadskompas.feedback.web.Forms.SettingsForm;
import nl.stadskompas.feedback.web.Forms.TailorForm;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The questionnaire pages for employees: the list, a new questionnaire, its overview with versions,
 * settings (field period and target), tailoring for a service, publishing, the next version and a
 * preview exactly as respondents see it.
 */
@Controller
@RequestMapping("/feedback")
@PreAuthorize("hasAuthority('PERM_READ')")
class QuestionnairesController {

    private final QuestionnaireEditing editing;
    private final AuthoringSupport support;
    private final ResponsePages pages;

    QuestionnairesController(QuestionnaireEditing editing, AuthoringSupport support, ResponsePages pages) {
        this.editing = editing;
        this.support = support;
        this.pages = pages;
    }

    @ModelAttribute
    void permissions(TenantContext tenant, Model model) {
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
    }

    @GetMapping
    String list(TenantContext tenant, Model model) {
        List<QuestionnaireSummary> all = editing.list(tenant.tenantId());
        Map<UUID, String> names = new HashMap<>();
        all.forEach(s -> names.put(s.id(), s.name()));
        Map<UUID, String> services = new HashMap<>();
        all.stream().filter(s -> s.serviceId() != null)
                .forEach(s -> services.put(s.id(), support.serviceName(tenant.tenantId(), s.serviceId())));
        model.addAttribute("questionnaires", all);
        model.addAttribute("names", names);
        model.addAttribute("services", services);
        return "feedback/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newForm(Model model) {
        model.addAttribute("form", new NewForm("", QuestionnaireKind.RESIDENT, "", ""));
        return newPage(model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String create(TenantContext tenant, @Valid @ModelAttribute("form") NewForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return newPage(model);
        }
        try {
            Questionnaire created = editing.create(tenant, new NewQuestionnaire(form.name(), form.kind(), form.titleNl(),
                    form.titleEn()));
            return "redirect:/feedback/" + created.id() + "/draft";
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return newPage(model);
        }
    }

    private String newPage(Model model) {
        model.addAttribute("kinds", java.util.Arrays.stream(QuestionnaireKind.values())
                .map(k -> new Option(k.name(), support.text(k.messageKey()))).toList());
        return "feedback/new";
    }

    @GetMapping("/{id}")
    String overview(TenantContext tenant, @PathVariable UUID id, Model model, HttpServletRequest request) {
        Questionnaire questionnaire = editing.questionnaire(tenant.tenantId(), id);
        List<QuestionnaireVersion> versions = editing.versions(tenant.tenantId(), id);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneId.systemDefault());
        Map<UUID, String> dates = new HashMap<>();
        versions.stream().filter(v -> v.publishedAt() != null).forEach(v -> dates.put(v.id(), format.format(v.publishedAt())));
        model.addAttribute("q", questionnaire);
        model.addAttribute("versions", versions);
        model.addAttribute("dates", dates);
        model.addAttribute("published", editing.published(questionnaire).orElse(null));
        model.addAttribute("draft", editing.draft(questionnaire).orElse(null));
        model.addAttribute("serviceName", support.serviceName(tenant.tenantId(), questionnaire.serviceId()));
        model.addAttribute("base", questionnaire.isTailored()
                ? editing.questionnaire(tenant.tenantId(), questionnaire.baseId()) : null);
        List<Questionnaire> tailored = editing.tailoredFrom(tenant.tenantId(), id);
        model.addAttribute("tailored", tailored);
        Map<UUID, String> tailoredServices = new HashMap<>();
        tailored.forEach(t -> tailoredServices.put(t.id(), support.serviceName(tenant.tenantId(), t.serviceId())));
        model.addAttribute("tailoredServices", tailoredServices);
        model.addAttribute("publicLink", ResponsePageController.baseUrl(request) + ResponsePageController.PATH
                + questionnaire.publicId());
        if (!model.containsAttribute("tailor")) {
            model.addAttribute("tailor", new TailorForm(null, ""));
        }
        model.addAttribute("serviceOptions", support.services(tenant.tenantId(), false));
        return "feedback/questionnaire";
    }

    @GetMapping("/{id}/settings")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String settingsForm(TenantContext tenant, @PathVariable UUID id, Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireSettings s = q.settings();
        model.addAttribute("form", new SettingsForm(s.name(), s.schedule(), s.openFrom(), s.openUntil(), s.targetResponses()));
        return settingsPage(q, model);
    }

    @PostMapping("/{id}/settings")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String settings(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        if (result.hasErrors()) {
            return settingsPage(q, model);
        }
        try {
            editing.changeSettings(tenant, id, new QuestionnaireSettings(form.name(), form.schedule(), form.openFrom(),
                    form.openUntil(), form.targetResponses()));
        } catch (ValidationProblem problem) {
            AuthoringSupport.reject(result, problem, Map.of());
            return settingsPage(q, model);
        }
        redirect.addFlashAttribute("message", "form.saved");
        return "redirect:/feedback/" + id;
    }

    private String settingsPage(Questionnaire q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("schedules", java.util.Arrays.stream(Schedule.values())
                .map(s -> new Option(s.name(), support.text(s.messageKey()))).toList());
        return "feedback/settings";
    }

    @PostMapping("/{id}/tailor")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String tailor(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("tailor") TailorForm form,
            BindingResult result, RedirectAttributes redirect) {
        editing.questionnaire(tenant.tenantId(), id);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("refused", support.text("feedback.tailor.unknownService"));
            return "redirect:/feedback/" + id;
        }
        try {
            Questionnaire tailored = editing.tailor(tenant, id, form.serviceId(), form.name());
            redirect.addFlashAttribute("message", "feedback.tailor.done");
            return "redirect:/feedback/" + tailored.id() + "/draft";
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
            return "redirect:/feedback/" + id;
        }
    }

    @PostMapping("/{id}/new-version")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newVersion(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            editing.newVersion(tenant, id);
            redirect.addFlashAttribute("message", "feedback.version.started");
            return "redirect:/feedback/" + id + "/draft";
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code()));
            return "redirect:/feedback/" + id;
        }
    }

    @GetMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String publishForm(TenantContext tenant, @PathVariable UUID id, Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion draft = editing.draft(q).orElseThrow(() -> new nl.stadskompas.platform.NotFoundException("draft"));
        model.addAttribute("q", q);
        model.addAttribute("draft", draft);
        model.addAttribute("problems", editing.problems(tenant.tenantId(), id).stream()
                .map(p -> support.text(p.code(), p.args())).toList());
        model.addAttribute("questionCount", editing.resolved(q, draft).size());
        return "feedback/publish";
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String publish(TenantContext tenant, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            editing.publish(tenant, id);
            redirect.addFlashAttribute("message", "feedback.published");
            return "redirect:/feedback/" + id;
        } catch (ValidationProblem problem) {
            return publishForm(tenant, id, model);
        }
    }

    // --- preview -------------------------------------------------------------------------------

    @GetMapping("/{id}/preview")
    String preview(TenantContext tenant, @PathVariable UUID id, Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion version = previewVersion(q);
        QuestionnaireLayout layout = new QuestionnaireLayout(editing.resolved(q, version));
        int first = layout.shownPages(Answers.none()).stream().findFirst().orElse(1);
        return previewPage(q, version, layout, first, Answers.none(), Map.of(), model);
    }

    @PostMapping("/{id}/preview")
    String previewStep(TenantContext tenant, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            Model model) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        QuestionnaireVersion version = previewVersion(q);
        QuestionnaireLayout layout = new QuestionnaireLayout(editing.resolved(q, version));
        Answers answers;
        int page;
        try {
            page = Integer.parseInt(String.valueOf(ResponsePages.one(form, "page")));
            answers = Answers.of(ResponsePages.rawAnswers(form));
            answers.keys().forEach(k -> layout.question(k)
                    .orElseThrow(() -> new SubmissionRefused("feedback.refused.unknownQuestion", k)));
        } catch (NumberFormatException | SubmissionRefused e) {
            return "redirect:/feedback/" + id + "/preview";
        }
        List<Integer> shown = layout.shownPages(answers);
        String nav = String.valueOf(ResponsePages.one(form, "nav"));
        int target = switch (nav) {
            case "back" -> shown.stream().filter(p -> p < page).reduce((a, b) -> b).orElse(page);
            case "next" -> shown.stream().filter(p -> p > page).findFirst().orElse(page);
            default -> page;
        };
        if ("send".equals(nav)) {
            model.addAttribute("previewSent", true);
        }
        return previewPage(q, version, layout, target, answers, Map.of(), model);
    }

    private QuestionnaireVersion previewVersion(Questionnaire q) {
        return editing.draft(q).or(() -> editing.published(q))
                .orElseThrow(() -> new nl.stadskompas.platform.NotFoundException("version"));
    }

    private String previewPage(Questionnaire q, QuestionnaireVersion version, QuestionnaireLayout layout, int page,
            Answers answers, Map<String, String> errors, Model model) {
        var locale = LocaleContextHolder.getLocale();
        boolean first = layout.shownPages(answers).stream().findFirst().orElse(1) == page;
        RespondView view = pages.view("/feedback/" + q.id() + "/preview", null, version.title(locale),
                first ? version.intro(locale) : null, layout, page, answers, ResponseContext.NONE,
                "00000000000000000000000000000000", null, errors, locale, true);
        model.addAttribute("q", q);
        model.addAttribute("version", version);
        model.addAttribute("view", view);
        model.addAttribute("empty", layout.questions().isEmpty());
        return "feedback/preview";
    }

    static List<Question> questions(QuestionnaireLayout layout) {
        return layout.questions();
    }
}
