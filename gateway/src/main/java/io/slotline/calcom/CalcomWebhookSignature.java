package io.slotline.calcom;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Cal.com webhook signatures: header {@value #HEADER} = lowercase hex of HMAC-SHA256(secret, raw body), no
 * prefix. Verify over the exact received bytes, before any parsing.
 */
public final class CalcomWebhookSignature {

    public static final String HEADER = "X-Cal-Signature-256";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private CalcomWebhookSignature() {}

    /**
     * True only if {@code headerValue} is the HMAC of {@code rawBody} under {@code secret}. A missing or
     * malformed header (including Cal.com's "no-secret-provided") is false. Compared in constant time.
     *
     * @throws IllegalArgumentException if {@code secret} is blank: a configuration error, not a bad request
     */
    public static boolean verify(byte[] rawBody, @Nullable String headerValue, String secret) {
        byte[] expected = hmac(rawBody, secret);
        if (headerValue == null) {
            return false;
        }
        String candidate = headerValue.strip();
        if (candidate.length() != SIGNATURE_HEX_LENGTH) {
            return false;
        }
        byte[] provided;
        try {
            // HexFormat parses either case; Cal.com sends lowercase
            provided = HexFormat.of().parseHex(candidate);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, provided);
    }

    /** The header value Cal.com would send for {@code rawBody}; for tests and the simulator. */
    public static String sign(byte[] rawBody, String secret) {
        return HexFormat.of().formatHex(hmac(rawBody, secret));
    }

    private static byte[] hmac(byte[] rawBody, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Cal.com webhook secret is not configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
