// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's settings for the connection to the municipality's case system: where its APIs
 * are, the client id and secret for the ZGW JWT, the token the Notificaties API must send to our
 * callback, which zaaktype becomes which local case type and which statustype which local status,
 * and the abonnement. Secrets are never given back: views carry only their last characters.
 */
@Service
public class ZgwSettings {

    /** The callback path, followed by the tenant id. */
    public static final String CALLBACK_PATH = "/api/zgw/callbacks/";
    /** HS256 needs a key at least as long as its hash (RFC 7518, 3.2). */
    static final int MIN_SECRET_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CaseTracking cases;
    private final ZgwClient client;
    private final Clock clock;
    private final String publicUrl;
    private final SecretsAtRest secrets;
    private final ZgwSecretsMigration rotation;

    ZgwSettings(JdbcClient jdbc, CaseTracking cases, ZgwClient client, Clock clock,
            @Value("${stadskompas.public-url:http://localhost:8080}") String publicUrl, SecretsAtRest secrets,
            ZgwSecretsMigration rotation) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.rotation = rotation;
        this.cases = cases;
        this.client = client;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The tenant's connection as administrators see it, or empty when none is configured. */
    @Transactional(readOnly = true)
    public Optional<ConnectionView> connection(UUID tenantId) {
        // A secret no configured key opens has no hint; secretsStatus says why.
        return stored(tenantId).map(c -> new ConnectionView(c.zakenUrl(), c.catalogiUrl(), c.notificatiesUrl(),
                c.clientId(), hint(readable(c.clientSecret(), secretContext(tenantId))),
                hint(readable(c.callbackToken(), tokenContext(tenantId))), callbackUrl(tenantId),
                c.abonnementUrl(), c.abonnementAt()));
    }

    /**
     * How the tenant's stored secrets stand towards the keys of this installation: how many are still
     * encrypted with an earlier key (or not at all) and how many no configured key opens, for this
     * tenant and for all tenants together (counts only), so the operator knows when an earlier key
     * can be removed.
     */
    public SecretsStatus secretsStatus(UUID tenantId) {
        ZgwSecretsMigration.Count own = rotation.count(tenantId);
        ZgwSecretsMigration.Count all = rotation.count(null);
        return new SecretsStatus(own.earlier(), own.unreadable(), all.earlier(), all.unreadable());
    }

    /**
     * Encrypts the tenant's secrets that are still encrypted with an earlier key again with the
     * current one (each value on its own; what another node did already is left as it is). Values no
     * configured key opens are left as they are.
     *
     * @return the status afterwards
     */
    public SecretsStatus reencryptSecrets(UUID tenantId) {
        rotation.reencrypt(tenantId);
        return secretsStatus(tenantId);
    }

    /** Where the Notificaties API sends this tenant's notifications. */
    public String callbackUrl(UUID tenantId) {
        return publicUrl + CALLBACK_PATH + tenantId;
    }

