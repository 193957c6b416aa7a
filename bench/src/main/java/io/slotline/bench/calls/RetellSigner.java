package io.slotline.bench.calls;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs like Retell: {@code v=<ts>,d=hex(HMAC-SHA256(key = api key, message = raw body + decimal ts))}. */
public final class RetellSigner {

    public static final String HEADER = "X-Retell-Signature";

    private RetellSigner() {}

    public static String signature(String apiKey, String rawBody, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((rawBody + timestampMillis).getBytes(StandardCharsets.UTF_8));
            return "v=" + timestampMillis + ",d=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
