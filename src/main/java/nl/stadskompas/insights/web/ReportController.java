// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.insights.Analyses;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Period;
import nl.stadskompas.insights.Reports;
import nl.stadskompas.insights.Reports.StoredReport;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * The council reports: every stored report (made by hand or each quarter on schedule) to download
 * as PDF or spreadsheet, and a form for advisors to make one for a period.
 */
@Controller
@RequestMapping("/insights/reports")
@PreAuthorize("hasAuthority('PERM_READ')")
class ReportController {

    private final Reports reports;
    private final Kpis kpis;
    private final Analyses analyses;
    private final MessageSource messages;

    ReportController(Reports reports, Kpis kpis, Analyses analyses, MessageSource messages) {
        this.reports = reports;
        this.kpis = kpis;
        this.analyses = analyses;
        this.messages = messages;
    }

    /**
     * What the form posts: the period, the language (nl or en) and the population margins to weight
     * to (empty: unweighted).
     */
    record ReportForm(String period, String language, String margins) {
    }

    /** What the schedule form posts: the margins the scheduled reports are weighted to (empty: none). */
    record ScheduleForm(String scheduledMargins) {
    }

    @GetMapping
    String index(TenantContext tenant, Model model) {
        model.addAttribute("form", new ReportForm(
                Period.containing(Period.Type.QUARTER, kpis.today()).previous().code(),
                LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "nl", ""));
        return page(tenant, model);
    }

    private String page(TenantContext tenant, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("reports", reports.stored(tenant.tenantId()));
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        List<Option> options = new ArrayList<>();
        for (Period.Type type : List.of(Period.Type.QUARTER, Period.Type.YEAR, Period.Type.MONTH)) {
            kpis.recentPeriods(type, type == Period.Type.MONTH ? 12 : 8)
                    .forEach(p -> options.add(new Option(p.code(), p.label(locale))));
        }
        model.addAttribute("periods", options);
        model.addAttribute("languages", Reports.LANGUAGES.stream()
                .map(l -> new Option(l, messages.getMessage("insights.reports.language." + l, null, locale))).toList());
        List<Option> margins = new ArrayList<>();
        margins.add(new Option("", messages.getMessage("insights.reports.weighting.none", null, locale)));
        var sets = analyses.marginSets(tenant.tenantId());
        sets.forEach(m -> margins.add(new Option(m.id().toString(), m.name())));
        model.addAttribute("marginOptions", margins);
        var scheduled = reports.scheduledWeighting(tenant.tenantId());
        String scheduledId = scheduled.map(UUID::toString).orElse("");
        model.addAttribute("scheduledName", sets.stream().filter(m -> m.id().toString().equals(scheduledId))
                .map(m -> m.name()).findFirst()
                .orElse(messages.getMessage("insights.reports.weighting.none", null, locale)));
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute("scheduleForm", new ScheduleForm(scheduledId));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReportForm(null, null, ""));
        }
        return "insights/reports";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String generate(TenantContext tenant, @ModelAttribute("form") ReportForm form, BindingResult result, Model model) {
        try {
            reports.generate(tenant, form.period(), form.language(), margins(form.margins()));
            return "redirect:/insights/reports?made";
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return page(tenant, model);
        }
    }

    @PostMapping("/schedule")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String schedule(TenantContext tenant, @ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result,
            Model model) {
        try {
            reports.scheduleWeighting(tenant, margins(form.scheduledMargins()));
            return "redirect:/insights/reports?scheduled";
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return page(tenant, model);
        }
    }

    /** The id of the chosen margins, null for none; text that is no id is refused as unknown margins. */
    private static UUID margins(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of("margins", "insights.error.margins");
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(TenantContext tenant, @PathVariable UUID id) {
        StoredReport report = reports.report(tenant.tenantId(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(report.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .body(reports.content(tenant.tenantId(), id));
    }
}
