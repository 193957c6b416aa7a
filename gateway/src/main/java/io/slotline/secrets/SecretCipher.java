package io.slotline.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for tenant secrets at rest (Cal.com and Retell keys). Stored form: base64(nonce || ciphertext || tag)
 * with a fresh random 12-byte nonce per value, so equal secrets never produce equal columns.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    /** Public on purpose: only ever protects the demo tenant's fake keys. */
    private static final String DEMO_KEY = "c2xvdGxpbmUtZGVtby1rZXktbm90LWZvci1wcm9kISE=";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretCipher(SecretsProperties properties, Environment environment) {
        this(resolveKey(properties, environment));
    }

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretCipher fromBase64Key(String base64Key) {
        return new SecretCipher(decodeKey(base64Key));
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String stored) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("stored secret is not base64", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("stored secret is truncated", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException(
                    "stored secret does not authenticate: wrong slotline.secrets.key or tampered value", e);
        }
    }

    /**
     * The last 4 characters, for recognising a key in an admin view. Secrets shorter than 8 characters get no hint:
     * 4 characters would be most of the secret.
     */
    public static String hint(String secret) {
        return secret.length() < 8 ? "" : secret.substring(secret.length() - 4);
    }

    private static byte[] resolveKey(SecretsProperties properties, Environment environment) {
        String configured = properties.key();
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured);
        }
        if (environment.acceptsProfiles(Profiles.of("demo", "test"))) {
            log.warn("slotline.secrets.key is not set: using the built-in DEMO key. Demo/test only: "
                    + "secrets stored with it are readable by anyone with the source code.");
            return decodeKey(DEMO_KEY);
        }
        throw new IllegalStateException("slotline.secrets.key is not set. Tenant API keys are stored encrypted "
                + "and need a key: set SLOTLINE_SECRETS_KEY to base64 of 32 random bytes "
                + "(openssl rand -base64 32), or run with profile 'demo'.");
    }

    private static byte[] decodeKey(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("slotline.secrets.key is not valid base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "slotline.secrets.key must decode to 32 bytes (AES-256), got " + bytes.length);
        }
        return bytes;
    }
}
