// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import nl.stadskompas.journeys.JourneyMap.PhaseColumn;
import nl.stadskompas.journeys.JourneyMap.StepRow;
import nl.stadskompas.journeys.LivedJourney.Experience;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.springframework.stereotype.Component;

/**
 * Draws a journey map on the server: as SVG (for the page), as PNG (the SVG rendered by Batik) and
 * as PDF (the SVG and the same content as tables, by openhtmltopdf). Colours are not the only
 * carrier of meaning: every experience also has a word, and the curve's lines differ in shape.
 * Texts of the labels come from the caller, in the reader's language.
 */
@Component
public class JourneyMapRenderer {

    /** Looks up a message by key with arguments. */
    public interface Texts extends BiFunction<String, Object[], String> {

        default String get(String key, Object... args) {
            return apply(key, args);
        }
    }

    private static final int LEFT = 150;
    private static final int COL = 190;
    private static final int PHASE_H = 40;
    private static final int TITLE_H = 64;
    private static final int CHANNEL_H = 28;
    private static final int NEED_H = 96;
    private static final int PAIN_H = 72;
    private static final int OPP_H = 72;
    private static final int KPI_H = 80;
    private static final int CURVE_H = 170;
    private static final int CHARS = 26;

    public String svg(JourneyMap map, Texts t) {
        List<StepRow> steps = map.steps();
        int columns = Math.max(1, steps.size());
        int width = LEFT + columns * COL + 20;
        int yPhase = 10;
        int yTitle = yPhase + PHASE_H;
        int yChannel = yTitle + TITLE_H;
        int yNeed = yChannel + CHANNEL_H;
        int yPain = yNeed + NEED_H;
        int yOpp = yPain + PAIN_H;
        int yKpi = yOpp + OPP_H;
        int kpiHeight = map.hasKpis() ? KPI_H : 0;
        int yCurve = yKpi + kpiHeight + 20;
        int height = yCurve + CURVE_H + 50;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"journey-map-title journey-map-desc\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">");
        s.append("<title id=\"journey-map-title\">").append(esc(t.get("journeys.map.svgTitle", map.content().name())))
                .append("</title>");
        s.append("<desc id=\"journey-map-desc\">").append(esc(t.get("journeys.map.svgDesc"))).append("</desc>");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        // row labels
        label(s, t.get("journeys.map.row.phase"), yPhase, PHASE_H);
        label(s, t.get("journeys.map.row.step"), yTitle, TITLE_H);
        label(s, t.get("journeys.map.row.channel"), yChannel, CHANNEL_H);
        label(s, t.get("journeys.map.row.need"), yNeed, NEED_H);
        label(s, t.get("journeys.map.row.painPoints"), yPain, PAIN_H);
        label(s, t.get("journeys.map.row.opportunities"), yOpp, OPP_H);
        if (map.hasKpis()) {
            label(s, t.get("journeys.map.row.kpis"), yKpi, KPI_H);
        }
        label(s, t.get("journeys.map.row.experience"), yCurve, CURVE_H);
        // phases
        int col = 0;
        for (PhaseColumn phase : map.phases()) {
            if (phase.steps().isEmpty()) {
                continue;
            }
            int x = LEFT + col * COL;
            int w = phase.steps().size() * COL - 4;
            String fill = phase.phase().setback() ? "#fde2d4" : "#d7e8f7";
            s.append("<rect x=\"").append(x).append("\" y=\"").append(yPhase).append("\" width=\"").append(w)
                    .append("\" height=\"").append(PHASE_H - 6).append("\" rx=\"4\" fill=\"").append(fill)
                    .append("\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
            text(s, x + 8, yPhase + 22, phase.phase().name(), w / 7, 1, true);
            col += phase.steps().size();
        }
        // steps
        for (int i = 0; i < steps.size(); i++) {
            StepRow row = steps.get(i);
            int x = LEFT + i * COL;
            s.append("<rect x=\"").append(x).append("\" y=\"").append(yTitle).append("\" width=\"").append(COL - 4)
                    .append("\" height=\"").append(TITLE_H - 6).append("\" rx=\"4\" fill=\"#f3f3f3\" stroke=\"#595959\"/>");
            text(s, x + 6, yTitle + 18, row.number() + ". " + row.step().title(), CHARS, 3, true);
            String channel = row.step().channel() == null ? "–" : t.get("organisation.channel." + row.step().channel());
            text(s, x + 6, yChannel + 18, channel, CHARS, 1, false);
            text(s, x + 6, yNeed + 16, row.step().need() == null ? "" : row.step().need(), CHARS, 6, false);
            List<String> pains = row.insights().stream().map(in -> (in.kind() == Insight.Kind.PAIN_POINT ? "! " : "i ")
                    + in.title()).toList();
            text(s, x + 6, yPain + 16, String.join("\n", pains), CHARS, 4, false);
            List<String> opps = row.opportunities().stream().map(o -> "+ " + o.title()).toList();
            text(s, x + 6, yOpp + 16, String.join("\n", opps), CHARS, 4, false);
            if (map.hasKpis()) {
                text(s, x + 6, yKpi + 16, String.join("\n", row.kpis().stream().map(StepKpi::brief).toList()), CHARS, 4,
                        false);
            }
        }
        // curve
        int top = yCurve + 10;
        int bottom = yCurve + CURVE_H - 10;
        int right = LEFT + columns * COL;
        String[] levels = {t.get("journeys.experience.POSITIVE"), t.get("journeys.experience.NEUTRAL"),
                t.get("journeys.experience.NEGATIVE")};
        for (int l = 0; l < 3; l++) {
            int y = top + l * (bottom - top) / 2;
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(right)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#bdbdbd\" stroke-dasharray=\"2 4\"/>");
            s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" fill=\"#1a1a1a\">").append(esc(levels[l])).append("</text>");
        }
        List<int[]> livedPoints = new ArrayList<>();
        List<int[]> surveyPoints = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int cx = LEFT + i * COL + COL / 2;
            StepRow row = steps.get(i);
            if (row.livedAverage() != null) {
                livedPoints.add(new int[] {cx, curveY(row.livedAverage(), top, bottom)});
            }
            if (row.surveyValue() != null) {
                surveyPoints.add(new int[] {cx, curveY(row.surveyValue(), top, bottom)});
            }
        }
        polyline(s, livedPoints, "#0b5394", null);
        for (int[] p : livedPoints) {
            s.append("<circle cx=\"").append(p[0]).append("\" cy=\"").append(p[1])
                    .append("\" r=\"6\" fill=\"#0b5394\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
        }
        polyline(s, surveyPoints, "#8a3b00", "8 5");
        for (int[] p : surveyPoints) {
            s.append("<rect x=\"").append(p[0] - 5).append("\" y=\"").append(p[1] - 5)
                    .append("\" width=\"10\" height=\"10\" fill=\"#8a3b00\"/>");
        }
        // legend
        int ly = yCurve + CURVE_H + 24;
        s.append("<circle cx=\"").append(LEFT + 8).append("\" cy=\"").append(ly - 4).append("\" r=\"6\" fill=\"#0b5394\"/>");
        s.append("<text x=\"").append(LEFT + 20).append("\" y=\"").append(ly).append("\" fill=\"#1a1a1a\">")
                .append(esc(t.get("journeys.map.legend.lived", map.lived().size()))).append("</text>");
        s.append("<rect x=\"").append(LEFT + 303).append("\" y=\"").append(ly - 9)
                .append("\" width=\"10\" height=\"10\" fill=\"#8a3b00\"/>");
        s.append("<text x=\"").append(LEFT + 320).append("\" y=\"").append(ly).append("\" fill=\"#1a1a1a\">")
                .append(esc(t.get("journeys.map.legend.survey"))).append("</text>");
        s.append("</svg>");
        return s.toString();
    }

