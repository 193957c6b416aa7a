package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CalcomWebhookSignatureTest {

    private static final String SECRET = "whsec_demo_salon";
    private static final byte[] BODY = """
            {"triggerEvent":"BOOKING_CREATED","createdAt":"2024-01-01T00:00:00.000Z","payload":{"uid":"u1"}}""".getBytes(StandardCharsets.UTF_8);

    /** Computed independently of the production code: javax.crypto plus hand-rolled lowercase hex. */
    private static String independentSignature(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    @Test
    void acceptsTheSignatureCalcomComputes() throws Exception {
        String header = independentSignature(BODY, SECRET);

        assertThat(header).hasSize(64).isLowerCase();
        assertThat(CalcomWebhookSignature.verify(BODY, header, SECRET)).isTrue();
        assertThat(CalcomWebhookSignature.sign(BODY, SECRET)).isEqualTo(header);
    }

    @Test
    void matchesThePublishedHmacSha256Vector() {
        // RFC 4231, test case 2
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(CalcomWebhookSignature.sign(data, "Jefe")).isEqualTo(expected);
        assertThat(CalcomWebhookSignature.verify(data, expected, "Jefe")).isTrue();
    }

    @Test
    void rejectsATamperedBody() throws Exception {
        String header = independentSignature(BODY, SECRET);
        byte[] tampered =
                new String(BODY, StandardCharsets.UTF_8).replace("u1", "u2").getBytes(StandardCharsets.UTF_8);

        assertThat(CalcomWebhookSignature.verify(tampered, header, SECRET)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() throws Exception {
        String header = independentSignature(BODY, "whsec_other_tenant");

        assertThat(CalcomWebhookSignature.verify(BODY, header, SECRET)).isFalse();
    }

    @Test
    void rejectsMissingOrMalformedHeaders() throws Exception {
        String valid = independentSignature(BODY, SECRET);

        assertThat(CalcomWebhookSignature.verify(BODY, null, SECRET)).isFalse();
        assertThat(CalcomWebhookSignature.verify(BODY, "", SECRET)).isFalse();
        assertThat(CalcomWebhookSignature.verify(BODY, "no-secret-provided", SECRET))
                .isFalse();
        assertThat(CalcomWebhookSignature.verify(BODY, "sha256=" + valid, SECRET))
                .isFalse();
        assertThat(CalcomWebhookSignature.verify(BODY, valid.substring(0, 63) + "z", SECRET))
                .isFalse();
        assertThat(CalcomWebhookSignature.verify(BODY, valid.substring(0, 62), SECRET))
                .isFalse();
    }

    @Test
    void toleratesSurroundingWhitespaceInTheHeader() throws Exception {
        assertThat(CalcomWebhookSignature.verify(BODY, " " + independentSignature(BODY, SECRET) + "\t", SECRET))
                .isTrue();
    }

    @Test
    void missingSecretIsAConfigurationError() {
        assertThatThrownBy(() -> CalcomWebhookSignature.verify(BODY, "00", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
