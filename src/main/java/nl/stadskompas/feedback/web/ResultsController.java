// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.feedback.FeedbackResults;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.QuestionStatistics;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.Results;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The results page: responses per week, per question the distribution with n, mean and share
 * positive, and a breakdown by a context field or demographic question; each as a table and an SVG
 * chart with a text alternative. Small groups are suppressed by {@link FeedbackResults}.
 */
@Controller
@RequestMapping("/feedback/{id}/results")
@PreAuthorize("hasAuthority('PERM_READ')")
class ResultsController {

    private final FeedbackResults results;
    private final QuestionnaireEditing editing;
    private final AuthoringSupport support;

    ResultsController(FeedbackResults results, QuestionnaireEditing editing, AuthoringSupport support) {
        this.results = results;
        this.editing = editing;
        this.support = support;
    }

    /** One question's result as the page shows it. */
    record QuestionView(QuestionStatistics stats, String text, List<ShareRow> rows, String chart, String mean,
            String positive) {
    }

    /** One answer of a question with its count and percentage. */
    record ShareRow(String label, long count, String percent) {
    }

    @GetMapping
    String results(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) UUID version,
            @RequestParam(required = false) String breakdown, @RequestParam(required = false) String question,
            Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        Results r;
        try {
            r = results.results(tenant.tenantId(), id, version, breakdown, question, locale);
        } catch (ValidationProblem problem) {
            r = results.results(tenant.tenantId(), id, version, null, null, locale);
            model.addAttribute("refused", support.text(problem.problems().getFirst().code()));
        }
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        NumberFormat whole = NumberFormat.getNumberInstance(locale);
        whole.setMaximumFractionDigits(0);
        model.addAttribute("q", q);
        model.addAttribute("r", r);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<String> weekLabels = r.weeks().stream().map(w -> day.format(w.week())).toList();
        model.addAttribute("weekLabels", weekLabels);
        List<Charts.Bar> weekBars = new ArrayList<>();
        for (int i = 0; i < r.weeks().size(); i++) {
            Long c = r.weeks().get(i).count();
            weekBars.add(new Charts.Bar(weekLabels.get(i), c == null ? null : c.doubleValue(),
                    c == null ? support.text("feedback.results.suppressedShort") : String.valueOf(c)));
        }
        model.addAttribute("weekChart", r.weeks().isEmpty() ? null : Charts.columns("weken",
                support.text("feedback.results.perWeek"), support.text("feedback.results.perWeek.desc"), weekBars));
        List<QuestionView> views = new ArrayList<>();
        for (QuestionStatistics s : r.questions()) {
            Question question1 = s.question();
            List<ShareRow> rows = new ArrayList<>();
            List<Charts.Bar> bars = new ArrayList<>();
            for (QuestionStatistics.Share share : s.distribution()) {
                String label = label(question1, share.value(), locale);
                String percent = whole.format(share.percent()) + "%";
                rows.add(new ShareRow(label, share.count(), percent));
                bars.add(new Charts.Bar(label, share.percent(), percent));
            }
            String chart = bars.isEmpty() ? null : Charts.shares("vraag-" + question1.key(), question1.text(locale),
                    support.text("feedback.results.chart.desc", s.n()), bars);
            views.add(new QuestionView(s, question1.text(locale), rows, chart,
                    s.mean() == null ? null : one.format(s.mean()),
                    s.sharePositive() == null ? null : whole.format(s.sharePositive()) + "%"));
        }
        model.addAttribute("questions", views);
        model.addAttribute("one", one);
        model.addAttribute("whole", whole);
        List<Option> fields = new ArrayList<>();
        fields.add(new Option("", support.text("feedback.results.noBreakdown")));
        List<Question> latest = results.latestQuestions(q);
        for (String f : results.breakdownFields(q)) {
            String label = FeedbackResults.CONTEXT_FIELDS.contains(f) ? support.text("feedback.results.field." + f)
                    : latest.stream().filter(x -> x.key().equals(f)).findFirst().map(x -> f + ": " + x.text(locale)).orElse(f);
            fields.add(new Option(f, label));
        }
        model.addAttribute("fields", fields);
        model.addAttribute("scaleQuestions", latest.stream().filter(x -> x.type().isScale())
                .map(x -> new Option(x.key(), x.key() + ": " + x.text(locale))).toList());
        List<Option> versions = new ArrayList<>();
        versions.add(new Option("", support.text("feedback.results.allVersions")));
        editing.versions(tenant.tenantId(), id).stream().filter(v -> !v.isDraft())
                .forEach(v -> versions.add(new Option(v.id().toString(), support.text("feedback.version.number", v.number()))));
        model.addAttribute("versionOptions", versions);
        model.addAttribute("chosen", new Chosen(version == null ? "" : version.toString(),
                breakdown == null ? "" : breakdown, question == null ? "" : question));
        if (r.breakdown() != null) {
            List<Charts.Bar> bars = r.breakdown().groups().stream()
                    .map(g -> new Charts.Bar(g.label(), g.sharePositive(),
                            g.suppressed() ? support.text("feedback.results.suppressedShort") : whole.format(g.sharePositive()) + "%"))
                    .toList();
            model.addAttribute("breakdownChart", Charts.shares("uitsplitsing",
                    support.text("feedback.results.breakdown.chart", r.breakdown().questionKey()),
                    support.text("feedback.results.breakdown.desc"), bars));
        }
        return "feedback/results";
    }

    /** The choices of the filter form. */
    record Chosen(String version, String breakdown, String question) {
    }

    private String label(Question question, String value, Locale locale) {
        if (question.type() == QuestionType.AGREEMENT) {
            return value + " " + support.text("feedback.scale." + value);
        }
        if (question.type() == QuestionType.MARK) {
            return value;
        }
        return question.option(value).map(o -> o.label(locale)).orElse(value);
    }
}
