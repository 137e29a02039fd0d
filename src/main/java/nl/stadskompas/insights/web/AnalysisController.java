// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.insights.Analyses;
import nl.stadskompas.insights.Analyses.KeyDriverReport;
import nl.stadskompas.insights.Analyses.KeyDriverScope;
import nl.stadskompas.insights.Analyses.MarginCell;
import nl.stadskompas.insights.Analyses.MarginSetInput;
import nl.stadskompas.insights.Analyses.Quadrant;
import nl.stadskompas.insights.spi.SurveyData.Survey;
import nl.stadskompas.insights.spi.SurveyData.SurveyItem;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * The advisors' analysis pages: the questionnaires, key drivers with the importance–performance
 * matrix, representativeness and weighting, and the population margins. Everything works with
 * plain links and forms; problems with the chosen questions are shown on the page.
 */
@Controller
@RequestMapping("/insights/analysis")
@PreAuthorize("hasAuthority('PERM_READ')")
class AnalysisController {

    private final Analyses analyses;
    private final MessageSource messages;

    AnalysisController(Analyses analyses, MessageSource messages) {
        this.analyses = analyses;
        this.messages = messages;
    }

    @GetMapping
    String index(TenantContext tenant, Model model) {
        model.addAttribute("surveys", analyses.surveys(tenant.tenantId()));
        model.addAttribute("marginSets", analyses.marginSets(tenant.tenantId()));
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        return "insights/analysis/index";
    }

