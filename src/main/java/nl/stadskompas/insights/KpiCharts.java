// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import nl.stadskompas.insights.Kpis.Figure;
import nl.stadskompas.insights.Kpis.KpiFigures;
import nl.stadskompas.insights.spi.KpiSource.Unit;

import org.springframework.web.util.HtmlUtils;

/**
 * The trend of a KPI drawn on the server as SVG: a bar per period (none when suppressed or
 * missing) and the target as a dashed line. It carries a title and a text alternative that lists
 * every value; the page and the report put the same figures in a table beside it. The same chart
 * goes into the PDF, so colours are fixed and not taken from the page.
 */
public final class KpiCharts {

    private static final String INK = "#1a1a1a";
    private static final String BAR = "#154273";

    private KpiCharts() {
    }

    /** The text alternative: every period with its figure. */
    public static String description(KpiFigures k, KpiFormat format, Locale locale) {
        StringJoiner text = new StringJoiner("; ");
        for (Figure f : k.trend()) {
            text.add(f.period().label(locale) + ": " + format.figure(k.kpi(), f));
        }
        String d = text.toString();
        if (k.target() != null) {
            d += ". " + format.text("insights.target") + ": " + format.entered(k.kpi(), k.target().value());
        }
        return d;
    }

    public static String trend(String id, String title, KpiFigures k, KpiFormat format, Locale locale) {
        int width = 520;
        int height = 220;
        int left = 50;
        int right = 10;
        int top = 12;
        int bottom = 36;
        List<Figure> figures = k.trend();
        double factor = k.kpi().unit() == Unit.SHARE ? 100 : 1;
        double max = figures.stream().filter(Figure::shown).mapToDouble(f -> f.value() * factor).max().orElse(1);
        if (k.target() != null) {
            max = Math.max(max, k.target().value());
        }
        if (k.kpi().unit() == Unit.SHARE) {
            max = 100;
        } else if (k.kpi().unit() == Unit.SCORE) {
            max = max <= 5 ? 5 : 10;
        } else {
            max = Math.max(1, max * 1.15);
        }
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-labelledby=\"%s-title %s-desc\" class=\"sk-chart\">"
                        + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                width, height, width, height, id, id, id, esc(title), id, esc(description(k, format, locale))));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                        + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                left, top, left, top + plotH, INK, left, top + plotH, left + plotW, top + plotH, INK));
        for (int tick = 0; tick <= 4; tick++) {
            double v = max * tick / 4;
            double y = top + plotH * (1 - v / max);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" font-family=\"DejaVu Sans, sans-serif\" fill=\"%s\" "
                            + "text-anchor=\"end\">%s</text>",
                    left - 4, y + 4, INK, esc(tickLabel(v, k.kpi().unit(), locale))));
        }
        double slot = plotW / figures.size();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double x = left + slot * i;
            if (f.shown()) {
                double v = f.value() * factor;
                double h = plotH * Math.min(1, v / max);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x + slot * 0.2, top + plotH - h, slot * 0.6, h, BAR));
            } else {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"DejaVu Sans, sans-serif\" "
                                + "fill=\"%s\" text-anchor=\"middle\">–</text>",
                        x + slot / 2, top + plotH - 4, INK));
            }
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" font-family=\"DejaVu Sans, sans-serif\" fill=\"%s\" "
                            + "text-anchor=\"middle\">%s</text>",
                    x + slot / 2, height - 18, INK, esc(f.period().label(locale))));
        }
        if (k.target() != null) {
            double y = top + plotH * (1 - Math.min(1, k.target().value() / max));
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b00020\" stroke-width=\"2\" "
                            + "stroke-dasharray=\"6 4\"/>",
                    left, y, left + plotW, y));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" font-family=\"DejaVu Sans, sans-serif\" fill=\"%s\" "
                            + "text-anchor=\"end\">%s</text>",
                    left + plotW, height - 4, INK,
                    esc("- - " + format.text("insights.target") + " " + format.entered(k.kpi(), k.target().value()))));
        }
        return svg.append("</svg>").toString();
    }

    private static String tickLabel(double v, Unit unit, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(unit == Unit.SCORE ? 1 : 0);
        return f.format(v) + (unit == Unit.SHARE ? "%" : "");
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
