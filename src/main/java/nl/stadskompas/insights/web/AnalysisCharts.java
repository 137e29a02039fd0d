// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import java.util.List;
import java.util.Locale;

import nl.stadskompas.insights.Analyses.Driver;
import nl.stadskompas.insights.Analyses.KeyDriverReport;

import org.springframework.web.util.HtmlUtils;

/**
 * The importance–performance matrix drawn on the server as SVG, with a title and a description;
 * the page lists the same aspects per quadrant and in a table. Colours come from the text colour.
 */
public final class AnalysisCharts {

    private AnalysisCharts() {
    }

    public static String matrix(String id, String title, String description, KeyDriverReport report, Locale locale) {
        int width = 560;
        int height = 400;
        int left = 50;
        int bottom = 40;
        int top = 10;
        int right = 10;
        List<Driver> drivers = report.drivers();
        double maxImportance = drivers.stream().mapToDouble(Driver::importance).max().orElse(1) * 1.1;
        double minMean = drivers.stream().mapToDouble(Driver::mean).min().orElse(1);
        double maxMean = drivers.stream().mapToDouble(Driver::mean).max().orElse(5);
        double pad = Math.max(0.1, (maxMean - minMean) * 0.1);
        double low = minMean - pad;
        double high = maxMean + pad;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                        + "aria-labelledby=\"%s-title %s-desc\" class=\"sk-chart\">"
                        + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                width, height, id, id, id, esc(title), id, esc(description)));
        double cutX = left + plotW * report.importanceCut() / maxImportance;
        double cutY = top + plotH * (1 - (report.performanceCut() - low) / (high - low));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"currentColor\"/>",
                left, top, plotW, plotH));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"currentColor\" stroke-dasharray=\"4 3\"/>",
                cutX, top, cutX, top + plotH));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"currentColor\" stroke-dasharray=\"4 3\"/>",
                left, cutY, left + plotW, cutY));
        for (Driver d : drivers) {
            double x = left + plotW * d.importance() / maxImportance;
            double y = top + plotH * (1 - (d.mean() - low) / (high - low));
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"currentColor\"><title>%s</title></circle>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"currentColor\">%s</text>",
                    x, y, esc(d.label(locale)), x + 6, y - 4, esc(d.key())));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"currentColor\" text-anchor=\"middle\">%s</text>",
                left + plotW / 2, height - 8, esc(axis(locale, true))));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" font-size=\"12\" fill=\"currentColor\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 14 %.1f)\">%s</text>",
                top + plotH / 2, top + plotH / 2, esc(axis(locale, false))));
        return svg.append("</svg>").toString();
    }

    private static String axis(Locale locale, boolean importance) {
        boolean en = "en".equals(locale.getLanguage());
        if (importance) {
            return en ? "Importance (share of explained variance)" : "Belang (aandeel in verklaarde variantie)";
        }
        return en ? "Performance (mean)" : "Prestatie (gemiddelde)";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
