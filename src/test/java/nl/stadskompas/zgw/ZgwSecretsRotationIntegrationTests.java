// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;
import nl.stadskompas.zgw.ZgwSettings.ConnectionSettings;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rotating the secrets key: values of the earlier key stay readable and are encrypted again with
 * the new one, once, also when two nodes start at once; a value of a key that is not configured
 * stops the start and shows on the page, naming the setting to fix, and is never overwritten.
 * <p>
 * The application here runs with key 1 (the development key); "another node" is built with its own
 * keys. Rows encrypted with other keys are removed afterwards, as the next start would refuse them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ZgwSecretsRotationIntegrationTests {

    static final String KEY_1 = SecretsAtRest.DEVELOPMENT_KEY;
    static final String KEY_2 = "the-second-key-of-at-least-thirty-two-characters";
    static final String SECRET = "zgw-secret-0123456789-abcdefghij-" + UUID.randomUUID();
    static final String TOKEN = "callback-token-0123456789-" + UUID.randomUUID();

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    ZgwSettings settings;

    @Autowired
    ZgwSecretsMigration migration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<UUID> tenants = new ArrayList<>();

    @AfterEach
    void removeRowsOfOtherKeys() {
        for (UUID tenant : tenants) {
            jdbc.sql("DELETE FROM zgw_connection WHERE tenant_id = :t").param("t", tenant).update();
        }
    }

    @Test
    void rotatingFromKey1ToKey2KeepsEveryValueReadableAndEncryptsItAgainOnce() {
        User admin = connected();
        UUID tenant = admin.tenantId();
        Stored before = stored(tenant);
        SecretsAtRest keys = keys(KEY_2, KEY_1);
        ZgwSecretsMigration node = node(keys, false);

        assertThat(node.count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(2, 0));
        assertThat(keys.decrypt(before.secret(), ZgwSettings.secretContext(tenant))).isEqualTo(SECRET);

        assertThat(node.reencrypt(tenant)).isEqualTo(2);
        Stored after = stored(tenant);
        assertThat(after.secret()).startsWith(keys.currentPrefix()).doesNotContain(SECRET);
        assertThat(after.token()).startsWith(keys.currentPrefix()).doesNotContain(TOKEN);
        assertThat(keys.decrypt(after.secret(), ZgwSettings.secretContext(tenant))).isEqualTo(SECRET);
        assertThat(keys.decrypt(after.token(), ZgwSettings.tokenContext(tenant))).isEqualTo(TOKEN);
        assertThat(node.count(tenant)).as("the earlier key can go").isEqualTo(new ZgwSecretsMigration.Count(0, 0));
        assertThat(keys(KEY_2, "").decrypt(after.secret(), ZgwSettings.secretContext(tenant)))
                .as("without the earlier key").isEqualTo(SECRET);

        assertThat(node.reencrypt(tenant)).as("a second run changes nothing").isZero();
        assertThat(stored(tenant)).isEqualTo(after);
    }

    @Test
    void aValueOfTheFirstFormIsStoredWithItsKeyIdOnStart() {
        UUID tenant = connected().tenantId();
        Stored v2 = stored(tenant);
        String v1 = "enc:v1:" + v2.secret().substring(v2.secret().lastIndexOf(':') + 1);
        jdbc.sql("UPDATE zgw_connection SET client_secret = :s WHERE tenant_id = :t").param("s", v1)
                .param("t", tenant).update();
        assertThat(settings.secretsStatus(tenant).earlierKey()).isEqualTo(1);

        migration.reencrypt(tenant);

        assertThat(stored(tenant).secret()).startsWith("enc:v2:").isNotEqualTo(v1);
        assertThat(stored(tenant).token()).isEqualTo(v2.token());
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);
        assertThat(settings.secretsStatus(tenant).earlierKey()).isZero();
    }

    @Test
    void theAdministratorSeesHowManyValuesUseAnEarlierKeyAndHasThemEncryptedAgain() throws Exception {
        User admin = connected();
        UUID tenant = admin.tenantId();
        // Saved by a node that still ran with only the key before: this node (key 1) has that key as
        // its earlier one.
        SecretsAtRest before = keys("the-key-before-key-1-at-least-thirty-two-chars", "");
        jdbc.sql("UPDATE zgw_connection SET client_secret = :s WHERE tenant_id = :t")
                .param("s", before.encrypt(SECRET, ZgwSettings.secretContext(tenant))).param("t", tenant).update();
        ZgwSecretsMigration node = node(keys(KEY_1, "the-key-before-key-1-at-least-thirty-two-chars"), false);
        assertThat(node.count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(1, 0));
        // The page of this application (key 1 only) cannot read it: it says so and how to fix it.
        mvc.perform(get("/zgw").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Niet te lezen: 1 van uw organisatie")))
                .andExpect(content().string(Matchers.containsString("STADSKOMPAS_SECRETS_PREVIOUS_KEYS")))
                .andExpect(content().string(Matchers.containsString("Opgeslagen, maar niet te lezen")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        node.reencrypt(tenant);

        mvc.perform(get("/zgw").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "Nog versleuteld met een oude sleutel: 0 van uw organisatie")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Niet te lezen"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Nu opnieuw versleutelen"))));
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);

        // As the page of a node with key 1 after the value of the earlier key came in again.
        jdbc.sql("UPDATE zgw_connection SET callback_token = :s WHERE tenant_id = :t")
                .param("s", "enc:v1:" + plainV1(TOKEN, ZgwSettings.tokenContext(tenant))).param("t", tenant).update();
        mvc.perform(get("/zgw").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "Nog versleuteld met een oude sleutel: 1 van uw organisatie")))
                .andExpect(content().string(Matchers.containsString("Nu opnieuw versleutelen")));
        mvc.perform(post("/zgw/secrets").with(admin.signedIn()).with(csrf())).andExpect(redirectedUrl("/zgw"));
        assertThat(settings.secretsStatus(tenant).earlierKey()).isZero();
        assertThat(stored(tenant).token()).startsWith(keys(KEY_1, "").currentPrefix());
        assertThat(settings.find(tenant).orElseThrow().callbackToken()).isEqualTo(TOKEN);

        User advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(post("/zgw/secrets").with(advisor.signedIn()).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aValueOfAKeyThatIsNotConfiguredStopsTheStartNamesTheSettingAndIsNotOverwritten() throws Exception {
        User admin = connected();
        UUID tenant = admin.tenantId();
        // Rotated to key 2 by another node; this application has only key 1: the key is missing here.
        node(keys(KEY_2, KEY_1), false).reencrypt(tenant);
        Stored rotated = stored(tenant);

        assertThat(migration.count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(0, 2));
        assertThatThrownBy(() -> migration.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STADSKOMPAS_SECRETS_PREVIOUS_KEYS")
                .hasMessageContaining(tenant.toString())
                .hasMessageContaining(keys(KEY_2, "").currentKeyId())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(TOKEN)
                        .doesNotContain(KEY_2));
        assertThat(stored(tenant)).isEqualTo(rotated);
        assertThatThrownBy(() -> settings.find(tenant)).isInstanceOf(SecretsAtRest.Unreadable.class)
                .hasMessageContaining("STADSKOMPAS_SECRETS_PREVIOUS_KEYS");

        // Saving the connection without entering the secrets again: a clear error, nothing changed.
        mvc.perform(post("/zgw/connection").with(admin.signedIn()).with(csrf())
                        .param("zakenUrl", "https://zaken.example.nl/zaken/api/v2")
                        .param("catalogiUrl", "https://zaken.example.nl/catalogi/api/v1")
                        .param("notificatiesUrl", "https://notificaties.example.nl/api/v1")
                        .param("clientId", "stadskompas").param("clientSecret", "").param("callbackToken", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("We kunnen het opgeslagen geheim niet lezen.")))
                .andExpect(content().string(Matchers.containsString("We kunnen het opgeslagen token niet lezen.")));
        assertThat(stored(tenant)).isEqualTo(rotated);
        assertThat(settings.connection(tenant).orElseThrow().zakenUrl()).endsWith("/v1");
        mvc.perform(get("/zgw/connection").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Het opgeslagen geheim is niet te lezen.")));
        mvc.perform(post("/zgw/abonnement").with(admin.signedIn()).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "We kunnen het opgeslagen geheim of token niet lezen.")));
        for (String path : new String[] { "/zgw", "/zgw/connection" }) {
            mvc.perform(get(path).param("lang", "en").with(admin.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("??"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        }
        assertThat(stored(tenant)).isEqualTo(rotated);

        // Started anyway (the key is lost): still nothing overwritten, until the administrator enters them.
        node(keys(KEY_1, ""), true).run(null);
        assertThat(stored(tenant)).isEqualTo(rotated);
        settings.saveConnection(tenant, new ConnectionSettings("https://zaken.example.nl/zaken/api/v1",
                "https://zaken.example.nl/catalogi/api/v1", "https://notificaties.example.nl/api/v1", "stadskompas",
                SECRET, TOKEN));
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);
        assertThat(migration.count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(0, 0));
    }

    @Test
    void aWrongEarlierKeyReadsNothingAndChangesNothing() {
        UUID tenant = connected().tenantId();
        Stored before = stored(tenant);
        ZgwSecretsMigration wrong = node(keys(KEY_2, "not-the-key-that-made-them-thirty-two-chars"), false);

        assertThat(wrong.count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(0, 2));
        assertThat(wrong.reencrypt(tenant)).isZero();
        assertThatThrownBy(() -> wrong.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stadskompas.secrets.previous-keys")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(TOKEN));
        assertThat(stored(tenant)).isEqualTo(before);
        assertThat(settings.find(tenant).orElseThrow().clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void twoNodesStartingAtOnceEncryptEachValueOnceAndBothEndReadable() throws Exception {
        UUID tenant = connected().tenantId();
        // Both nodes read the old values before either writes: they meet before each encryption.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ZgwSecretsMigration node = node(new SecretsAtRest(KEY_2, KEY_1, new MockEnvironment()) {
                    @Override
                    String encrypt(String plain, String context) {
                        try {
                            together.await(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return super.encrypt(plain, context);
                    }
                }, false);
                runs.add(nodes.submit(() -> node.reencrypt(tenant)));
            }
            int changed = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
            assertThat(changed).as("each of the two values changed by one node only").isEqualTo(2);
        } finally {
            nodes.shutdownNow();
        }
        SecretsAtRest keys = keys(KEY_2, "");
        Stored after = stored(tenant);
        assertThat(keys.decrypt(after.secret(), ZgwSettings.secretContext(tenant))).isEqualTo(SECRET);
        assertThat(keys.decrypt(after.token(), ZgwSettings.tokenContext(tenant))).isEqualTo(TOKEN);
        assertThat(node(keys(KEY_2, KEY_1), false).count(tenant)).isEqualTo(new ZgwSecretsMigration.Count(0, 0));
    }

    private User connected() {
        User admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        tenants.add(admin.tenantId());
        settings.saveConnection(admin.tenantId(), new ConnectionSettings("https://zaken.example.nl/zaken/api/v1",
                "https://zaken.example.nl/catalogi/api/v1", "https://notificaties.example.nl/api/v1", "stadskompas",
                SECRET, TOKEN));
        return admin;
    }

    /** The nonce, ciphertext and tag of a value encrypted with key 1, as the first form stored them. */
    private static String plainV1(String plain, String context) {
        String v2 = keys(KEY_1, "").encrypt(plain, context);
        return v2.substring(v2.lastIndexOf(':') + 1);
    }

    private static SecretsAtRest keys(String key, String previous) {
        return new SecretsAtRest(key, previous, new MockEnvironment());
    }

    private ZgwSecretsMigration node(SecretsAtRest keys, boolean startWithUnreadable) {
        return new ZgwSecretsMigration(jdbc, keys, transactions, startWithUnreadable);
    }

    private Stored stored(UUID tenant) {
        return jdbc.sql("SELECT client_secret, callback_token FROM zgw_connection WHERE tenant_id = :t")
                .param("t", tenant).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).single();
    }

    private record Stored(String secret, String token) {
    }
}
