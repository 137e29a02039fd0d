// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;

/**
 * The channels through which residents reach the municipality, with the same codes the organisation
 * module uses. A link may name one as context, and the demographic question "channel used" offers
 * them as options.
 */
public final class Channels {

    /** Every channel code, in the order they are offered. */
    public static final List<String> CODES = List.of("ONLINE", "PHONE", "DESK", "CHAT", "EMAIL", "POST",
            "WHATSAPP", "VIDEO");

    private Channels() {
    }

    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }

    public static String messageKey(String code) {
        return "feedback.channel." + code;
    }
}
