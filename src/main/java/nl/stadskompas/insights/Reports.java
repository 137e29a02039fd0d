// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import nl.stadskompas.insights.Analyses.Driver;
import nl.stadskompas.insights.Analyses.KeyDriverReport;
import nl.stadskompas.insights.Analyses.ItemEstimate;
import nl.stadskompas.insights.Analyses.KeyDriverScope;
import nl.stadskompas.insights.Analyses.MarginCell;
import nl.stadskompas.insights.Analyses.MarginSet;
import nl.stadskompas.insights.Analyses.RepresentativenessReport;
import nl.stadskompas.insights.Kpis.Filter;
import nl.stadskompas.insights.Kpis.KpiFigures;
import nl.stadskompas.insights.Kpis.Reference;
import nl.stadskompas.insights.spi.KpiSource.Kind;
import nl.stadskompas.insights.spi.SurveyData.SurveyReference;
import nl.stadskompas.insights.web.AnalysisCharts;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The council report of a period, as an accessible PDF (PDF/UA, tagged, with title, language and
 * embedded fonts) and as a spreadsheet: every KPI against its target and reference values with the
 * change and its test, the trends (the dashboard's charts, each with a text alternative and a
 * table), the key drivers and the priority matrix of the questionnaire with the most responses, what
 * changed, and how the figures were made. Reports are stored for download; one per quarter is made
 * on schedule.
 */
@Service
public class Reports {

    /** The formats of a report. */
    public enum Format {
        PDF("application/pdf", "pdf"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** The languages a report can be made in. */
    public static final List<String> LANGUAGES = List.of("nl", "en");

    /**
     * A stored report, without its content.
     *
     * @param language the language it is written in: nl or en
     * @param weightedTo the name of the population margins its estimates and key drivers are weighted
     *        to, or null when unweighted
     */
    public record StoredReport(UUID id, Period period, Format format, String language, Instant createdAt,
            String createdBy, String weightedTo) {

        public String fileName() {
            return ("en".equals(language) ? "council-report-" : "raadsrapportage-") + period.code() + "."
                    + format.extension();
        }
    }

    private final Kpis kpis;
    private final Analyses analyses;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String schedule;
    private final List<String> scheduledLanguages;

    Reports(Kpis kpis, Analyses analyses, MessageSource messages, JdbcClient jdbc, Optional<Clock> clock,
            @Value("${stadskompas.insights.report.schedule:QUARTER}") String schedule,
            @Value("${stadskompas.insights.report.languages:nl}") List<String> scheduledLanguages) {
        this.kpis = kpis;
        this.analyses = analyses;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.schedule = schedule;
        this.scheduledLanguages = scheduledLanguages.stream().map(String::strip).filter(LANGUAGES::contains).distinct()
                .toList();
    }

    // --- storage -----------------------------------------------------------------------------

    public List<StoredReport> stored(UUID tenantId) {
        return jdbc.sql("SELECT id, period_type, period_start, format, created_at, created_by, language, weighted_to "
                        + "FROM ins_report WHERE tenant_id = :t ORDER BY period_start DESC, created_at DESC, language, format")
                .param("t", tenantId)
                .query((rs, i) -> new StoredReport(rs.getObject(1, UUID.class),
                        new Period(Period.Type.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate()),
                        Format.valueOf(rs.getString(4)), rs.getString(7), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getString(8)))
                .list();
    }

    /** A stored report's content. */
    public byte[] content(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT content FROM ins_report WHERE tenant_id = :t AND id = :id").param("t", tenantId)
                .param("id", id).query(byte[].class).optional().orElseThrow(() -> new NotFoundException("report"));
    }

    public StoredReport report(UUID tenantId, UUID id) {
        return stored(tenantId).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("report"));
    }

    /**
     * Makes the PDF and the spreadsheet of a period and stores them. Not one transaction: the key
     * drivers may be refused for too few answers, which is part of the report, not a failure.
     *
     * @param language nl or en; null or blank for Dutch
     */
    public List<StoredReport> generate(TenantContext tenant, String periodCode, String language) {
        return generate(tenant, periodCode, language, null);
    }