    @GetMapping("/{id}/key-drivers")
    String keyDrivers(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) List<String> aspects, @RequestParam(required = false) UUID margins,
            @RequestParam(required = false) String from, @RequestParam(required = false) String until, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Survey survey = analyses.survey(tenant.tenantId(), id);
        model.addAttribute("chosenFrom", from == null ? "" : from.strip());
        model.addAttribute("chosenUntil", until == null ? "" : until.strip());
        List<Option> marginOptions = new ArrayList<>();
        marginOptions.add(new Option("", text("insights-analysis.keyDrivers.weighting.none", locale)));
        analyses.marginSets(tenant.tenantId()).forEach(s -> marginOptions.add(new Option(s.id().toString(), s.name())));
        model.addAttribute("marginOptions", marginOptions);
        model.addAttribute("chosenMargins", margins == null ? "" : margins.toString());
        String chosenOutcome = outcome != null && !outcome.isBlank() ? outcome
                : Analyses.defaultOutcome(survey).map(SurveyItem::key).orElse("");
        List<String> chosenAspects = aspects != null && !aspects.isEmpty() ? aspects
                : Analyses.defaultAspects(survey, chosenOutcome).stream().map(SurveyItem::key).toList();
        model.addAttribute("survey", survey);
        model.addAttribute("scaleItems", survey.items().stream().filter(SurveyItem::isScale)
                .map(i -> new Option(i.key(), i.key() + " " + i.label(locale))).toList());
        model.addAttribute("chosenOutcome", chosenOutcome);
        model.addAttribute("chosenAspects", chosenAspects);
        model.addAttribute("minimum", analyses.minimumGroup());
        try {
            KeyDriverScope scope = scope(tenant, id, from, until, margins, locale);
            KeyDriverReport report = analyses.keyDrivers(tenant.tenantId(), id, chosenOutcome, chosenAspects, scope);
            model.addAttribute("report", report);
            model.addAttribute("periodText", periodText(report.from(), report.to(), locale));
            model.addAttribute("matrix", AnalysisCharts.matrix("matrix",
                    text("insights-analysis.matrix.title", locale),
                    text("insights-analysis.matrix.description", locale), report, locale));
            List<QuadrantList> quadrants = new ArrayList<>();
            for (Quadrant q : Quadrant.values()) {
                quadrants.add(new QuadrantList(q, report.drivers().stream().filter(d -> d.quadrant() == q)
                        .map(d -> d.label(locale)).toList()));
            }
            model.addAttribute("quadrants", quadrants);
        } catch (ValidationProblem problem) {
            model.addAttribute("problems", shown(problem, locale));
            model.addAttribute("periodProblem", problem.problems().stream()
                    .anyMatch(p -> p.field().equals("from") || p.field().equals("until")));
        }
        return "insights/analysis/key-drivers";
    }

    /**
     * The answers the advisor chose: from and until are days (inclusive) or empty for no limit. A day
     * that is not a date, an end before the start, or a period in which nobody answered is refused
     * with a message; nothing is computed then.
     */
    private KeyDriverScope scope(TenantContext tenant, UUID surveyId, String from, String until, UUID margins,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = day(from, "from", problems);
        LocalDate end = day(until, "until", problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw ValidationProblem.of("until", "insights-analysis.error.periodOrder", shortDay(start, locale),
                    shortDay(end, locale));
        }
        KeyDriverScope scope = new KeyDriverScope(start, end, margins);
        if ((start != null || end != null) && analyses.respondents(tenant.tenantId(), surveyId, scope) == 0) {
            throw ValidationProblem.of("from", "insights-analysis.error.emptyPeriod", periodText(start, end, locale));
        }
        return scope;
    }

    private static LocalDate day(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "insights-analysis.error.day." + field, text.strip()));
            return null;
        }
    }

    private String periodText(LocalDate from, LocalDate to, Locale locale) {
        if (from == null && to == null) {
            return text("insights-analysis.period.all", locale);
        }
        if (from == null) {
            return messages.getMessage("insights-analysis.period.until", new Object[] { shortDay(to, locale) }, locale);
        }
        if (to == null) {
            return messages.getMessage("insights-analysis.period.from", new Object[] { shortDay(from, locale) }, locale);
        }
        return messages.getMessage("insights-analysis.period.between",
                new Object[] { shortDay(from, locale), shortDay(to, locale) }, locale);
    }

    private static String shortDay(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** The aspects of one quadrant, as the page lists them. */
    record QuadrantList(Quadrant quadrant, List<String> aspects) {
    }

    @GetMapping("/{id}/representativeness")
    String representativeness(TenantContext tenant, @PathVariable UUID id,
            @RequestParam(required = false) UUID margins, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Survey survey = analyses.survey(tenant.tenantId(), id);
        var sets = analyses.marginSets(tenant.tenantId());
        model.addAttribute("survey", survey);
        model.addAttribute("marginOptions", sets.stream().map(s -> new Option(s.id().toString(), s.name())).toList());
        UUID chosen = margins != null ? margins : sets.isEmpty() ? null : sets.get(0).id();
        model.addAttribute("chosenMargins", chosen == null ? "" : chosen.toString());
        model.addAttribute("minimum", analyses.minimumGroup());
        if (chosen != null) {
            try {
                model.addAttribute("report", analyses.representativeness(tenant.tenantId(), id, chosen, locale));
            } catch (ValidationProblem problem) {
                model.addAttribute("problems", shown(problem, locale));
            }
        }
        return "insights/analysis/representativeness";
    }

    // --- margins -------------------------------------------------------------------------------

    /**
     * What the margins form posts. The cells are lines of {@code MARGIN;category;population}, so that
     * a table copied from a spreadsheet or a statistics office can be pasted in.
     */
    record MarginForm(String name, String district, String source, String cells) {
    }

    @GetMapping("/margins/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newMargins(Model model) {
        model.addAttribute("form", new MarginForm("", "", "", ""));
        return "insights/analysis/margins-form";
    }

    @GetMapping("/margins/{setId}")
    String margins(TenantContext tenant, @PathVariable UUID setId, Model model) {
        var set = analyses.marginSet(tenant.tenantId(), setId);
        model.addAttribute("set", set);
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        StringBuilder lines = new StringBuilder();
        set.cells().forEach(c -> lines.append(c.itemKey()).append(';').append(c.category()).append(';')
                .append(c.population()).append('\n'));
        model.addAttribute("form", new MarginForm(set.name(), set.district(), set.source(), lines.toString()));
        return "insights/analysis/margins-form";
    }

    @PostMapping({ "/margins", "/margins/{setId}" })
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String saveMargins(TenantContext tenant, @PathVariable(required = false) UUID setId,
            @ModelAttribute("form") MarginForm form, BindingResult result, Model model) {
        try {
            var set = analyses.saveMarginSet(tenant, setId, new MarginSetInput(form.name(), null, form.district(),
                    form.source(), parse(form.cells())));
            return "redirect:/insights/analysis/margins/" + set.id();
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            if (setId != null) {
                model.addAttribute("set", analyses.marginSet(tenant.tenantId(), setId));
                model.addAttribute("canEdit", true);
            }
            return "insights/analysis/margins-form";
        }
    }

    @PostMapping("/margins/{setId}/delete")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String deleteMargins(TenantContext tenant, @PathVariable UUID setId) {
        analyses.deleteMarginSet(tenant, setId);
        return "redirect:/insights/analysis";
    }

    private static List<MarginCell> parse(String text) {
        List<MarginCell> cells = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        int line = 0;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split("[;\\t]");
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException();
                }
                cells.add(new MarginCell(parts[0].strip(), parts[1].strip(), Long.parseLong(parts[2].strip())));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("cells", "insights-analysis.margins.error.line", line));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return cells;
    }

    private List<String> shown(ValidationProblem problem, Locale locale) {
        return problem.problems().stream().map(p -> messages.getMessage(p.code(), p.args(), p.code(), locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
