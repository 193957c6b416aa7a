package io.slotline.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetellSignerTest {

    @Test
    void matchesTheWorkedExampleComputedWithRetellsSdk() {
        String header = RetellSigner.signature("key_test", "{\"event\":\"call_started\"}", 1700000000000L);

        assertThat(header)
                .isEqualTo("v=1700000000000,d=a65c1dbdd803b142ecf433784069f7dab8db2038c440e0dfa3d211f36cc90fb9");
    }

    @Test
    void signsTheUtf8BytesOfNonAsciiBodies() {
        String ascii = RetellSigner.signature("key_demo", "{\"service\":\"Farben\"}", 1L);
        String umlaut = RetellSigner.signature("key_demo", "{\"service\":\"Färben\"}", 1L);

        assertThat(umlaut).isNotEqualTo(ascii).matches("v=1,d=[0-9a-f]{64}");
    }
}
