// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A letter as a PDF (openhtmltopdf): the address where a window envelope shows it, the heading
 * and the text, in a plain, large enough type. The gateway prints and posts it.
 */
final class LetterPdf {

    private LetterPdf() {
    }

    static byte[] render(String address, String heading, String text, String language) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(escape(language))
                .append("\"><head><meta charset=\"UTF-8\"/><title>").append(escape(heading)).append("</title>")
                .append("<style>@page { size: A4; margin: 2cm 2.5cm; } body { font-family: sans-serif; "
                        + "font-size: 12pt; line-height: 1.4; } .address { margin: 2.5cm 0 2cm 0; } "
                        + "h1 { font-size: 14pt; }</style></head><body><div class=\"address\">");
        html.append(lines(address)).append("</div><h1>").append(escape(heading)).append("</h1>");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(lines(paragraph)).append("</p>");
        }
        html.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html.toString(), null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lines(String text) {
        return String.join("<br/>", escape(text.strip()).split("\\r?\\n|,\\s*(?=\\d{4}\\s?[A-Z]{2})"));
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