    /**
     * Saves the connection. A blank secret or token keeps the one saved before; the first time, a
     * secret is required and a callback token is made when none is given.
     *
     * @throws ValidationProblem listing every problem; nothing is saved then
     */
    @Transactional
    public void saveConnection(UUID tenantId, ConnectionSettings settings) {
        Optional<Connection> existing = stored(tenantId);
        List<FieldProblem> problems = new ArrayList<>();
        String zaken = url(settings.zakenUrl(), "zakenUrl", problems);
        String catalogi = url(settings.catalogiUrl(), "catalogiUrl", problems);
        String notificaties = url(settings.notificatiesUrl(), "notificatiesUrl", problems);
        String clientId = trim(settings.clientId());
        if (clientId == null || clientId.length() > 200) {
            problems.add(new FieldProblem("clientId", "zgw.connection.clientId.invalid"));
        }
        String secret = trim(settings.clientSecret());
        if (secret == null && existing.isPresent()) {
            secret = readable(existing.get().clientSecret(), secretContext(tenantId));
            if (secret == null) {
                problems.add(new FieldProblem("clientSecret", "zgw.connection.clientSecret.unreadable"));
            }
        } else if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > 500) {
            problems.add(new FieldProblem("clientSecret", "zgw.connection.clientSecret.invalid"));
        }
        String token = trim(settings.callbackToken());
        if (token == null && existing.isPresent()) {
            token = readable(existing.get().callbackToken(), tokenContext(tenantId));
            if (token == null) {
                problems.add(new FieldProblem("callbackToken", "zgw.connection.callbackToken.unreadable"));
            }
        } else if (token == null) {
            token = newToken();
        } else if (token.length() < MIN_SECRET_LENGTH || token.length() > 200 || token.contains(" ")) {
            problems.add(new FieldProblem("callbackToken", "zgw.connection.callbackToken.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        // Secrets are stored encrypted (ADR 602); find() decrypts them.
        String storedSecret = secrets.encrypt(secret, secretContext(tenantId));
        String storedToken = secrets.encrypt(token, tokenContext(tenantId));
        if (existing.isPresent()) {
            jdbc.sql("UPDATE zgw_connection SET zaken_url = :z, catalogi_url = :c, notificaties_url = :n, "
                            + "client_id = :id, client_secret = :s, callback_token = :t, updated_at = :now "
                            + "WHERE tenant_id = :tenant")
                    .param("z", zaken).param("c", catalogi).param("n", notificaties).param("id", clientId)
                    .param("s", storedSecret).param("t", storedToken).param("now", now).param("tenant", tenantId)
                    .update();
        } else {
            jdbc.sql("INSERT INTO zgw_connection (tenant_id, zaken_url, catalogi_url, notificaties_url, client_id, "
                            + "client_secret, callback_token, updated_at) VALUES (:tenant, :z, :c, :n, :id, :s, :t, :now)")
                    .param("z", zaken).param("c", catalogi).param("n", notificaties).param("id", clientId)
                    .param("s", storedSecret).param("t", storedToken).param("now", now).param("tenant", tenantId)
                    .update();
        }
    }

    /**
     * Registers the abonnement on the {@code zaken} kanaal for the mapped zaaktypes with the
     * Notificaties API (or replaces the one registered before) and stores its URL.
     *
     * @throws ValidationProblem when there is no connection, its secrets cannot be read (code
     *         {@code zgw.abonnement.unreadable}) or there is no mapped zaaktype, or when the
     *         Notificaties API refuses or cannot be reached (code {@code zgw.abonnement.failed})
     */
    public String registerAbonnement(UUID tenantId) {
        Connection connection;
        try {
            connection = find(tenantId)
                    .orElseThrow(() -> ValidationProblem.of("connection", "zgw.abonnement.noConnection"));
        } catch (SecretsAtRest.Unreadable e) {
            throw ValidationProblem.of("connection", "zgw.abonnement.unreadable");
        }
        List<String> zaaktypes = zaaktypes(tenantId).stream().map(ZaaktypeMapping::zaaktypeUrl).toList();
        if (zaaktypes.isEmpty()) {
            throw ValidationProblem.of("zaaktypeUrl", "zgw.abonnement.noZaaktype");
        }
        String url;
        try {
            url = client.registerAbonnement(connection, callbackUrl(tenantId), "Bearer " + connection.callbackToken(),
                    zaaktypes);
        } catch (ZgwClient.ZgwUnavailable e) {
            throw new ValidationProblem(List.of(new FieldProblem("abonnement", "zgw.abonnement.failed",
                    new Object[] { e.getMessage() })));
        }
        jdbc.sql("UPDATE zgw_connection SET abonnement_url = :u, abonnement_at = :now WHERE tenant_id = :tenant")
                .param("u", url).param("now", Timestamp.from(clock.instant())).param("tenant", tenantId)
                .update();
        return url;
    }

    /** The zaaktypes the tenant takes in, each with its case type and statustype mappings. */
    @Transactional(readOnly = true)
    public List<ZaaktypeMapping> zaaktypes(UUID tenantId) {
        List<CaseTypeView> types = cases.caseTypes(tenantId);
        return jdbc.sql("SELECT id, zaaktype_url, case_type_id, channel FROM zgw_zaaktype WHERE tenant_id = :t "
                        + "ORDER BY zaaktype_url")
                .param("t", tenantId)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID caseTypeId = rs.getObject(3, UUID.class);
                    CaseTypeView type = types.stream().filter(t -> t.id().equals(caseTypeId)).findFirst().orElse(null);
                    return new ZaaktypeMapping(id, rs.getString(2), caseTypeId, type == null ? "" : type.name(),
                            IntakeChannel.valueOf(rs.getString(4)), statustypes(tenantId, id, type));
                })
                .list();
    }

