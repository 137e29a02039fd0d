// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On start, encrypts the secrets of connections saved before they were stored encrypted (ADR 602).
 * The key comes from configuration, so this cannot be a plain SQL migration. Each row is only
 * changed when it still holds the values read, so several nodes starting at once do no harm.
 */
@Component
class ZgwSecretsMigration implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ZgwSecretsMigration.class);

    private final JdbcClient jdbc;
    private final SecretsAtRest secrets;

    ZgwSecretsMigration(JdbcClient jdbc, SecretsAtRest secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        record Row(UUID tenantId, String secret, String token) {
        }
        var rows = jdbc.sql("SELECT tenant_id, client_secret, callback_token FROM zgw_connection "
                        + "WHERE client_secret NOT LIKE :p OR callback_token NOT LIKE :p")
                .param("p", SecretsAtRest.PREFIX + "%")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
        int changed = 0;
        for (Row row : rows) {
            String secret = SecretsAtRest.isEncrypted(row.secret()) ? row.secret()
                    : secrets.encrypt(row.secret(), ZgwSettings.secretContext(row.tenantId()));
            String token = SecretsAtRest.isEncrypted(row.token()) ? row.token()
                    : secrets.encrypt(row.token(), ZgwSettings.tokenContext(row.tenantId()));
            changed += jdbc.sql("UPDATE zgw_connection SET client_secret = :s, callback_token = :t "
                            + "WHERE tenant_id = :tenant AND client_secret = :oldS AND callback_token = :oldT")
                    .param("s", secret).param("t", token).param("tenant", row.tenantId())
                    .param("oldS", row.secret()).param("oldT", row.token())
                    .update();
        }
        if (changed > 0) {
            LOG.info("Encrypted the secrets of {} case system connection(s) stored before encryption", changed);
        }
    }
}
