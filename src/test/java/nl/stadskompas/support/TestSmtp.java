// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The test mail server's address. The port is 3025 unless {@code -Dtest.smtp.port=...} says
 * otherwise, so that two builds on one machine do not fight over it; the application's test
 * configuration reads the same property.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int port() {
        return Integer.getInteger("test.smtp.port", 3025);
    }

    public static ServerSetup setup() {
        return new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