    /**
     * Takes zaken of this zaaktype in as cases of the local case type.
     *
     * @throws ValidationProblem when the URL is not a URL, the case type is not the tenant's, or the
     *         zaaktype is mapped already
     */
    @Transactional
    public UUID addZaaktype(UUID tenantId, String zaaktypeUrl, UUID caseTypeId, IntakeChannel channel) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = url(zaaktypeUrl, "zaaktypeUrl", problems);
        if (caseTypeId == null || cases.caseTypes(tenantId).stream().noneMatch(t -> t.id().equals(caseTypeId))) {
            problems.add(new FieldProblem("caseTypeId", "zgw.zaaktype.caseType.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO zgw_zaaktype (id, tenant_id, zaaktype_url, case_type_id, channel) "
                            + "VALUES (:id, :t, :u, :c, :ch)")
                    .param("id", id).param("t", tenantId).param("u", url).param("c", caseTypeId)
                    .param("ch", (channel == null ? IntakeChannel.ONLINE : channel).name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ValidationProblem.of("zaaktypeUrl", "zgw.zaaktype.duplicate");
        }
        return id;
    }

    /** Stops taking in zaken of this zaaktype (cases taken in before stay). */
    @Transactional
    public void removeZaaktype(UUID tenantId, UUID mappingId) {
        int removed = jdbc.sql("DELETE FROM zgw_zaaktype WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", mappingId).update();
        if (removed == 0) {
            throw new NotFoundException("zaaktype");
        }
    }

    /**
     * Says which local status a statustype of the zaaktype means.
     *
     * @param matchOn the statustype's URL, its volgnummer or its omschrijving
     * @throws ValidationProblem when the status is not one of the case type's
     */
    @Transactional
    public UUID addStatustype(UUID tenantId, UUID mappingId, String matchOn, String statusCode) {
        ZaaktypeMapping mapping = zaaktypes(tenantId).stream().filter(m -> m.id().equals(mappingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("zaaktype"));
        List<FieldProblem> problems = new ArrayList<>();
        String match = trim(matchOn);
        if (match == null || match.length() > 1000) {
            problems.add(new FieldProblem("matchOn", "zgw.statustype.matchOn.invalid"));
        }
        Optional<CaseTypeView> type = cases.caseTypes(tenantId).stream()
                .filter(t -> t.id().equals(mapping.caseTypeId())).findFirst();
        if (statusCode == null || type.isEmpty()
                || type.get().statuses().stream().noneMatch(s -> s.code().equals(statusCode))) {
            problems.add(new FieldProblem("statusCode", "zgw.statustype.status.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO zgw_statustype (id, tenant_id, zaaktype_id, match_on, status_code) "
                            + "VALUES (:id, :t, :z, :m, :s)")
                    .param("id", id).param("t", tenantId).param("z", mappingId).param("m", match)
                    .param("s", statusCode)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ValidationProblem.of("matchOn", "zgw.statustype.duplicate");
        }
        return id;
    }

    @Transactional
    public void removeStatustype(UUID tenantId, UUID statustypeMappingId) {
        int removed = jdbc.sql("DELETE FROM zgw_statustype WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", statustypeMappingId).update();
        if (removed == 0) {
            throw new NotFoundException("statustype");
        }
    }

    /**
     * The tenant's connection with its secrets decrypted.
     *
     * @throws SecretsAtRest.Unreadable when no configured key opens a secret; the message names the
     *         setting to fix
     */
    Optional<Connection> find(UUID tenantId) {
        return stored(tenantId).map(c -> new Connection(c.tenantId(), c.zakenUrl(), c.catalogiUrl(),
                c.notificatiesUrl(), c.clientId(), secrets.decrypt(c.clientSecret(), secretContext(tenantId)),
                secrets.decrypt(c.callbackToken(), tokenContext(tenantId)), c.abonnementUrl(), c.abonnementAt()));
    }

    /** The tenant's connection with its secrets as stored (encrypted). */
    private Optional<Connection> stored(UUID tenantId) {
        return jdbc.sql("SELECT tenant_id, zaken_url, catalogi_url, notificaties_url, client_id, client_secret, "
                        + "callback_token, abonnement_url, abonnement_at FROM zgw_connection WHERE tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> new Connection(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /** The secret, or null when no configured key opens it. */
    private String readable(String stored, String context) {
        try {
            return secrets.decrypt(stored, context);
        } catch (SecretsAtRest.Unreadable e) {
            return null;
        }
    }

    private List<StatustypeMapping> statustypes(UUID tenantId, UUID mappingId, CaseTypeView type) {
        return jdbc.sql("SELECT id, match_on, status_code FROM zgw_statustype WHERE tenant_id = :t AND zaaktype_id = :z "
                        + "ORDER BY match_on")
                .param("t", tenantId).param("z", mappingId)
                .query((rs, n) -> {
                    String code = rs.getString(3);
                    String name = type == null ? code : type.statuses().stream().filter(s -> s.code().equals(code))
                            .map(StatusDefinition::name).findFirst().orElse(code);
                    return new StatustypeMapping(rs.getObject(1, UUID.class), rs.getString(2), code, name);
                })
                .list();
    }

    /** What an encrypted client secret is bound to: its tenant and column. */
    static String secretContext(UUID tenantId) {
        return "zgw_connection.client_secret:" + tenantId;
    }

    /** What an encrypted callback token is bound to: its tenant and column. */
    static String tokenContext(UUID tenantId) {
        return "zgw_connection.callback_token:" + tenantId;
    }

    private static String url(String value, String field, List<FieldProblem> problems) {
        String url = trim(value);
        try {
            URI uri = url == null ? null : URI.create(url);
            if (uri == null || uri.getHost() == null || url.length() > 500
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add(new FieldProblem(field, "zgw.url.invalid"));
                return null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "zgw.url.invalid"));
            return null;
        }
        return url;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String hint(String secret) {
        return secret == null ? null : "…" + secret.substring(Math.max(0, secret.length() - 4));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * What an administrator enters for the connection.
     *
     * @param clientSecret blank keeps the saved one
     * @param callbackToken blank keeps the saved one (or makes one the first time)
     */
    public record ConnectionSettings(String zakenUrl, String catalogiUrl, String notificatiesUrl, String clientId,
            String clientSecret, String callbackToken) {
    }

    /**
     * The connection as administrators see it: secrets only by their last characters.
     *
     * @param callbackUrl where the Notificaties API must send notifications
     */
    public record ConnectionView(String zakenUrl, String catalogiUrl, String notificatiesUrl, String clientId,
            String clientSecretHint, String callbackTokenHint, String callbackUrl, String abonnementUrl,
            Instant abonnementAt) {
    }

    /**
     * How the stored secrets stand towards the configured keys (counts of values, never the values).
     *
     * @param earlierKey the tenant's values not yet encrypted with the current key
     * @param unreadable the tenant's values no configured key opens
     * @param earlierKeyAllTenants the same as earlierKey, for all tenants together
     * @param unreadableAllTenants the same as unreadable, for all tenants together
     */
    public record SecretsStatus(int earlierKey, int unreadable, int earlierKeyAllTenants, int unreadableAllTenants) {
    }

    /** A zaaktype taken in as a local case type. */
    public record ZaaktypeMapping(UUID id, String zaaktypeUrl, UUID caseTypeId, String caseTypeName,
            IntakeChannel channel, List<StatustypeMapping> statustypes) {
    }

    /**
     * A statustype that means a local status.
     *
     * @param matchOn the statustype's URL, volgnummer or omschrijving
     */
    public record StatustypeMapping(UUID id, String matchOn, String statusCode, String statusName) {
    }
}
