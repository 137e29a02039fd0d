// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts the connection's secrets (the ZGW client secret and the callback token) before they are
 * stored, with AES-256-GCM (the JDK's own) and a key from configuration, {@code stadskompas.secrets.key}.
 * Each value gets a fresh 96-bit nonce and is bound to its tenant and column (additional
 * authenticated data), so a stored value copied to another row does not decrypt. Stored form:
 * {@code enc:v1:} followed by base64 of nonce and ciphertext with tag.
 * <p>
 * Without a key of its own the development value is used with a warning; with the {@code postgres}
 * profile (production, see docs/production.md) Stadskompas refuses to start without one.
 */
@Component
class SecretsAtRest {

    static final String PREFIX = "enc:v1:";
    static final String DEVELOPMENT_KEY = "development-only-secrets-key-change-me";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtRest.class);

    private final SecretKeySpec key;

    SecretsAtRest(@Value("${stadskompas.secrets.key:}") String configured, Environment environment) {
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
        this.key = new SecretKeySpec(sha256(value), "AES");
    }

    /** The stored form of a secret of the tenant's column; null stays null. */
    String encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /**
     * The secret from its stored form. A value without the prefix is one stored before encryption
     * came in (see {@link ZgwSecretsMigration}) and is returned as it is.
     *
     * @throws IllegalStateException when the value was encrypted with another key or altered
     */
    String decrypt(String stored, String context) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: was stadskompas.secrets.key changed?",
                    e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
