// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Arrays;
import java.util.List;

import nl.stadskompas.organisation.Channel;

/**
 * The channels through which residents reach the municipality: the organisation module's
 * {@link Channel} codes. A link may name one as context, and the demographic question "channel
 * used" offers them as options.
 */
public final class Channels {

    /** Every channel code, in the order they are offered. */
    public static final List<String> CODES = Arrays.stream(Channel.values()).map(Enum::name).toList();

    private Channels() {
    }

    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }

    public static String messageKey(String code) {
        return "feedback.channel." + code;
    }
}