    /**
     * As above, weighted to a set of population margins when {@code marginSetId} is given: the
     * estimates per question and the key drivers then use raking weights, as the analyses do.
     *
     * @throws ValidationProblem when the period, the language or the margins are unknown
     */
    public List<StoredReport> generate(TenantContext tenant, String periodCode, String language, UUID marginSetId) {
        tenant.require(Permission.SURVEYS_EDIT);
        List<FieldProblem> problems = new ArrayList<>();
        if (periodCode == null || periodCode.isBlank()) {
            problems.add(new FieldProblem("period", "insights.error.period"));
        }
        String lang = language == null || language.isBlank() ? "nl" : language.strip();
        if (!LANGUAGES.contains(lang)) {
            problems.add(new FieldProblem("language", "insights.error.language"));
        }
        if (marginSetId != null && !marginSetExists(tenant.tenantId(), marginSetId)) {
            problems.add(new FieldProblem("margins", "insights.error.margins"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return generate(tenant.tenantId(), kpis.period(periodCode), tenant.username(), lang, marginSetId);
    }

    private boolean marginSetExists(UUID tenantId, UUID marginSetId) {
        try {
            analyses.marginSet(tenantId, marginSetId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    List<StoredReport> generate(UUID tenantId, Period period, String by, String language) {
        return generate(tenantId, period, by, language, null);
    }

    List<StoredReport> generate(UUID tenantId, Period period, String by, String language, UUID marginSetId) {
        Locale locale = Locale.of(language);
        Content c = content(tenantId, period, locale, marginSetId);
        String weightedTo = c.weighting() == null ? null : c.weighting().margins().name();
        List<StoredReport> made = new ArrayList<>();
        for (Format format : Format.values()) {
            byte[] content = format == Format.PDF ? pdf(c, locale) : xlsx(c, locale);
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO ins_report (id, tenant_id, period_type, period_start, format, content, created_at, "
                            + "created_by, language, weighted_to) VALUES (:id, :t, :pt, :ps, :f, :c, :at, :by, :l, :w)")
                    .param("id", id).param("t", tenantId).param("pt", period.type().name())
                    .param("ps", period.start()).param("f", format.name()).param("c", content)
                    .param("at", Timestamp.from(now)).param("by", by).param("l", language).param("w", weightedTo)
                    .update();
            made.add(new StoredReport(id, period, format, language, now, by, weightedTo));
        }
        return made;
    }

    /**
     * On schedule: makes the report of the last complete quarter, in each language of
     * {@code stadskompas.insights.report.languages} (default Dutch only), for every organisation with
     * KPIs that has none in that language yet. Returns how many were made.
     */
    public int generateDue() {
        if (!"QUARTER".equalsIgnoreCase(schedule)) {
            return 0;
        }
        Period last = Period.containing(Period.Type.QUARTER, kpis.today()).previous();
        int made = 0;
        for (UUID tenant : kpis.tenantsWithKpis()) {
            boolean refreshed = false;
            for (String language : scheduledLanguages) {
                boolean exists = jdbc.sql("SELECT COUNT(*) FROM ins_report WHERE tenant_id = :t AND period_type = "
                                + "'QUARTER' AND period_start = :s AND language = :l")
                        .param("t", tenant).param("s", last.start()).param("l", language).query(Long.class)
                        .single() > 0;
                if (!exists) {
                    if (!refreshed) {
                        kpis.refresh(tenant);
                        refreshed = true;
                    }
                    generate(tenant, last, "schedule", language, scheduledWeighting(tenant).orElse(null));
                    made++;
                }
            }
        }
        return made;
    }

    // --- weighting of the scheduled reports --------------------------------------------------

    /** The set of margins the scheduled reports of the organisation are weighted to, if any. */
    public Optional<UUID> scheduledWeighting(UUID tenantId) {
        return jdbc.sql("SELECT margin_set_id FROM ins_report_setting WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .flatMap(o -> o);
    }

    /**
     * Chooses the margins the scheduled reports are weighted to; null makes them unweighted.
     *
     * @throws ValidationProblem when the margins are not the organisation's
     */
    @org.springframework.transaction.annotation.Transactional
    public void scheduleWeighting(TenantContext tenant, UUID marginSetId) {
        tenant.require(Permission.SURVEYS_EDIT);
        if (marginSetId != null && !marginSetExists(tenant.tenantId(), marginSetId)) {
            throw ValidationProblem.of("margins", "insights.error.margins");
        }
        jdbc.sql("DELETE FROM ins_report_setting WHERE tenant_id = :t").param("t", tenant.tenantId()).update();
        jdbc.sql("INSERT INTO ins_report_setting (tenant_id, margin_set_id) VALUES (:t, :m)")
                .param("t", tenant.tenantId()).param("m", marginSetId).update();
    }

    // --- content -------------------------------------------------------------------------------

    /**
     * What both formats show.
     *
     * @param weighting the weighted estimates of the key-driver questionnaire in the period, when the
     *        report is weighted; null when unweighted
     * @param weightingProblem why weighting was asked for but not possible (then nothing is weighted),
     *        or null
     */
    private record Content(Period period, List<KpiFigures> figures, KeyDriverReport drivers, String surveyName,
            long respondents, KpiFormat format, RepresentativenessReport weighting, String weightingProblem) {
    }

    /**
     * The key drivers use only the answers given in the report's period, from the questionnaire
     * with the most responses in that period; respondents counts its responses in the period.
     */

    private Content content(UUID tenantId, Period period, Locale locale, UUID marginSetId) {
        List<KpiFigures> figures = kpis.figures(tenantId, period, Filter.ALL, null, 8, locale);
        KeyDriverReport drivers = null;
        String surveyName = null;
        long respondents = 0;
        KeyDriverScope scope = KeyDriverScope.of(period);
        Map<UUID, Long> inPeriod = new HashMap<>();
        List<SurveyReference> surveys = analyses.surveys(tenantId);
        surveys.forEach(s -> inPeriod.put(s.id(), analyses.respondents(tenantId, s.id(), scope)));
        Optional<SurveyReference> survey = surveys.stream()
                .max(Comparator.<SurveyReference>comparingLong(s -> inPeriod.get(s.id()))
                        .thenComparingLong(SurveyReference::responses));
        RepresentativenessReport weighting = null;
        String weightingProblem = null;
        if (marginSetId != null) {
            String setName = analyses.marginSets(tenantId).stream().filter(m -> m.id().equals(marginSetId))
                    .map(MarginSet::name).findFirst().orElse(null);
            if (setName == null || survey.isEmpty()) {
                weightingProblem = t("insights.report.weighting.noSurvey", locale);
            } else {
                try {
                    weighting = analyses.representativeness(tenantId, survey.get().id(), marginSetId, locale,
                            period.start(), period.end());
                    if (!weighting.converged()) {
                        weightingProblem = t("insights-analysis.raking.notConverged", locale, weighting.iterations());
                        weighting = null;
                    }
                } catch (ValidationProblem e) {
                    weightingProblem = String.join(" ", e.problems().stream()
                            .map(p -> messages.getMessage(p.code(), p.args(), p.code(), locale)).toList());
                }
            }
            if (weightingProblem != null) {
                weightingProblem = t("insights.report.weighting.failed", locale, setName == null ? "" : setName,
                        weightingProblem);
            }
        }
        if (survey.isPresent()) {
            surveyName = survey.get().name();
            respondents = inPeriod.get(survey.get().id());
            KeyDriverScope driverScope = weighting == null ? scope
                    : new KeyDriverScope(period.start(), period.end(), marginSetId);
            try {
                drivers = analyses.keyDrivers(tenantId, survey.get().id(), null, List.of(), driverScope);
            } catch (ValidationProblem | NotFoundException e) {
                drivers = null;
            }
        }
        return new Content(period, figures, drivers, surveyName, respondents,
                new KpiFormat(messages, locale, kpis.minimumGroup()), weighting, weightingProblem);
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }

    /** The report as XHTML, for the PDF renderer. */
    String html(UUID tenantId, Period period, Locale locale) {
        return html(content(tenantId, period, locale, null), locale);
    }

    private String html(Content c, Locale locale) {
        Period period = c.period();
        KpiFormat f = c.format();
        String title = t("insights.report.title", locale, period.label(locale));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc(title)).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(t("insights.report.subject", locale))).append("\"/>")
                .append("<meta name=\"author\" content=\"Stadskompas\"/>")
                .append("<style>@page { size: A4; margin: 18mm; } body { font-family: 'DejaVu Sans'; font-size: 10pt; }"
                        + " h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 11pt; }"
                        + " table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
                        + " th, td { border: 1px solid #666; padding: 2pt 4pt; text-align: left; vertical-align: top; }"
                        + " caption { text-align: left; font-weight: bold; padding: 2pt 0; }</style>")
                .append("</head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p>").append(esc(t("insights.report.intro", locale, period.label(locale)))).append("</p>");

        // Scores against targets and references
        h.append("<h2>").append(esc(t("insights.report.scores", locale))).append("</h2>");
        // Without KPIs there is no table: a table head without rows breaks PDF/UA (7.2-14).
        if (!c.figures().isEmpty()) {
            h.append("<table><caption>").append(esc(t("insights.report.scores", locale))).append("</caption><thead><tr>");
            for (String key : List.of("insights.report.kpi", "insights.figure", "insights.margin", "insights.report.previous",
                    "insights.change", "insights.report.test", "insights.target", "insights.references")) {
                h.append("<th scope=\"col\">").append(esc(t(key, locale))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (KpiFigures k : c.figures()) {
                h.append("<tr><th scope=\"row\">").append(esc(k.kpi().name(locale))).append("</th><td>")
                        .append(esc(f.figure(k.kpi(), k.current()))).append("</td><td>")
                        .append(esc(f.margin(k.kpi(), k.current()))).append("</td><td>")
                        .append(esc(f.figure(k.kpi(), k.previous()))).append("</td><td>")
                        .append(esc(f.change(k.kpi(), k.change()))).append("</td><td>")
                        .append(esc(test(k, f, locale))).append("</td><td>")
                        .append(esc(target(k, f, locale))).append("</td><td>")
                        .append(esc(references(k, f))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        } else {
            h.append("<p>").append(esc(t("insights.none", locale))).append("</p>");
        }

        // What changed
        h.append("<h2>").append(esc(t("insights.report.changed", locale))).append("</h2><ul>");
        List<String> changes = changes(c, locale);
        if (changes.isEmpty()) {
            h.append("<li>").append(esc(t("insights.report.changed.none", locale))).append("</li>");
        }
        changes.forEach(s -> h.append("<li>").append(esc(s)).append("</li>"));
        h.append("</ul>");

        // Trends
        h.append("<h2>").append(esc(t("insights.report.trends", locale))).append("</h2>");
        int i = 0;
        for (KpiFigures k : c.figures()) {
            String chartTitle = t("insights.chart.title", locale, k.kpi().name(locale));
            String svg = KpiCharts.trend("report-trend-" + (++i), chartTitle, k, f, locale);
            h.append("<h3>").append(esc(k.kpi().name(locale))).append("</h3>");
            h.append(svg.replaceFirst("<svg ", java.util.regex.Matcher.quoteReplacement("<svg alt=\"" + esc(chartTitle + ": "
                    + KpiCharts.description(k, f, locale)) + "\" ")));
            h.append("<table><caption>").append(esc(t("insights.trend.caption", locale, k.kpi().name(locale))))
                    .append("</caption><thead><tr><th scope=\"col\">").append(esc(t("insights.period", locale)))
                    .append("</th><th scope=\"col\">").append(esc(t("insights.figure", locale)))
                    .append("</th><th scope=\"col\">").append(esc(t("insights.n", locale))).append("</th></tr></thead><tbody>");
            for (var fig : k.trend()) {
                h.append("<tr><th scope=\"row\">").append(esc(fig.period().label(locale))).append("</th><td>")
                        .append(esc(f.figure(k.kpi(), fig))).append("</td><td>")
                        .append(fig.n() > 0 ? fig.n() : "").append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // Key drivers and priority matrix
        h.append("<h2>").append(esc(t("insights.report.drivers", locale))).append("</h2>");
        if (c.drivers() == null) {
            h.append("<p>").append(esc(t("insights.report.drivers.none", locale, kpis.minimumGroup()))).append("</p>");
        } else {
            KeyDriverReport d = c.drivers();
            h.append("<p>").append(esc(t("insights.report.drivers.intro", locale, d.surveyName(), d.n(),
                    d.outcome().label(locale)))).append("</p>");
            if (d.weighted()) {
                h.append("<p>").append(esc(t("insights.report.drivers.weighted", locale, d.weightedTo()))).append("</p>");
            }
            String matrixTitle = t("insights.report.matrix", locale);
            String matrix = AnalysisCharts.matrix("report-matrix", matrixTitle, t("insights.report.matrix.desc", locale),
                    d, locale);
            h.append(matrix.replace("width=\"100%\"", "width=\"520\" height=\"370\"").replaceFirst("<svg ",
                    java.util.regex.Matcher.quoteReplacement("<svg alt=\"" + esc(matrixTitle + ". "
                            + t("insights.report.matrix.desc", locale)) + "\" ")));
            h.append("<table><caption>").append(esc(t("insights.report.drivers", locale))).append("</caption><thead><tr>");
            for (String key : List.of("insights.report.aspect", "insights.report.mean", "insights.report.importance",
                    "insights.report.rank", "insights.report.quadrant")) {
                h.append("<th scope=\"col\">").append(esc(t(key, locale))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (Driver dr : d.drivers()) {
                h.append("<tr><th scope=\"row\">").append(esc(dr.key() + " " + dr.label(locale))).append("</th><td>")
                        .append(esc(String.format(locale, "%.2f", dr.mean()))).append("</td><td>")
                        .append(esc(String.format(locale, "%.0f%%", dr.importance() * 100))).append("</td><td>")
                        .append(dr.lmgRank()).append("</td><td>")
                        .append(esc(messages.getMessage(dr.quadrant().messageKey(), null, locale))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // Weighted estimates
        if (c.weighting() != null) {
            RepresentativenessReport w = c.weighting();
            h.append("<h2>").append(esc(t("insights.report.estimates", locale))).append("</h2>");
            h.append("<p>").append(esc(t("insights.report.estimates.intro", locale, w.surveyName(),
                    w.margins().name()))).append("</p>");
            h.append("<table><caption>").append(esc(t("insights.report.estimates", locale)))
                    .append("</caption><thead><tr>");
            for (String key : List.of("insights.report.aspect", "insights.report.estimates.mean",
                    "insights.report.estimates.unweighted", "insights.margin", "insights.report.estimates.positive",
                    "insights.report.estimates.deff", "insights.n")) {
                h.append("<th scope=\"col\">").append(esc(t(key, locale))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (ItemEstimate e : w.estimates()) {
                h.append("<tr><th scope=\"row\">").append(esc(e.key() + " " + e.label(locale))).append("</th><td>")
                        .append(esc(String.format(locale, "%.2f", e.weightedMean()))).append("</td><td>")
                        .append(esc(String.format(locale, "%.2f", e.unweightedMean()))).append("</td><td>")
                        .append(esc(String.format(locale, "%.2f", e.marginOfError()))).append("</td><td>")
                        .append(esc(e.weightedSharePositive() == null ? ""
                                : String.format(locale, "%.0f%%", e.weightedSharePositive() * 100))).append("</td><td>")
                        .append(esc(String.format(locale, "%.2f", e.designEffect()))).append("</td><td>")
                        .append(e.n()).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // Method
        h.append("<h2>").append(esc(t("insights.report.method", locale))).append("</h2>");
        for (String line : method(c, locale)) {
            h.append("<p>").append(esc(line)).append("</p>");
        }
        h.append("</body></html>");
        return h.toString();
    }

    private String test(KpiFigures k, KpiFormat f, Locale locale) {
        if (k.p() == null) {
            return k.change() == null ? "" : t("insights.notTested", locale);
        }
        return (k.significant() ? t("insights.report.significant", locale) : t("insights.report.notSignificant", locale))
                + " (p = " + f.p(k.p()) + ")";
    }

    private String target(KpiFigures k, KpiFormat f, Locale locale) {
        if (k.target() == null) {
            return "";
        }
        String s = t("insights.target.value", locale, f.entered(k.kpi(), k.target().value()),
                k.target().deadline().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        if (k.targetMet() != null) {
            s += ": " + (k.targetMet() ? t("insights.target.met", locale) : t("insights.target.notMet", locale));
        }
        return s;
    }

    private static String references(KpiFigures k, KpiFormat f) {
        StringBuilder s = new StringBuilder();
        for (Reference r : k.references()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(r.label()).append(": ").append(f.entered(k.kpi(), r.value())).append(" (").append(r.source())
                    .append(')');
        }
        return s.toString();
    }

    private List<String> changes(Content c, Locale locale) {
        List<String> changes = new ArrayList<>();
        for (KpiFigures k : c.figures()) {
            if (k.significant() && k.change() != null) {
                boolean better = (k.change() > 0) == k.kpi().higherIsBetter();
                changes.add(t(better ? "insights.report.better" : "insights.report.worse", locale, k.kpi().name(locale),
                        c.format().figure(k.kpi(), k.previous()), c.format().figure(k.kpi(), k.current())));
            }
        }
        return changes;
    }

    private List<String> method(Content c, Locale locale) {
        List<String> lines = new ArrayList<>();
        long soft = c.figures().stream().filter(k -> k.kpi().kind() == Kind.SOFT).count();
        lines.add(t("insights.report.method.sources", locale, soft, c.figures().size() - soft));
        if (c.surveyName() != null) {
            lines.add(t("insights.report.method.respondents", locale, c.surveyName(), c.respondents()));
            lines.add(t("insights.report.method.period", locale, c.period().label(locale),
                    day(c.period().start(), locale), day(c.period().end(), locale)));
        }
        if (c.weighting() != null) {
            RepresentativenessReport w = c.weighting();
            MarginSet set = w.margins();
            lines.add(t("insights.report.method.weighted", locale, set.name(),
                    set.source() == null ? t("insights.report.method.weighted.noSource", locale) : set.source(),
                    w.n(), w.iterations()));
            for (String key : set.itemKeys()) {
                long total = set.cells(key).stream().mapToLong(MarginCell::population).sum();
                List<String> parts = set.cells(key).stream().map(cell -> cell.category() + " "
                        + String.format(locale, "%,d", cell.population()) + " ("
                        + String.format(locale, "%.1f%%", 100.0 * cell.population() / total) + ")").toList();
                lines.add(t("insights.report.method.margin", locale, key, String.join(", ", parts)));
            }
            lines.add(t("insights.report.method.designEffect", locale, String.format(locale, "%.2f",
                    w.kishDesignEffect()), String.format(locale, "%.1f", w.effectiveN()), w.n()));
            lines.add(t("insights.report.method.weightedWhat", locale));
        } else {
            if (c.weightingProblem() != null) {
                lines.add(c.weightingProblem());
            }
            lines.add(t("insights.report.method.weighting", locale));
        }
        lines.add(t("insights.report.method.margins", locale));
        lines.add(t("insights.report.method.test", locale));
        lines.add(t("insights.report.method.suppression", locale, kpis.minimumGroup()));
        return lines;
    }

    private static String day(java.time.LocalDate day, Locale locale) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    // --- PDF -------------------------------------------------------------------------------------

    /** The report as a PDF/UA document (tagged, title and language set, fonts embedded), also PDF/A-3a. */
    public byte[] pdf(UUID tenantId, Period period, Locale locale) {
        return pdf(content(tenantId, period, locale, null), locale);
    }

    private byte[] pdf(Content c, Locale locale) {
        String html = html(c, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
            builder.useFont(() -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String path) {
        InputStream in = Reports.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Font missing: " + path);
        }
        return in;
    }

    // --- spreadsheet ---------------------------------------------------------------------------

    /** The report as a spreadsheet: scores, trends, key drivers and method, numbers as numbers. */
    public byte[] xlsx(UUID tenantId, Period period, Locale locale) {
        return xlsx(content(tenantId, period, locale, null), locale);
    }

    private byte[] xlsx(Content c, Locale locale) {
        Period period = c.period();
        KpiFormat f = c.format();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            var bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Sheet scores = book.createSheet(t("insights.report.sheet.scores", locale));
            row(scores, 0, header, t("insights.report.kpi", locale), t("insights.report.unit", locale),
                    t("insights.figure", locale), t("insights.n", locale), t("insights.margin", locale),
                    t("insights.report.previous", locale), t("insights.change", locale), "p",
                    t("insights.report.test", locale), t("insights.target", locale), t("insights.target.deadline", locale),
                    t("insights.references", locale));
            int r = 1;
            for (KpiFigures k : c.figures()) {
                Row row = scores.createRow(r++);
                row.createCell(0).setCellValue(k.kpi().name(locale));
                row.createCell(1).setCellValue(t("insights.unit." + k.kpi().unit().name(), locale));
                number(row, 2, k.current().shown() ? Kpis.display(k.kpi(), k.current().value()) : null,
                        k.current().suppressed() ? f.figure(k.kpi(), k.current()) : null);
                number(row, 3, k.current().n() > 0 ? (double) k.current().n() : null, null);
                number(row, 4, k.current().marginOfError() == null ? null
                        : Kpis.display(k.kpi(), k.current().marginOfError()), null);
                number(row, 5, k.previous().shown() ? Kpis.display(k.kpi(), k.previous().value()) : null,
                        k.previous().suppressed() ? f.figure(k.kpi(), k.previous()) : null);
                number(row, 6, k.change() == null ? null : Kpis.display(k.kpi(), k.change()), null);
                number(row, 7, k.p(), null);
                row.createCell(8).setCellValue(test(k, f, locale));
                number(row, 9, k.target() == null ? null : k.target().value(), null);
                row.createCell(10).setCellValue(k.target() == null ? "" : k.target().deadline().toString());
                row.createCell(11).setCellValue(references(k, f));
            }
            Sheet trend = book.createSheet(t("insights.report.sheet.trends", locale));
            List<Period> periods = period.trend(8);
            List<String> head = new ArrayList<>();
            head.add(t("insights.report.kpi", locale));
            periods.forEach(p -> head.add(p.label(locale)));
            row(trend, 0, header, head.toArray(String[]::new));
            r = 1;
            for (KpiFigures k : c.figures()) {
                Row row = trend.createRow(r++);
                row.createCell(0).setCellValue(k.kpi().name(locale));
                for (int i = 0; i < k.trend().size(); i++) {
                    var fig = k.trend().get(i);
                    number(row, i + 1, fig.shown() ? Kpis.display(k.kpi(), fig.value()) : null,
                            fig.suppressed() ? f.figure(k.kpi(), fig) : null);
                }
            }
            Sheet drivers = book.createSheet(t("insights.report.sheet.drivers", locale));
            if (c.drivers() == null) {
                drivers.createRow(0).createCell(0)
                        .setCellValue(t("insights.report.drivers.none", locale, kpis.minimumGroup()));
            } else {
                row(drivers, 0, header, t("insights.report.aspect", locale), t("insights.report.mean", locale),
                        t("insights.report.importance", locale), "LMG", t("insights.report.rank", locale),
                        t("insights.report.quadrant", locale));
                r = 1;
                for (Driver d : c.drivers().drivers()) {
                    Row row = drivers.createRow(r++);
                    row.createCell(0).setCellValue(d.key() + " " + d.label(locale));
                    row.createCell(1).setCellValue(d.mean());
                    row.createCell(2).setCellValue(d.importance());
                    row.createCell(3).setCellValue(d.lmg());
                    row.createCell(4).setCellValue(d.lmgRank());
                    row.createCell(5).setCellValue(messages.getMessage(d.quadrant().messageKey(), null, locale));
                }
            }
            if (c.weighting() != null) {
                Sheet estimates = book.createSheet(t("insights.report.sheet.estimates", locale));
                row(estimates, 0, header, t("insights.report.aspect", locale), t("insights.report.estimates.mean", locale),
                        t("insights.report.estimates.unweighted", locale), t("insights.report.estimates.se", locale),
                        t("insights.margin", locale), t("insights.report.estimates.positive", locale),
                        t("insights.report.estimates.deff", locale), t("insights.report.estimates.kish", locale),
                        t("insights.n", locale));
                r = 1;
                for (ItemEstimate e : c.weighting().estimates()) {
                    Row row = estimates.createRow(r++);
                    row.createCell(0).setCellValue(e.key() + " " + e.label(locale));
                    row.createCell(1).setCellValue(e.weightedMean());
                    row.createCell(2).setCellValue(e.unweightedMean());
                    row.createCell(3).setCellValue(e.standardError());
                    row.createCell(4).setCellValue(e.marginOfError());
                    number(row, 5, e.weightedSharePositive() == null ? null : e.weightedSharePositive() * 100, null);
                    row.createCell(6).setCellValue(e.designEffect());
                    row.createCell(7).setCellValue(e.kishDesignEffect());
                    row.createCell(8).setCellValue(e.n());
                }
                estimates.setColumnWidth(0, 40 * 256);
            }
            Sheet method = book.createSheet(t("insights.report.sheet.method", locale));
            r = 0;
            for (String line : method(c, locale)) {
                method.createRow(r++).createCell(0).setCellValue(line);
            }
            for (String line : changes(c, locale)) {
                method.createRow(r++).createCell(0).setCellValue(line);
            }
            for (Sheet s : List.of(scores, trend)) {
                s.setColumnWidth(0, 40 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(values[i]);
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, Double value, String otherwise) {
        if (value != null && Double.isFinite(value)) {
            row.createCell(column).setCellValue(value);
        } else if (otherwise != null) {
            row.createCell(column).setCellValue(otherwise);
        }
    }

}
