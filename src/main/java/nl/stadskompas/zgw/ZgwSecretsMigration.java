// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import nl.stadskompas.zgw.SecretsAtRest.State;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every stored secret encrypted with the current key (ADR 602). On start, and when an
 * administrator asks on the ZGW page, each value stored in plain text (before encryption came in) or
 * made with an earlier key ({@code stadskompas.secrets.previous-keys}) is encrypted again with the
 * current key. The key comes from configuration, so this cannot be a plain SQL migration.
 * <p>
 * Each value is changed in a transaction of its own, and only while it still holds what was read:
 * several nodes starting at once, or a node saving a new secret meanwhile, do no harm, and a second
 * run changes nothing. A value that no configured key opens stops the start before anything is
 * changed, with a message that names the setting to fix (never the secret), unless
 * {@code stadskompas.secrets.start-with-unreadable} is set; such values are never overwritten here.
 */
@Component
class ZgwSecretsMigration implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ZgwSecretsMigration.class);

    private final JdbcClient jdbc;
    private final SecretsAtRest secrets;
    private final TransactionTemplate separately;
    private final boolean startWithUnreadable;

    ZgwSecretsMigration(JdbcClient jdbc, SecretsAtRest secrets, PlatformTransactionManager transactions,
            @Value("${stadskompas.secrets.start-with-unreadable:false}") boolean startWithUnreadable) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.startWithUnreadable = startWithUnreadable;
    }

    @Override
    public void run(ApplicationArguments args) {
        Count count = count(null);
        if (count.unreadable() > 0) {
            String problem = unreadableMessage(null);
            if (!startWithUnreadable) {
                throw new IllegalStateException(problem + " Nothing was changed. If that key is lost, start with "
                        + "stadskompas.secrets.start-with-unreadable=true (STADSKOMPAS_SECRETS_START_WITH_UNREADABLE) "
                        + "and let the administrators of these organisations enter the client secret and callback "
                        + "token again.");
            }
            LOG.error("{} They are left as they are: their administrators must enter the client secret and callback "
                    + "token again.", problem);
        }
        int changed = reencrypt(null);
        if (changed > 0) {
            LOG.info("Encrypted {} secret(s) of case system connections again with the current key (key id {})",
                    changed, secrets.currentKeyId());
        }
    }

    /**
     * How many stored values of the tenant (or of all tenants, for null) are not made with the current
     * key yet, and how many no configured key opens.
     */
    Count count(UUID tenantId) {
        int earlier = 0;
        int unreadable = 0;
        for (StoredValue value : outdated(tenantId)) {
            if (value.state() == State.EARLIER) {
                earlier++;
            } else {
                unreadable++;
            }
        }
        return new Count(earlier, unreadable);
    }

    /**
     * Encrypts every readable value of the tenant (or of all tenants, for null) that is not made with
     * the current key again with it, each in a transaction of its own.
     *
     * @return how many values this call changed (another node may have done some of them)
     */
    int reencrypt(UUID tenantId) {
        int changed = 0;
        for (StoredValue value : outdated(tenantId)) {
            if (value.state() != State.EARLIER) {
                continue;
            }
            String fresh = secrets.encrypt(secrets.decrypt(value.stored(), value.context()), value.context());
            // Column names are the two constants of Column, never input.
            Integer done = separately.execute(tx -> jdbc.sql("UPDATE zgw_connection SET " + value.column().name
                            + " = :fresh WHERE tenant_id = :tenant AND " + value.column().name + " = :old")
                    .param("fresh", fresh).param("tenant", value.tenantId()).param("old", value.stored())
                    .update());
            changed += done == null ? 0 : done;
        }
        return changed;
    }

    /** Which organisations have values no key opens, and with which key ids: never a secret. */
    String unreadableMessage(UUID tenantId) {
        TreeSet<String> tenants = new TreeSet<>();
        TreeSet<String> keyIds = new TreeSet<>();
        int unreadable = 0;
        for (StoredValue value : outdated(tenantId)) {
            if (value.state() == State.UNREADABLE) {
                unreadable++;
                tenants.add(value.tenantId().toString());
                keyIds.add(value.keyId());
            }
        }
        return unreadable + " stored secret(s) of the case system connection of organisation(s) " + tenants
                + " cannot be decrypted with the configured keys (key id(s) " + keyIds + " made them; configured: "
                + secrets.keyIds() + "). Add the key that made them to " + SecretsAtRest.SETTINGS + ".";
    }

    private List<StoredValue> outdated(UUID tenantId) {
        record Row(UUID tenantId, String secret, String token) {
        }
        String current = secrets.currentPrefix() + "%";
        JdbcClient.StatementSpec select = jdbc.sql("SELECT tenant_id, client_secret, callback_token FROM zgw_connection "
                        + "WHERE (client_secret NOT LIKE :p OR callback_token NOT LIKE :p)"
                        + (tenantId == null ? "" : " AND tenant_id = :t"))
                .param("p", current);
        if (tenantId != null) {
            select = select.param("t", tenantId);
        }
        List<Row> rows = select.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
        List<StoredValue> values = new ArrayList<>();
        for (Row row : rows) {
            for (Column column : Column.values()) {
                String stored = column == Column.SECRET ? row.secret() : row.token();
                if (stored == null || stored.startsWith(secrets.currentPrefix())) {
                    continue;
                }
                String context = column.context.apply(row.tenantId());
                values.add(new StoredValue(row.tenantId(), column, stored, context, secrets.state(stored, context)));
            }
        }
        return values;
    }

    /** How many values still need the current key, and how many no configured key opens. */
    record Count(int earlier, int unreadable) {
    }

    private enum Column {
        SECRET("client_secret", ZgwSettings::secretContext), TOKEN("callback_token", ZgwSettings::tokenContext);

        final String name;
        final Function<UUID, String> context;

        Column(String name, Function<UUID, String> context) {
            this.name = name;
            this.context = context;
        }
    }

    private record StoredValue(UUID tenantId, Column column, String stored, String context, State state) {

        /** The id of the key that made the value, as far as it says: never part of the secret. */
        String keyId() {
            if (stored.startsWith(SecretsAtRest.PREFIX_V2)) {
                int end = stored.indexOf(':', SecretsAtRest.PREFIX_V2.length());
                return end < 0 ? "?" : stored.substring(SecretsAtRest.PREFIX_V2.length(), end);
            }
            return SecretsAtRest.isEncrypted(stored) ? "unknown (v1)" : "none";
        }
    }
}
