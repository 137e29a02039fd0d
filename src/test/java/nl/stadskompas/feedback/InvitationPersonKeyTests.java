// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production never hashes addresses with the key everyone can read in the default settings. */
class InvitationPersonKeyTests {

    private static MockEnvironment profiles(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void productionRefusesTheDevelopmentKey() {
        assertThatThrownBy(() -> Invitations.personKey(Invitations.DEVELOPMENT_PERSON_KEY, profiles("postgres")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STADSKOMPAS_FEEDBACK_INVITATIONS_PERSON_KEY");
    }

    @Test
    void productionTakesItsOwnKeyAndDevelopmentMayUseTheDefault() {
        assertThat(Invitations.personKey("a-municipality-own-key-0123", profiles("postgres")))
                .isEqualTo("a-municipality-own-key-0123".getBytes(StandardCharsets.UTF_8));
        assertThat(Invitations.personKey(Invitations.DEVELOPMENT_PERSON_KEY, profiles()))
                .isEqualTo(Invitations.DEVELOPMENT_PERSON_KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortKeyIsRefusedEverywhere() {
        assertThatThrownBy(() -> Invitations.personKey("short", profiles())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16");
    }
}
