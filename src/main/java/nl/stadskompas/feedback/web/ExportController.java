// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.feedback.DataAccessLog;
import nl.stadskompas.feedback.FeedbackExports;
import nl.stadskompas.feedback.FeedbackExports.Download;
import nl.stadskompas.feedback.FeedbackExports.Format;
import nl.stadskompas.feedback.FeedbackResults;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of a questionnaire's data: the results tables for everyone who may read them (small
 * groups suppressed), and the raw answers with a codebook for researchers, logged.
 */
@Controller
@RequestMapping("/feedback/{id}/exports")
@PreAuthorize("hasAuthority('PERM_READ')")
class ExportController {

    private final FeedbackExports exports;
    private final FeedbackResults results;
    private final QuestionnaireEditing editing;
    private final DataAccessLog log;
    private final AuthoringSupport support;

    ExportController(FeedbackExports exports, FeedbackResults results, QuestionnaireEditing editing, DataAccessLog log,
            AuthoringSupport support) {
        this.exports = exports;
        this.results = results;
        this.editing = editing;
        this.log = log;
        this.support = support;
    }

    /** A raw download as the log on the page shows it. */
    record LogRow(String when, String who, String format) {
    }

    @GetMapping
    String page(TenantContext tenant, @PathVariable UUID id, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        model.addAttribute("q", q);
        List<Option> fields = new ArrayList<>();
        fields.add(new Option("", support.text("feedback.results.noBreakdown")));
        List<Question> latest = results.latestQuestions(q);
        for (String f : results.breakdownFields(q)) {
            String label = FeedbackResults.CONTEXT_FIELDS.contains(f) ? support.text("feedback.results.field." + f)
                    : latest.stream().filter(x -> x.key().equals(f)).findFirst().map(x -> f + ": " + x.text(locale)).orElse(f);
            fields.add(new Option(f, label));
        }
        model.addAttribute("fields", fields);
        model.addAttribute("minimum", results.minimumGroup());
        boolean researcher = tenant.can(Permission.RESEARCH_DATA);
        model.addAttribute("researcher", researcher);
        if (researcher) {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneId.of("Europe/Amsterdam"));
            model.addAttribute("log", log.latest(tenant.tenantId(), id, 10).stream()
                    .filter(e -> e.action() == DataAccessLog.Action.RAW_EXPORT)
                    .map(e -> new LogRow(when.format(e.at()), e.username(), e.detail())).toList());
        }
        return "feedback/exports";
    }

    @GetMapping("/results")
    void results(HttpServletResponse response, TenantContext tenant, @PathVariable UUID id,
            @RequestParam(defaultValue = "XLSX") Format format, @RequestParam(required = false) String breakdown,
            @RequestParam(required = false) String question) throws IOException {
        send(response, exports.results(tenant, id, null, breakdown == null || breakdown.isBlank() ? null : breakdown,
                question == null || question.isBlank() ? null : question, format, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/raw")
    @PreAuthorize("hasAuthority('PERM_RESEARCH_DATA')")
    void raw(HttpServletResponse response, TenantContext tenant, @PathVariable UUID id,
            @RequestParam(defaultValue = "XLSX") Format format) throws IOException {
        send(response, exports.raw(tenant, id, format, LocaleContextHolder.getLocale()));
    }

    /** Sends a download as it is written, never held in memory whole. */
    static void send(HttpServletResponse response, Download download) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(download.contentType());
        // Written straight to the response as rows come from the database; with virtual threads a
        // request thread per download is cheap, and there is no second (async) dispatch.
        download.body().writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
