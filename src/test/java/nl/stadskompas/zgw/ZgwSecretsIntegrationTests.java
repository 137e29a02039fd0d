// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.zgw.ZgwSettings.ConnectionSettings;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The client secret and callback token are stored encrypted, also those saved before encryption came in. */
@SpringBootTest
class ZgwSecretsIntegrationTests {

    static final String SECRET = "zgw-client-secret-" + UUID.randomUUID();
    static final String TOKEN = "callback-token-" + UUID.randomUUID();

    @Autowired
    ApplicationContext context;

    @Autowired
    ZgwSettings settings;

    @Autowired
    ZgwSecretsMigration migration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void savedSecretsAreEncryptedInTheDatabaseAndUsableByTheConnection() {
        UUID tenant = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR).tenantId();
        settings.saveConnection(tenant, new ConnectionSettings("https://zaken.example/api/v1",
                "https://catalogi.example/api/v1", "https://notificaties.example/api/v1", "stadskompas", SECRET, TOKEN));

        Stored stored = stored(tenant);
        assertThat(stored.secret()).startsWith("enc:v2:").doesNotContain(SECRET);
        assertThat(stored.token()).startsWith("enc:v2:").doesNotContain(TOKEN);
        Connection connection = settings.find(tenant).orElseThrow();
        assertThat(connection.clientSecret()).isEqualTo(SECRET);
        assertThat(connection.callbackToken()).isEqualTo(TOKEN);
        assertThat(settings.connection(tenant).orElseThrow().clientSecretHint()).isEqualTo("…" + SECRET.substring(
                SECRET.length() - 4));

        // Saving again without a new secret keeps the saved one, still encrypted.
        settings.saveConnection(tenant, new ConnectionSettings("https://zaken.example/api/v1",
                "https://catalogi.example/api/v1", "https://notificaties.example/api/v1", "stadskompas", "", ""));
        assertThat(stored(tenant).secret()).startsWith("enc:v2:").doesNotContain(SECRET);
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void secretsStoredInPlainTextBeforeAreEncryptedOnStart() throws Exception {
        UUID tenant = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR).tenantId();
        settings.saveConnection(tenant, new ConnectionSettings("https://zaken.example/api/v1",
                "https://catalogi.example/api/v1", "https://notificaties.example/api/v1", "stadskompas", SECRET, TOKEN));
        // As a row saved by an earlier version.
        jdbc.sql("UPDATE zgw_connection SET client_secret = :s, callback_token = :t WHERE tenant_id = :tenant")
                .param("s", SECRET).param("t", TOKEN).param("tenant", tenant).update();
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);

        migration.run(null);

        Stored stored = stored(tenant);
        assertThat(stored.secret()).startsWith("enc:v2:").doesNotContain(SECRET);
        assertThat(stored.token()).startsWith("enc:v2:").doesNotContain(TOKEN);
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);
        assertThat(settings.find(tenant).orElseThrow().callbackToken()).isEqualTo(TOKEN);
        migration.run(null);
        assertThat(stored(tenant)).as("encrypted once, not again").isEqualTo(stored);
    }

    private Stored stored(UUID tenant) {
        return jdbc.sql("SELECT client_secret, callback_token FROM zgw_connection WHERE tenant_id = :t")
                .param("t", tenant).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).single();
    }

    private record Stored(String secret, String token) {
    }
}
