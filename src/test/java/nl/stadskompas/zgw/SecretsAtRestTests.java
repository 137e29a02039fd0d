// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import nl.stadskompas.zgw.SecretsAtRest.State;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The connection's secrets are unreadable in the database, and only the right key and row open them. */
class SecretsAtRestTests {

    static final String KEY = "a-test-key-of-at-least-thirty-two-characters";
    static final String SECRET = "client-secret-0123456789-abcdefghijklmnop";

    static final String KEY_2 = "the-second-key-of-at-least-thirty-two-characters";
    static final String KEY_3 = "a-third-key-nobody-configured-thirty-two-characters";
    static final String CONTEXT = "zgw_connection.client_secret:t1";

    private static SecretsAtRest rotated(String key, String previous) {
        return new SecretsAtRest(key, previous, new MockEnvironment());
    }

    private static SecretsAtRest box(String key, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecretsAtRest(key, environment);
    }

    @Test
    void aStoredSecretHidesItsTextAndReadsBack() {
        SecretsAtRest box = box(KEY);
        String stored = box.encrypt(SECRET, "zgw_connection.client_secret:t1");
        assertThat(stored).startsWith("enc:v2:").doesNotContain(SECRET).doesNotContain("client-secret");
        assertThat(box.encrypt(SECRET, "zgw_connection.client_secret:t1")).as("a fresh nonce each time")
                .isNotEqualTo(stored);
        assertThat(box.decrypt(stored, "zgw_connection.client_secret:t1")).isEqualTo(SECRET);
        assertThat(box.encrypt(null, "x")).isNull();
    }

    @Test
    void anotherKeyAnotherRowOrAnAlteredValueDoesNotDecrypt() {
        String stored = box(KEY).encrypt(SECRET, "zgw_connection.client_secret:t1");
        assertThatThrownBy(() -> box(KEY + "-other").decrypt(stored, "zgw_connection.client_secret:t1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stadskompas.secrets.key");
        assertThatThrownBy(() -> box(KEY).decrypt(stored, "zgw_connection.client_secret:t2"))
                .isInstanceOf(IllegalStateException.class);
        char last = stored.charAt(stored.length() - 3);
        String altered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);
        assertThatThrownBy(() -> box(KEY).decrypt(altered, "zgw_connection.client_secret:t1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(box(KEY).decrypt(SECRET, "zgw_connection.client_secret:t1")).isEqualTo(SECRET);
    }

    @Test
    void productionRefusesToStartWithoutAKeyAndDevelopmentUsesItsOwn() {
        assertThatThrownBy(() -> box("", "postgres")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STADSKOMPAS_SECRETS_KEY");
        assertThatThrownBy(() -> box(SecretsAtRest.DEVELOPMENT_KEY, "postgres"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box("too-short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
        SecretsAtRest development = box("");
        assertThat(development.decrypt(development.encrypt(SECRET, "c"), "c")).isEqualTo(SECRET);
        assertThat(box(KEY, "postgres").decrypt(box(KEY).encrypt(SECRET, "c"), "c")).isEqualTo(SECRET);
    }

    @Test
    void afterRotationAValueOfTheEarlierKeyIsReadAndNewValuesGetTheNewKey() {
        String old = box(KEY).encrypt(SECRET, CONTEXT);
        SecretsAtRest rotated = rotated(KEY_2, KEY);
        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.state(old, CONTEXT)).isEqualTo(State.EARLIER);
        String fresh = rotated.encrypt(SECRET, CONTEXT);
        assertThat(fresh).startsWith("enc:v2:" + rotated.currentKeyId() + ":")
                .doesNotStartWith("enc:v2:" + box(KEY).currentKeyId());
        assertThat(rotated.state(fresh, CONTEXT)).isEqualTo(State.CURRENT);
        assertThat(rotated.state(SECRET, CONTEXT)).as("stored before encryption").isEqualTo(State.EARLIER);
        assertThatThrownBy(() -> box(KEY).decrypt(fresh, CONTEXT)).as("the earlier key alone cannot read it")
                .isInstanceOf(SecretsAtRest.Unreadable.class);
    }

    @Test
    void aValueOfTheFirstFormWithoutKeyIdIsReadWithWhicheverConfiguredKeyOpensIt() {
        // enc:v1: had the same nonce, ciphertext and tag, without the key id.
        String v2 = box(KEY).encrypt(SECRET, CONTEXT);
        String v1 = "enc:v1:" + v2.substring(v2.lastIndexOf(':') + 1);
        assertThat(box(KEY).decrypt(v1, CONTEXT)).isEqualTo(SECRET);
        assertThat(box(KEY).state(v1, CONTEXT)).as("to be stored with its key id").isEqualTo(State.EARLIER);
        assertThat(rotated(KEY_2, KEY).decrypt(v1, CONTEXT)).isEqualTo(SECRET);
        assertThatThrownBy(() -> box(KEY_2).decrypt(v1, CONTEXT)).isInstanceOf(SecretsAtRest.Unreadable.class)
                .hasMessageContaining("STADSKOMPAS_SECRETS_PREVIOUS_KEYS");
    }

    @Test
    void aValueOfAKeyThatIsNotConfiguredNamesTheSettingAndNeitherSecretNorKey() {
        String old = box(KEY).encrypt(SECRET, CONTEXT);
        for (SecretsAtRest without : new SecretsAtRest[] { box(KEY_2), rotated(KEY_2, KEY_3) }) {
            assertThat(without.state(old, CONTEXT)).isEqualTo(State.UNREADABLE);
            assertThatThrownBy(() -> without.decrypt(old, CONTEXT)).isInstanceOf(SecretsAtRest.Unreadable.class)
                    .hasMessageContaining("STADSKOMPAS_SECRETS_PREVIOUS_KEYS")
                    .hasMessageContaining(box(KEY).currentKeyId())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY)
                            .doesNotContain(KEY_2).doesNotContain(KEY_3));
        }
    }

    @Test
    void theKeyIdNamesTheKeyWithoutGivingAnyOfItAway() throws Exception {
        String id = box(KEY).currentKeyId();
        assertThat(id).matches("[0-9a-f]{8}").isEqualTo(rotated(KEY, KEY_2).currentKeyId())
                .isNotEqualTo(box(KEY_2).currentKeyId());
        String aesKey = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(StandardCharsets.UTF_8)));
        assertThat(aesKey).as("not the start of the AES key").doesNotStartWith(id);
    }

    @Test
    void anEarlierKeyThatIsTooShortStopsTheStart() {
        assertThatThrownBy(() -> rotated(KEY_2, KEY + ",short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STADSKOMPAS_SECRETS_PREVIOUS_KEYS").hasMessageContaining("32");
        assertThat(rotated(KEY_2, " " + KEY + " , ,").decrypt(box(KEY).encrypt(SECRET, CONTEXT), CONTEXT))
                .as("spaces and empty entries are ignored").isEqualTo(SECRET);
    }
}
