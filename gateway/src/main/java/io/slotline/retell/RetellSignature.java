package io.slotline.retell;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Retell's {@code X-Retell-Signature}: {@code v=<timestamp_ms>,d=<hex HMAC-SHA256(key, raw body + timestamp)>}.
 * Verified over the raw request bytes, before any JSON parsing: re-serialising would change the signed text.
 */
public final class RetellSignature {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Pattern HEADER = Pattern.compile("^v=(\\d{1,15}),d=([0-9a-f]{64})$", Pattern.CASE_INSENSITIVE);

    public enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        STALE,
        MISMATCH
    }

    private final Clock clock;

    public RetellSignature(Clock clock) {
        this.clock = clock;
    }

    /** Checks the header against each candidate key; VALID when any key produced it. */
    public Verdict verify(byte[] rawBody, String header, Iterable<String> candidateKeys) {
        return verify(rawBody, rawBody.length, header, candidateKeys);
    }

    /** The same over the first {@code length} bytes of a read buffer, so that the body is never copied to fit. */
    public Verdict verify(byte[] rawBody, int length, String header, Iterable<String> candidateKeys) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        Matcher m = HEADER.matcher(header.trim());
        if (!m.matches()) {
            return Verdict.MALFORMED;
        }
        long timestamp = Long.parseLong(m.group(1));
        if (Math.abs(clock.millis() - timestamp) > MAX_SKEW.toMillis()) {
            return Verdict.STALE;
        }
        byte[] presented = HexFormat.of().parseHex(m.group(2).toLowerCase());
        for (String key : candidateKeys) {
            if (key != null
                    && !key.isEmpty()
                    && MessageDigest.isEqual(presented, digest(rawBody, length, timestamp, key))) {
                return Verdict.VALID;
            }
        }
        return Verdict.MISMATCH;
    }

    /** The header value Retell would send; used by tests, the bench and the demo's call player. */
    public static String sign(byte[] rawBody, String key, long timestampMillis) {
        return "v=" + timestampMillis + ",d="
                + HexFormat.of().formatHex(digest(rawBody, rawBody.length, timestampMillis, key));
    }

    private static byte[] digest(byte[] rawBody, int length, long timestamp, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(rawBody, 0, length);
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
