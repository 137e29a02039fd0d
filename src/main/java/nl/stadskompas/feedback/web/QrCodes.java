// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.web.util.HtmlUtils;

/**
 * QR codes for survey links, as PNG (for letters and quick use) and as SVG (sharp at any size, for
 * posters). Error correction level M survives a poster that got a little dirty.
 */
final class QrCodes {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrCodes() {
    }

    static BitMatrix matrix(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit in a QR code", e);
        }
    }

    static byte[] png(String text, int size) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SVG with one unit per module, a title for screen readers, and black on white. */
    static String svg(String text, String title) {
        BitMatrix m = matrix(text, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" width=\"" + m.getWidth() * 8 + "\" height=\"" + m.getHeight() * 8
                + "\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
                + "<title id=\"qr-title\">" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }
}
