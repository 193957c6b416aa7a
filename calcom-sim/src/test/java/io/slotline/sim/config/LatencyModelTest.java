package io.slotline.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    @Test
    void fixedModelAlwaysGivesItsDelay() {
        LatencyModel fixed = LatencyModel.fixed(250);
        Random random = new Random(1);

        assertThat(fixed.sampleMillis(random)).isEqualTo(250);
        assertThat(fixed.sampleMillis(random)).isEqualTo(250);
        assertThat(fixed.sigma()).isZero();
    }

    @Test
    void noneModelHasNoDelay() {
        assertThat(LatencyModel.none().sampleMillis(new Random(1))).isZero();
    }

    @Test
    void logNormalParametersComeFromMedianAndP99() {
        LatencyModel model = LatencyModel.logNormal(300, 2000);

        assertThat(model.mu()).isCloseTo(Math.log(300), within(1e-12));
        assertThat(model.sigma()).isCloseTo(Math.log(2000.0 / 300) / 2.326, within(1e-12));
    }

    @Test
    void logNormalSamplesHaveTheConfiguredMedianAndP99() {
        LatencyModel model = LatencyModel.logNormal(300, 2000);
        Random random = new Random(42);
        long[] samples = new long[50_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = model.sampleMillis(random);
        }
        Arrays.sort(samples);

        assertThat((double) samples[samples.length / 2]).isCloseTo(300, within(12.0));
        assertThat((double) samples[(int) (samples.length * 0.99)]).isCloseTo(2000, within(150.0));
    }

    @Test
    void invalidModelsAreRejected() {
        assertThatThrownBy(() -> LatencyModel.logNormal(500, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyModel.fixed(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyModel("gamma", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configHasEveryGroupAndRejectsUnknownOnes() {
        SimConfig config = SimConfig.defaults().withLatency(SimConfig.SLOTS, LatencyModel.fixed(10));

        assertThat(config.latency()).containsOnlyKeys(SimConfig.GROUPS);
        assertThat(config.latencyOf(SimConfig.SLOTS)).isEqualTo(LatencyModel.fixed(10));
        assertThat(config.faultsOf(SimConfig.BOOKINGS)).isEqualTo(FaultSettings.none());
        assertThatThrownBy(() -> new SimConfig(java.util.Map.of("slotz", LatencyModel.none()), null, null))
                .hasMessageContaining("unknown endpoint group slotz");
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
