// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.insights.KpiCharts;
import nl.stadskompas.insights.KpiFormat;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Kpis.Filter;
import nl.stadskompas.insights.Kpis.KpiFigures;
import nl.stadskompas.insights.Period;
import nl.stadskompas.insights.spi.KpiScopes.Scope;
import nl.stadskompas.insights.spi.KpiSource.Dimension;
import nl.stadskompas.insights.spi.KpiSource.Kind;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard for all staff: every KPI in the chosen period and part of the organisation, against
 * its target and reference values, with the change from the previous period, the trend as a chart
 * with a text alternative and a table, an optional breakdown, and residents' against employees' view
 * of each statement. The filter is a plain GET form.
 */
@Controller
@RequestMapping("/insights")
@PreAuthorize("hasAuthority('PERM_READ')")
class DashboardController {

    private final Kpis kpis;
    private final MessageSource messages;

    DashboardController(Kpis kpis, MessageSource messages) {
        this.kpis = kpis;
        this.messages = messages;
    }

    /** One KPI as the dashboard shows it. */
    record Card(KpiFigures figures, String chart, String chartId) {
    }

    @GetMapping
    String dashboard(TenantContext tenant, @RequestParam(required = false) String period,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) String service,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String team,
            @RequestParam(required = false) String journey, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String by, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        KpiFormat format = new KpiFormat(messages, locale, kpis.minimumGroup());
        Period chosen;
        try {
            chosen = kpis.period(period);
        } catch (ValidationProblem e) {
            chosen = kpis.period(null);
            model.addAttribute("periodProblem", true);
        }
        var values = kpis.dimensionValues(tenant.tenantId(), locale);
        Scope scope = null;
        try {
            scope = kpis.scope(tenant.tenantId(), journey);
        } catch (ValidationProblem e) {
            model.addAttribute("journeyProblem", true);
            journey = "";
        }
        String chosenSegment;
        try {
            chosenSegment = kpis.segment(tenant.tenantId(), segment);
        } catch (ValidationProblem e) {
            model.addAttribute("segmentProblem", true);
            chosenSegment = null;
            segment = "";
        }
        String segmentCode = chosenSegment;
        Filter filter = new Filter(id(municipality), id(service), blank(channel) ? null : channel, id(team), scope,
                chosenSegment);
        Dimension breakdown = null;
        if (!blank(by)) {
            try {
                breakdown = Dimension.valueOf(by);
            } catch (IllegalArgumentException e) {
                breakdown = null;
            }
        }
        List<KpiFigures> figures = kpis.figures(tenant.tenantId(), chosen, filter, breakdown, 8, locale);
        List<Card> cards = new ArrayList<>();
        int i = 0;
        for (KpiFigures k : figures) {
            String chartId = "trend-" + (++i);
            cards.add(new Card(k, KpiCharts.trend(chartId,
                    messages.getMessage("insights.chart.title", new Object[] { k.kpi().name(locale) }, locale), k,
                    format, locale), chartId));
        }
        model.addAttribute("cards", cards);
        model.addAttribute("views", figures.stream().filter(k -> k.kpi().kind() == Kind.SOFT && k.employees() != null
                && (k.employees().n() > 0 || k.employees().suppressed())).toList());
        model.addAttribute("fmt", format);
        model.addAttribute("period", chosen);
        model.addAttribute("periodOptions", periodOptions(locale));
        model.addAttribute("municipalities", options(values.get(Dimension.MUNICIPALITY), locale));
        model.addAttribute("services", options(values.get(Dimension.SERVICE), locale));
        model.addAttribute("channels", options(values.get(Dimension.CHANNEL), locale));
        model.addAttribute("teams", options(values.get(Dimension.TEAM), locale));
        List<Option> journeys = new ArrayList<>();
        journeys.add(new Option("", messages.getMessage("insights.filter.all", null, locale)));
        kpis.scopes(tenant.tenantId(), locale).forEach(s -> journeys.add(new Option(s.id(), s.label(locale))));
        model.addAttribute("journeys", journeys);
        model.addAttribute("segments", options(values.get(Dimension.SEGMENT), locale));
        model.addAttribute("hasSegments", !values.get(Dimension.SEGMENT).isEmpty());
        model.addAttribute("scope", scope);
        model.addAttribute("segmentLabel", chosenSegment == null ? null : values.get(Dimension.SEGMENT).stream()
                .filter(v -> v.value().equals(segmentCode)).map(v -> v.label(locale)).findFirst().orElse(null));
        model.addAttribute("byOptions", byOptions(locale));
        model.addAttribute("chosen", new Chosen(chosen.code(), municipality, service, channel, team, journey,
                segment, breakdown == null ? "" : breakdown.name()));
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("minimum", kpis.minimumGroup());
        model.addAttribute("refreshedAt", kpis.refreshedAt(tenant.tenantId()).orElse(null));
        model.addAttribute("canEdit", tenant.can(Permission.SURVEYS_EDIT));
        return "insights/dashboard";
    }

    /** The filter as chosen, to keep it selected. */
    record Chosen(String period, String municipality, String service, String channel, String team, String journey,
            String segment, String by) {
    }

    private List<Option> periodOptions(Locale locale) {
        List<Option> options = new ArrayList<>();
        for (Period.Type type : List.of(Period.Type.QUARTER, Period.Type.MONTH, Period.Type.YEAR)) {
            int count = type == Period.Type.MONTH ? 12 : type == Period.Type.QUARTER ? 8 : 3;
            kpis.recentPeriods(type, count).forEach(p -> options.add(new Option(p.code(), p.label(locale))));
        }
        return options;
    }

    private List<Option> options(List<nl.stadskompas.insights.spi.KpiSource.DimensionValue> values, Locale locale) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", messages.getMessage("insights.filter.all", null, locale)));
        values.forEach(v -> options.add(new Option(v.value(), v.label(locale))));
        return options;
    }

    private List<Option> byOptions(Locale locale) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", messages.getMessage("insights.filter.by.none", null, locale)));
        for (Dimension d : Dimension.values()) {
            options.add(new Option(d.name(), messages.getMessage("insights.dimension." + d.name(), null, locale)));
        }
        return options;
    }

    private static UUID id(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
