// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of progress links, for letters and posters: PNG for office software, SVG for print.
 * Error correction level M survives a smudge on paper; the quiet zone of four modules is what
 * scanners expect.
 */
final class QrCodes {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrCodes() {
    }

    static byte[] png(String text, int size) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pngDataUri(String text, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
    }

    /** An SVG with one square per dark module, scalable to any print size. */
    static String svg(String text) {
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
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\">"
                        .formatted(m.getWidth(), m.getHeight(), m.getWidth() * 8, m.getHeight() * 8)
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    private static BitMatrix matrix(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as QR code", e);
        }
    }
}
