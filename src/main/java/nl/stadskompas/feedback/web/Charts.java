// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Bar charts drawn on the server as SVG. Each chart has a title and a description that say what it
 * shows, and the page always has the same numbers in a table next to it: no chart exists only for
 * sighted users. Colours come from the text colour, so they follow the theme.
 */
final class Charts {

    private Charts() {
    }

    /**
     * A bar.
     *
     * @param label the category as users read it
     * @param value the height; null for a suppressed group, drawn as a gap with a note
     */
    record Bar(String label, Double value, String shown) {
    }

    /** A vertical bar chart, for counts over time. */
    static String columns(String id, String title, String description, List<Bar> bars) {
        int width = Math.max(320, bars.size() * 24 + 40);
        int height = 180;
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).max().orElse(1);
        StringBuilder svg = open(id, title, description, width, height);
        double slot = (width - 40.0) / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = 30 + i * slot;
            if (b.value() == null) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"currentColor\">?</text>", x + slot / 3, height - 24));
                continue;
            }
            double h = max == 0 ? 0 : (height - 40) * b.value() / max;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"currentColor\"><title>%s: %s</title></rect>",
                    x, height - 20 - h, slot * 0.7, h, esc(b.label()), esc(b.shown())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"28\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"currentColor\"/>",
                height - 20, width - 8, height - 20));
        return svg.append("</svg>").toString();
    }

    /** A horizontal bar chart of percentages, for the distribution of one question. */
    static String shares(String id, String title, String description, List<Bar> bars) {
        int rowHeight = 22;
        int width = 480;
        int labelWidth = 200;
        int height = bars.size() * rowHeight + 10;
        StringBuilder svg = open(id, title, description, width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * rowHeight;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"currentColor\">%s</text>", y + 14, esc(truncate(b.label()))));
            double w = b.value() == null ? 0 : (width - labelWidth - 60) * b.value() / 100.0;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"currentColor\"/>", labelWidth, y + 3, w));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"currentColor\">%s</text>",
                    labelWidth + w + 6, y + 14, esc(b.shown())));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                        + "aria-labelledby=\"%s-title %s-desc\" class=\"sk-chart\">"
                        + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                width, height, id, id, id, esc(title), id, esc(description)));
    }

    private static String truncate(String label) {
        return label.length() <= 30 ? label : label.substring(0, 28) + "...";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
