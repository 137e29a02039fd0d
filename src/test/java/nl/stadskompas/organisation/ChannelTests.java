// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Channels fall into click, call and face by what the contact asks of the resident.
 */
class ChannelTests {

    @Test
    void writtenChannelsAreClickIncludingPost() {
        assertThat(Channel.in(ChannelGroup.CLICK))
                .containsExactly(Channel.ONLINE, Channel.CHAT, Channel.EMAIL, Channel.POST, Channel.WHATSAPP);
    }

    @Test
    void phoneAndVideoCallAreCall() {
        assertThat(Channel.in(ChannelGroup.CALL)).containsExactly(Channel.PHONE, Channel.VIDEO);
        assertThat(Channel.VIDEO.group()).isEqualTo(ChannelGroup.CALL);
    }

    @Test
    void onlyTheDeskIsFace() {
        assertThat(Channel.in(ChannelGroup.FACE)).containsExactly(Channel.DESK);
    }

    @Test
    void everyChannelIsInExactlyOneGroup() {
        assertThat(Stream.of(ChannelGroup.values()).flatMap(g -> Channel.in(g).stream()))
                .containsExactlyInAnyOrder(Channel.values());
    }

    @Test
    void everyChannelAndGroupHasANameInDutchAndEnglish() throws Exception {
        var dutch = new java.util.Properties();
        var english = new java.util.Properties();
        try (var nl = getClass().getResourceAsStream("/i18n/organisation.properties");
                var en = getClass().getResourceAsStream("/i18n/organisation_en.properties")) {
            dutch.load(new java.io.InputStreamReader(nl, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
        }
        Stream.concat(Arrays.stream(Channel.values()).map(Channel::messageKey),
                        Arrays.stream(ChannelGroup.values()).map(ChannelGroup::messageKey))
                .forEach(key -> {
                    assertThat(dutch.getProperty(key)).as(key).isNotBlank();
                    assertThat(english.getProperty(key)).as(key).isNotBlank();
                });
        assertThat(dutch.getProperty(Channel.DESK.messageKey())).isEqualTo("Balie");
        assertThat(dutch.getProperty(ChannelGroup.CLICK.messageKey())).isEqualTo("Klik");
    }
}
