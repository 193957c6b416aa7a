package io.slotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsRunBothModesForAMinuteAfterTenSecondsWarmUp() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.callsPerSecond()).isEqualTo(1.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.timeScale()).isEqualTo(0.1);
        assertThat(options.modes()).containsExactly("naive", "cached");
        assertThat(options.out()).isEqualTo(Path.of("bench-results"));
        assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(48));
        assertThat(options.gatewayLaunch().jar()).isEqualTo(Path.of("gateway/target/slotline-gateway-exec.jar"));
    }

    @Test
    void acceptsBothOptionStylesAndDurationForms() {
        BenchOptions options = BenchOptions.parse(
                "--calls-per-second=2.5",
                "--duration",
                "2m",
                "--warmup=1500ms",
                "--mode",
                "naive",
                "--seed",
                "9",
                "--slots-latency",
                "50,400",
                "--gateway-arg",
                "--a=1",
                "--gateway-arg=--b=2");

        assertThat(options.callsPerSecond()).isEqualTo(2.5);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.modes()).containsExactly("naive");
        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.simConfig().slotsMedianMs()).isEqualTo(50.0);
        assertThat(options.simConfig().bookingsMedianMs()).isEqualTo(600.0);
        assertThat(options.gatewayLaunch().extraArgs()).containsExactly("--a=1", "--b=2");
        assertThat(BenchOptions.duration("x", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(BenchOptions.duration("x", "90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThatThrownBy(() -> BenchOptions.parse("--gateway-url", "http://localhost:8080"))
                .hasMessageContaining("--gateway-url drives one running gateway");
        assertThatThrownBy(() -> BenchOptions.parse("--calls-per-second", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> BenchOptions.parse("--bogus", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchOptions.parse("--seed")).hasMessageContaining("needs a value");
    }
}
