// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.Arrays;
import java.util.List;

/**
 * A way in which a service is offered.
 *
 * <p>The group follows what the contact asks of the resident, not the technology:
 * <ul>
 * <li>{@link ChannelGroup#CLICK click}: the resident reads and writes when it suits them and waits
 * for an answer. That holds for online forms, e-mail, chat and WhatsApp, and also for post: a
 * letter is written contact on one's own time, only on paper.</li>
 * <li>{@link ChannelGroup#CALL call}: a live conversation without travelling. A video call belongs
 * here: it is planned and held like a phone call, and the resident stays at home.</li>
 * <li>{@link ChannelGroup#FACE face}: meeting in person at the desk, which asks the resident to
 * come by, usually by appointment.</li>
 * </ul>
 */
public enum Channel {
    ONLINE(ChannelGroup.CLICK),
    PHONE(ChannelGroup.CALL),
    DESK(ChannelGroup.FACE),
    CHAT(ChannelGroup.CLICK),
    EMAIL(ChannelGroup.CLICK),
    POST(ChannelGroup.CLICK),
    WHATSAPP(ChannelGroup.CLICK),
    VIDEO(ChannelGroup.CALL);

    private final ChannelGroup group;

    Channel(ChannelGroup group) {
        this.group = group;
    }

    public ChannelGroup group() {
        return group;
    }

    /** The channels of one group, in the order of this enum. */
    public static List<Channel> in(ChannelGroup group) {
        return Arrays.stream(values()).filter(c -> c.group == group).toList();
    }

    /** The message key of the channel's name as users read it. */
    public String messageKey() {
        return "organisation.channel." + name();
    }
}
