// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.ChannelGroup;

/**
 * A service's channels split into click, call and face, the way pages show them.
 */
record GroupedChannels(List<Channel> click, List<Channel> call, List<Channel> face) {

    static GroupedChannels of(Collection<Channel> channels) {
        return new GroupedChannels(in(channels, ChannelGroup.CLICK), in(channels, ChannelGroup.CALL),
                in(channels, ChannelGroup.FACE));
    }

    public boolean isEmpty() {
        return click.isEmpty() && call.isEmpty() && face.isEmpty();
    }

    /** Every group with all its channels, to explain the grouping. */
    static List<Group> allGroups() {
        return Arrays.stream(ChannelGroup.values()).map(g -> new Group(g, Channel.in(g))).toList();
    }

    /** One group and its channels. */
    record Group(ChannelGroup group, List<Channel> channels) {
    }

    private static List<Channel> in(Collection<Channel> channels, ChannelGroup group) {
        return Channel.in(group).stream().filter(channels::contains).toList();
    }
}
