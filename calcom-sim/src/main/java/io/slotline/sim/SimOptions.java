package io.slotline.sim;

import io.slotline.sim.config.SimConfig;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How to start an embedded simulator.
 *
 * @param port HTTP port, 0 for a random free one
 * @param scenario built-in data set: "demo" (CONTRACTS.md tenants cal_demo and cal_other) or "empty"
 * @param fixedNow freeze the simulator clock at this instant; null runs on real time
 * @param config latency, faults and rate limit (changeable later through {@code POST /_sim/config})
 * @param seed seed for latency sampling, fault rolls and generated ids
 */
public record SimOptions(
        int port, String scenario, @Nullable Instant fixedNow, SimConfig config, long seed) {

    public static SimOptions defaults() {
        return new SimOptions(0, "demo", null, SimConfig.defaults(), 42L);
    }

    public SimOptions withPort(int newPort) {
        return new SimOptions(newPort, scenario, fixedNow, config, seed);
    }

    public SimOptions withScenario(String newScenario) {
        return new SimOptions(port, newScenario, fixedNow, config, seed);
    }

    public SimOptions withFixedNow(@Nullable Instant now) {
        return new SimOptions(port, scenario, now, config, seed);
    }

    public SimOptions withConfig(SimConfig newConfig) {
        return new SimOptions(port, scenario, fixedNow, newConfig, seed);
    }

    public SimOptions withSeed(long newSeed) {
        return new SimOptions(port, scenario, fixedNow, config, newSeed);
    }
}