    private static int curveY(double value, int top, int bottom) {
        double v = Math.max(-1, Math.min(1, value));
        return (int) Math.round(top + (1 - v) / 2 * (bottom - top));
    }

    private static void polyline(StringBuilder s, List<int[]> points, String colour, String dash) {
        if (points.size() < 2) {
            return;
        }
        s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"3\"");
        if (dash != null) {
            s.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        s.append(" points=\"");
        points.forEach(p -> s.append(p[0]).append(',').append(p[1]).append(' '));
        s.append("\"/>");
    }

    private static void label(StringBuilder s, String text, int y, int h) {
        s.append("<text x=\"8\" y=\"").append(y + Math.min(22, h / 2 + 4)).append("\" font-weight=\"bold\" fill=\"#1a1a1a\">")
                .append(esc(text)).append("</text>");
    }

    /** Wrapped text: at most {@code maxLines} lines of about {@code chars} characters; the rest cut with an ellipsis. */
    private static void text(StringBuilder s, int x, int y, String text, int chars, int maxLines, boolean bold) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> lines = wrap(text, chars, maxLines);
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" fill=\"#1a1a1a\"");
        if (bold) {
            s.append(" font-weight=\"bold\"");
        }
        s.append('>');
        for (int i = 0; i < lines.size(); i++) {
            s.append("<tspan x=\"").append(x).append("\" dy=\"").append(i == 0 ? 0 : 15).append("\">")
                    .append(esc(lines.get(i))).append("</tspan>");
        }
        s.append("</text>");
    }

    static List<String> wrap(String text, int chars, int maxLines) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.set(maxLines - 1, cut.get(maxLines - 1) + " …");
            return cut;
        }
        return lines;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // --- PNG and PDF ---------------------------------------------------------------------------------

    public byte[] png(JourneyMap map, Texts t) {
        PNGTranscoder transcoder = new PNGTranscoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg(map, t))), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("The map could not be drawn as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * The map as a PDF: the drawing on a landscape page, then the same content as tables, so the
     * document is readable without the drawing.
     */
    public byte[] pdf(JourneyMap map, Texts t, Locale locale) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(esc(map.content().name())).append("</title>")
                .append("<style>@page { size: A3 landscape; margin: 12mm; } body { font-family: 'DejaVu Sans', sans-serif;")
                .append(" font-size: 10pt; color: #1a1a1a; } table { border-collapse: collapse; width: 100%; }")
                .append(" th, td { border: 1px solid #777; padding: 3px 5px; text-align: left; vertical-align: top; }")
                .append(" th { background: #eeeeee; } .map { page-break-after: always; }</style></head><body>");
        h.append("<h1>").append(esc(map.content().name())).append("</h1>");
        if (map.content().description() != null) {
            h.append("<p>").append(esc(map.content().description())).append("</p>");
        }
        String svg = svg(map, t);
        h.append("<div class=\"map\">").append(scaled(svg, 1500)).append("</div>");
        h.append("<h2>").append(esc(t.get("journeys.map.structured"))).append("</h2>");
        h.append("<table><thead><tr>");
        for (String key : List.of("journeys.map.row.phase", "journeys.map.row.step", "journeys.map.row.channel",
                "journeys.map.row.need", "journeys.map.row.painPoints", "journeys.map.row.opportunities",
                "journeys.map.col.lived", "journeys.map.col.survey", "journeys.map.row.serviceSurvey",
                "journeys.map.row.kpis")) {
            h.append("<th>").append(esc(t.get(key))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (PhaseColumn phase : map.phases()) {
            for (StepRow row : phase.steps()) {
                h.append("<tr><td>").append(esc(phase.phase().name())).append("</td><td>").append(row.number()).append(". ")
                        .append(esc(row.step().title())).append("</td><td>")
                        .append(esc(row.step().channel() == null ? "" : t.get("organisation.channel." + row.step().channel())))
                        .append("</td><td>").append(esc(row.step().need())).append("</td><td>")
                        .append(esc(String.join("; ", row.insights().stream().map(Insight::title).toList())))
                        .append("</td><td>")
                        .append(esc(String.join("; ", row.opportunities().stream().map(o -> o.title()).toList())))
                        .append("</td><td>").append(esc(lived(row, t))).append("</td><td>").append(esc(survey(row, t)))
                        .append("</td><td>").append(esc(serviceSurvey(row, t))).append("</td><td>")
                        .append(esc(kpis(row))).append("</td></tr>");
            }
        }
        h.append("</tbody></table></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException("The map could not be written as PDF", e);
        }
        return out.toByteArray();
    }

    /** The SVG with a width that fits the page; its height follows from the view box. */
    private static String scaled(String svg, int maxWidth) {
        int w = Integer.parseInt(svg.replaceAll("(?s).*? width=\"(\\d+)\".*", "$1"));
        int hgt = Integer.parseInt(svg.replaceAll("(?s).*? height=\"(\\d+)\".*", "$1"));
        if (w <= maxWidth) {
            return svg;
        }
        int nh = hgt * maxWidth / w;
        return svg.replaceFirst(" width=\"\\d+\" height=\"\\d+\"", " width=\"" + maxWidth + "\" height=\"" + nh + "\"");
    }

    /** The figures of the KPIs linked to a step in words, one after another; empty when none. */
    public static String kpis(StepRow row) {
        return String.join("; ", row.kpis().stream().map(StepKpi::text).toList());
    }

    /** The lived experience of a step in words, for tables. */
    public static String lived(StepRow row, Texts t) {
        Experience e = row.livedExperience();
        if (e == null) {
            return t.get("journeys.map.noLived");
        }
        return t.get(e.messageKey()) + " (" + t.get("journeys.map.livedCount", row.livedCount()) + ")";
    }

    /**
     * The survey score of the step's service in words ("Rapportcijfer voor ..."), or null when the
     * step has no service. A step with only a channel shows the score through that channel for all
     * services, when there is one.
     */
    public static String serviceSurvey(StepRow row, Texts t) {
        if (row.step().serviceId() == null) {
            if (row.step().channel() == null || row.serviceScore() == null) {
                return null;
            }
        }
        String service = row.serviceName() == null ? "?" : row.serviceName();
        String where = row.step().serviceId() == null
                ? t.get("journeys.map.service.channelOnly", t.get("organisation.channel." + row.step().channel()))
                : row.step().channel() == null ? t.get("journeys.map.service.allChannels", service)
                : t.get("journeys.map.service.channel", service, t.get("organisation.channel." + row.step().channel()));
        if (row.serviceScore() == null) {
            return where + ": " + t.get("journeys.map.noScore");
        }
        if (row.serviceScore().suppressed()) {
            return where + ": " + t.get("journeys.map.suppressed", row.serviceScore().respondents());
        }
        return where + ": " + t.get("journeys.map.score", row.serviceScore().mean(), row.serviceScore().scaleMax(),
                Math.round(row.serviceScore().positiveShare() * 100), row.serviceScore().respondents());
    }

    /** The survey score of a step in words, for tables. */
    public static String survey(StepRow row, Texts t) {
        if (row.score() == null) {
            return row.step().question() == null ? t.get("journeys.map.noQuestion") : t.get("journeys.map.noScore");
        }
        if (row.score().suppressed()) {
            return t.get("journeys.map.suppressed", row.score().respondents());
        }
        return t.get("journeys.map.score", row.score().mean(), row.score().scaleMax(),
                Math.round(row.score().positiveShare() * 100), row.score().respondents());
    }
}
