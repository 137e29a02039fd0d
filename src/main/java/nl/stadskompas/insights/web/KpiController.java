// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Kpis.Kpi;
import nl.stadskompas.insights.Kpis.KpiInput;
import nl.stadskompas.insights.Kpis.ReferenceInput;
import nl.stadskompas.insights.Kpis.TargetInput;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

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

/**
 * The KPI catalogue for staff: every KPI with its targets and reference values; advisors add KPIs
 * from the measures the modules offer, rename them, set targets with a deadline and enter reference
 * values from elsewhere. Numbers may be typed with a comma; dates as 31-12-2027 or 2027-12-31.
 */
@Controller
@RequestMapping("/insights/kpis")
@PreAuthorize("hasAuthority('PERM_READ')")
class KpiController {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    private final Kpis kpis;
    private final org.springframework.context.MessageSource messages;

    KpiController(Kpis kpis, org.springframework.context.MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    /** What the KPI forms post. */
    record KpiForm(String measure, String nameNl, String nameEn) {
    }

    /** What the target form posts. */
    record TargetForm(String value, String deadline, String note) {
    }

    /** What the reference form posts. */
    record ReferenceForm(String label, String value, String source) {
    }

    @GetMapping
    String index(TenantContext tenant, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Kpi> list = kpis.kpis(tenant.tenantId());
        model.addAttribute("kpis", list);
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        model.addAttribute("refreshedAt", kpis.refreshedAt(tenant.tenantId()).orElse(null));
        if (tenant.can(Permission.SURVEYS_EDIT)) {
            model.addAttribute("form", new KpiForm("", "", ""));
            model.addAttribute("measures", measureOptions(tenant, list, locale));
        }
        return "insights/kpis/index";
    }

    private List<Option> measureOptions(TenantContext tenant, List<Kpi> list, Locale locale) {
        return kpis.measures(tenant.tenantId()).stream()
                .filter(m -> list.stream().noneMatch(k -> k.measure().equals(m.code())))
                .map(m -> new Option(m.code(), m.label(locale))).toList();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String add(TenantContext tenant, @ModelAttribute("form") KpiForm form, BindingResult result, Model model) {
        try {
            Kpi kpi = kpis.addKpi(tenant, new KpiInput(form.measure(), form.nameNl(), form.nameEn()));
            return "redirect:/insights/kpis/" + kpi.id();
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            List<Kpi> list = kpis.kpis(tenant.tenantId());
            model.addAttribute("kpis", list);
            model.addAttribute("canEdit", true);
            model.addAttribute("refreshedAt", kpis.refreshedAt(tenant.tenantId()).orElse(null));
            model.addAttribute("measures", measureOptions(tenant, list, LocaleContextHolder.getLocale()));
            return "insights/kpis/index";
        }
    }

    @PostMapping("/refresh")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String refresh(TenantContext tenant) {
        kpis.refresh(tenant.tenantId());
        return "redirect:/insights/kpis?refreshed";
    }

    @GetMapping("/{id}")
    String kpi(TenantContext tenant, @PathVariable UUID id, Model model) {
        Kpi kpi = kpis.kpi(tenant.tenantId(), id);
        model.addAttribute("form", new KpiForm(kpi.measure(), kpi.nameNl(), kpi.nameEn() == null ? "" : kpi.nameEn()));
        return detail(tenant, kpi, model);
    }

    private String detail(TenantContext tenant, Kpi kpi, Model model) {
        model.addAttribute("kpi", kpi);
        model.addAttribute("targets", kpis.targets(tenant.tenantId(), kpi.id()));
        model.addAttribute("references", kpis.references(tenant.tenantId(), kpi.id()));
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        model.addAttribute("fmt", new nl.stadskompas.insights.KpiFormat(messages, LocaleContextHolder.getLocale(),
                kpis.minimumGroup()));
        return "insights/kpis/detail";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String rename(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") KpiForm form,
            BindingResult result, Model model) {
        try {
            kpis.renameKpi(tenant, id, new KpiInput(null, form.nameNl(), form.nameEn()));
            return "redirect:/insights/kpis/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return detail(tenant, kpis.kpi(tenant.tenantId(), id), model);
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String remove(TenantContext tenant, @PathVariable UUID id) {
        kpis.removeKpi(tenant, id);
        return "redirect:/insights/kpis";
    }

    @GetMapping("/{id}/targets/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newTarget(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("kpi", kpis.kpi(tenant.tenantId(), id));
        model.addAttribute("form", new TargetForm("", "", ""));
        return "insights/kpis/target";
    }

    @PostMapping("/{id}/targets")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String addTarget(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") TargetForm form,
            BindingResult result, Model model) {
        Kpi kpi = kpis.kpi(tenant.tenantId(), id);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Double value = number(form.value(), "value", problems);
            LocalDate deadline = date(form.deadline(), problems);
            withFormProblems(problems,
                    () -> kpis.addTarget(tenant, id, new TargetInput(value, deadline, form.note())));
            return "redirect:/insights/kpis/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            model.addAttribute("kpi", kpi);
            return "insights/kpis/target";
        }
    }

    @PostMapping("/{id}/targets/{targetId}/delete")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String removeTarget(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID targetId) {
        kpis.removeTarget(tenant, id, targetId);
        return "redirect:/insights/kpis/" + id;
    }

    @GetMapping("/{id}/references/new")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String newReference(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("kpi", kpis.kpi(tenant.tenantId(), id));
        model.addAttribute("form", new ReferenceForm("", "", ""));
        return "insights/kpis/reference";
    }

    @PostMapping("/{id}/references")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String addReference(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") ReferenceForm form,
            BindingResult result, Model model) {
        Kpi kpi = kpis.kpi(tenant.tenantId(), id);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Double value = number(form.value(), "value", problems);
            withFormProblems(problems,
                    () -> kpis.addReference(tenant, id, new ReferenceInput(form.label(), value, form.source())));
            return "redirect:/insights/kpis/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            model.addAttribute("kpi", kpi);
            return "insights/kpis/reference";
        }
    }

    @PostMapping("/{id}/references/{referenceId}/delete")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    String removeReference(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID referenceId) {
        kpis.removeReference(tenant, id, referenceId);
        return "redirect:/insights/kpis/" + id;
    }

    /**
     * Runs the service call and reports the form's own problems (unreadable numbers or dates) together
     * with the service's, one per field, the form's first.
     */
    private static void withFormProblems(List<FieldProblem> problems, Runnable serviceCall) {
        try {
            serviceCall.run();
        } catch (ValidationProblem problem) {
            problems.addAll(problem.problems().stream()
                    .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).toList());
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }

    /** A number as people type it: 7, 7.5 or 7,5. Null (and a problem) when it is none. */
    private static Double number(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "insights.target.error.value"));
            return null;
        }
    }

    private static LocalDate date(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip(), DUTCH_DATE);
            } catch (DateTimeParseException e2) {
                problems.add(new FieldProblem("deadline", "insights.target.error.deadlineFormat"));
                return null;
            }
        }
    }
}
