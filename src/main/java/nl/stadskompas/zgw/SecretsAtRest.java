// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts the connection's secrets (the ZGW client secret and the callback token) before they are
 * stored, with AES-256-GCM (the JDK's own) and a key from configuration, {@code stadskompas.secrets.key}.
 * Each value gets a fresh 96-bit nonce and is bound to its tenant and column (additional
 * authenticated data), so a stored value copied to another row does not decrypt. Stored form:
 * {@code enc:v2:} and the id of the key that made it, then {@code :} and base64 of nonce and
 * ciphertext with tag. The key id is the start of a SHA-256 of the AES key: it tells which key to use
 * without saying anything about the key.
 * <p>
 * Earlier keys ({@code stadskompas.secrets.previous-keys}, comma separated) are only used to read, so
 * the key can be rotated: {@link ZgwSecretsMigration} encrypts what an earlier key made again with
 * the current one. Values of the first form, {@code enc:v1:} without a key id, are read with whichever
 * configured key opens them.
 * <p>
 * Without a key of its own the development value is used with a warning; with the {@code postgres}
 * profile (production, see docs/production.md) Stadskompas refuses to start without one.
 */
@Component
class SecretsAtRest {

    static final String PREFIX_V1 = "enc:v1:";
    static final String PREFIX_V2 = "enc:v2:";
    static final String DEVELOPMENT_KEY = "development-only-secrets-key-change-me";
    /** What to set when a value was made with a key that is not configured. */
    static final String SETTINGS = "stadskompas.secrets.key (STADSKOMPAS_SECRETS_KEY) or "
            + "stadskompas.secrets.previous-keys (STADSKOMPAS_SECRETS_PREVIOUS_KEYS)";
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtRest.class);

    /** The current key first, then the earlier ones, by key id. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;

    @Autowired
    SecretsAtRest(@Value("${stadskompas.secrets.key:}") String configured,
            @Value("${stadskompas.secrets.previous-keys:}") String previous, Environment environment) {
        String value = configured == null ? "" : configured.trim();
        boolean production = environment.acceptsProfiles(Profiles.of("postgres"));
        if (value.isEmpty() || value.equals(DEVELOPMENT_KEY)) {
            if (production) {
                throw new IllegalStateException("stadskompas.secrets.key (STADSKOMPAS_SECRETS_KEY) is not set: set a "
                        + "random value of at least " + MIN_KEY_LENGTH + " characters, the same on every node "
                        + "(see docs/production.md)");
            }
            LOG.warn("stadskompas.secrets.key is not set: secrets are encrypted with a development key. "
                    + "Set STADSKOMPAS_SECRETS_KEY before real use.");
            value = DEVELOPMENT_KEY;
        } else if (value.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("stadskompas.secrets.key needs at least " + MIN_KEY_LENGTH + " characters");
        }
        SecretKeySpec current = new SecretKeySpec(sha256(value.getBytes(StandardCharsets.UTF_8)), "AES");
        this.currentId = keyId(current);
        keys.put(currentId, current);
        for (String earlier : previous == null ? new String[0] : previous.split(",")) {
            String trimmed = earlier == null ? "" : earlier.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("Each key in stadskompas.secrets.previous-keys "
                        + "(STADSKOMPAS_SECRETS_PREVIOUS_KEYS) needs at least " + MIN_KEY_LENGTH + " characters");
            }
            SecretKeySpec key = new SecretKeySpec(sha256(trimmed.getBytes(StandardCharsets.UTF_8)), "AES");
            keys.putIfAbsent(keyId(key), key);
        }
    }

    /** With the current key only (tests). */
    SecretsAtRest(String configured, Environment environment) {
        this(configured, "", environment);
    }

    /** The id of the key new values are encrypted with. */
    String currentKeyId() {
        return currentId;
    }

    /** The stored form of a secret of the tenant's column, made with the current key; null stays null. */
    String encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX_V2 + currentId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /**
     * The secret from its stored form, opened with the key that made it (the current or an earlier
     * one). A value without the prefix is one stored before encryption came in (see
     * {@link ZgwSecretsMigration}) and is returned as it is.
     *
     * @throws Unreadable when no configured key opens the value, or it was altered or copied
     */
    String decrypt(String stored, String context) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        if (stored.startsWith(PREFIX_V2)) {
            int end = stored.indexOf(':', PREFIX_V2.length());
            String id = end < 0 ? "" : stored.substring(PREFIX_V2.length(), end);
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new Unreadable("A stored secret was made with the key with id " + id
                        + ", which is not configured: set it again in " + SETTINGS);
            }
            String plain = open(key, stored.substring(end + 1), context);
            if (plain == null) {
                throw new Unreadable("A stored secret does not decrypt with the key with id " + id
                        + " that made it: it was altered or copied from another row; enter it again");
            }
            return plain;
        }
        if (stored.startsWith(PREFIX_V1)) {
            for (SecretKeySpec key : keys.values()) {
                String plain = open(key, stored.substring(PREFIX_V1.length()), context);
                if (plain != null) {
                    return plain;
                }
            }
        }
        throw new Unreadable("A stored secret cannot be decrypted with any configured key: was stadskompas.secrets.key "
                + "changed? Add the key that made it to " + SETTINGS);
    }

    /** Whether the stored value is current, needs to be encrypted again with the current key, or cannot be read. */
    State state(String stored, String context) {
        if (stored == null) {
            return State.CURRENT;
        }
        if (stored.startsWith(PREFIX_V2 + currentId + ":")) {
            try {
                decrypt(stored, context);
                return State.CURRENT;
            } catch (Unreadable e) {
                return State.UNREADABLE;
            }
        }
        try {
            decrypt(stored, context);
            return State.EARLIER;
        } catch (Unreadable e) {
            return State.UNREADABLE;
        }
    }

    /** How every value made with the current key starts (for SQL filters). */
    String currentPrefix() {
        return PREFIX_V2 + currentId + ":";
    }

    static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(PREFIX_V2) || stored.startsWith(PREFIX_V1));
    }

    /** The configured key ids, current first (for messages: ids say nothing about the keys). */
    List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    private static String open(SecretKeySpec key, String encoded, String context) {
        try {
            byte[] data = Base64.getDecoder().decode(encoded);
            if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The first bytes of a SHA-256 of the AES key, in hex: names the key, gives nothing of it away. */
    private static String keyId(SecretKeySpec key) {
        return HexFormat.of().formatHex(Arrays.copyOf(sha256(key.getEncoded()), KEY_ID_BYTES));
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a stored value stands towards the configured keys. */
    enum State {
        /** Made with the current key (or empty). */
        CURRENT,
        /** Readable, but not made with the current key: stored before encryption, or made with an earlier key. */
        EARLIER,
        /** Made with a key that is not configured, or altered: nothing opens it. */
        UNREADABLE
    }

    /** A stored secret no configured key opens. The message names the setting to fix, never the secret. */
    static final class Unreadable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }
}
