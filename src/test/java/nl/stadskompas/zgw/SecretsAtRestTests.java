// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The connection's secrets are unreadable in the database, and only the right key and row open them. */
class SecretsAtRestTests {

    static final String KEY = "a-test-key-of-at-least-thirty-two-characters";
    static final String SECRET = "client-secret-0123456789-abcdefghijklmnop";

    private static SecretsAtRest box(String key, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecretsAtRest(key, environment);
    }

    @Test
    void aStoredSecretHidesItsTextAndReadsBack() {
        SecretsAtRest box = box(KEY);
        String stored = box.encrypt(SECRET, "zgw_connection.client_secret:t1");
        assertThat(stored).startsWith("enc:v1:").doesNotContain(SECRET).doesNotContain("client-secret");
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
}
