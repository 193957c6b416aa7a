package io.slotline.retell;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.retell.RetellSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetellSignatureTest {

    private static final byte[] BODY = "{\"event\":\"call_started\"}".getBytes(StandardCharsets.UTF_8);
    private static final long TS = 1_700_000_000_000L;
    // Worked example from Retell's SDK (shared/reference/retell.md).
    private static final String SDK_VECTOR =
            "v=1700000000000,d=a65c1dbdd803b142ecf433784069f7dab8db2038c440e0dfa3d211f36cc90fb9";

    private final RetellSignature atSigningTime =
            new RetellSignature(Clock.fixed(Instant.ofEpochMilli(TS + 1_000), ZoneOffset.UTC));

    @Test
    void signMatchesRetellSdkVector() {
        assertThat(RetellSignature.sign(BODY, "key_test", TS)).isEqualTo(SDK_VECTOR);
    }

    @Test
    void acceptsSdkVectorWithMatchingKey() {
        assertThat(atSigningTime.verify(BODY, SDK_VECTOR, List.of("other", "key_test")))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "{\"event\":\"call_ended\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(atSigningTime.verify(tampered, SDK_VECTOR, List.of("key_test")))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsWrongKey() {
        assertThat(atSigningTime.verify(BODY, SDK_VECTOR, List.of("key_demo"))).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsStaleTimestampBothWays() {
        var sixMinutesLater = new RetellSignature(Clock.fixed(Instant.ofEpochMilli(TS + 360_000), ZoneOffset.UTC));
        var sixMinutesEarlier = new RetellSignature(Clock.fixed(Instant.ofEpochMilli(TS - 360_000), ZoneOffset.UTC));
        assertThat(sixMinutesLater.verify(BODY, SDK_VECTOR, List.of("key_test")))
                .isEqualTo(Verdict.STALE);
        assertThat(sixMinutesEarlier.verify(BODY, SDK_VECTOR, List.of("key_test")))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void acceptsUppercaseHexAsRetellsRegexIsCaseInsensitive() {
        assertThat(atSigningTime.verify(BODY, SDK_VECTOR.toUpperCase().replace("V=", "v="), List.of("key_test")))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void classifiesMissingAndMalformedHeaders() {
        assertThat(atSigningTime.verify(BODY, null, List.of("key_test"))).isEqualTo(Verdict.MISSING);
        assertThat(atSigningTime.verify(BODY, " ", List.of("key_test"))).isEqualTo(Verdict.MISSING);
        assertThat(atSigningTime.verify(BODY, "v=abc,d=00", List.of("key_test")))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(atSigningTime.verify(BODY, "sha256=" + "0".repeat(64), List.of("key_test")))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void verifiesNonAsciiBodiesOverRawBytes() {
        byte[] body = "{\"transcript\":\"Grüß Gott, Färben am Dienstag\"}".getBytes(StandardCharsets.UTF_8);
        String header = RetellSignature.sign(body, "key_demo", TS);
        assertThat(atSigningTime.verify(body, header, List.of("key_demo"))).isEqualTo(Verdict.VALID);
    }
}
