package io.slotline.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulatorDataTest {

    @Test
    void statsDeltaPerEndpointAcrossStatuses() {
        SimStats before = SimulatorControl.parseStats(
                "{\"total\":5,\"endpoints\":{\"GET /v2/slots\":{\"200\":4},\"POST /v2/bookings\":{\"201\":1}}}");
        SimStats after = SimulatorControl.parseStats("{\"total\":19,\"endpoints\":{\"GET /v2/slots\":{\"200\":12,"
                + "\"429\":2},\"POST /v2/bookings\":{\"201\":1},\"GET /v2/bookings\":{\"200\":3}}}");

        assertThat(after.total()).isEqualTo(19);
        assertThat(after.requestsSince(before))
                .containsExactly(Map.entry("GET /v2/bookings", 3L), Map.entry("GET /v2/slots", 10L));
    }

    @Test
    void configBodyHasLatencyPerGroupAndFaultsWhenAsked() {
        JsonNode plain = JsonMapper.shared().readTree(SimConfig.defaults().toJson());
        JsonNode faulty = JsonMapper.shared()
                .readTree(SimConfig.defaults().withFaults("error-rate=0.05").toJson());

        assertThat(plain.at("/latency/slots/type").asString()).isEqualTo("lognormal");
        assertThat(plain.at("/latency/slots/medianMs").asLong()).isEqualTo(300);
        assertThat(plain.at("/latency/bookings/p99Ms").asLong()).isEqualTo(2000);
        assertThat(plain.at("/latency/reservations/medianMs").asLong()).isEqualTo(600);
        assertThat(plain.has("faults")).isFalse();
        assertThat(faulty.at("/faults/slots/errorRate").asDouble()).isEqualTo(0.05);
        assertThat(faulty.at("/faults/bookings/errorRate").asDouble()).isEqualTo(0.05);
        assertThat(faulty.at("/faults/reservations/errorRate").asDouble()).isEqualTo(0.05);
    }

    @Test
    void faultsAcceptABareRateOrJson() {
        assertThat(SimConfig.parseFaults("0.1")).containsEntry("errorRate", 0.1);
        assertThat(SimConfig.parseFaults("{\"errorRate\":0.2,\"status\":503}"))
                .containsEntry("errorRate", 0.2)
                .containsEntry("status", 503);
        assertThatThrownBy(() -> SimConfig.parseFaults("error-rate=lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void rawOverrideIsSentAsItIs() {
        String raw = "{\"latency\":{\"slots\":{\"model\":\"fixed\",\"ms\":5}}}";

        assertThat(SimConfig.defaults().withRawOverride(raw).toJson()).isEqualTo(raw);
    }
}
