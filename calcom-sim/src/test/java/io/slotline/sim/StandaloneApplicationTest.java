package io.slotline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StandaloneApplicationTest {

    @Test
    void theStandaloneServerReadsCalcomSimYmlAndCommandLineProperties() {
        try (CalcomSimulator sim = CalcomSimulator.startStandalone(new String[] {
            "--server.port=0",
            "--calcom-sim.fixed-now=2026-03-25T08:00:00Z",
            "--calcom-sim.rate-limit.limit=7",
            "--calcom-sim.faults.bookings.error-rate=0.5"
        })) {
            SimHttp http = new SimHttp(sim.baseUrl());

            JsonNode config = http.get("/_sim/config").json();
            JsonNode info = http.get("/_sim").json();

            assertThat(config.at("/latency/slots/type").asString()).isEqualTo("lognormal");
            assertThat(config.at("/latency/slots/medianMs").asLong()).isEqualTo(350);
            assertThat(config.at("/latency/webhooks/ms").asLong()).isEqualTo(50);
            assertThat(config.at("/rateLimit/limit").asInt()).isEqualTo(7);
            assertThat(config.at("/faults/bookings/errorRate").asDouble()).isEqualTo(0.5);
            assertThat(config.at("/faults/bookings/timeoutMs").asLong()).isEqualTo(30000);
            assertThat(info.get("scenario").asString()).isEqualTo("demo");
            assertThat(info.at("/clock/now").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
            assertThat(info.get("apiKeys")).extracting(JsonNode::asString).containsExactly("cal_demo", "cal_other");
        }
    }
}
