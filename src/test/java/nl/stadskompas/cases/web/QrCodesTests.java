// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;

/**
 * QR codes of progress links scan back to exactly the link.
 */
class QrCodesTests {

    private static final String LINK = "https://gemeente.example.org/volgen/oU3E6pyzCOauR-wRHNwvCGR-yOUbva_O";

    @Test
    void thePngScansBackToTheLink() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(LINK, 300)));
        assertThat(image.getWidth()).isEqualTo(300);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(LINK);
    }

    @Test
    void theSvgIsAScalableDrawingWithAQuietZone() {
        String svg = QrCodes.svg(LINK);
        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .contains("<path fill=\"#000\" d=\"M4 4h1v1h-1z");
    }
}
