package io.slotline.sim;

import io.slotline.sim.config.FaultSettings;
import io.slotline.sim.config.LatencyModel;
import io.slotline.sim.config.RateLimitSettings;
import io.slotline.sim.config.SimConfig;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Start-up settings of the standalone simulator under {@code calcom-sim.*} (calcom-sim.yml, command line,
 * environment). Bound explicitly with a Binder, not through {@code @ConfigurationProperties}, so an application that
 * embeds the simulator and scans {@code io.slotline} does not pick it up.
 */
record SimProperties(
        @Nullable String scenario,
        @Nullable Instant fixedNow,
        @Nullable Long seed,
        @Nullable Map<String, LatencyModel> latency,
        @Nullable Map<String, FaultSettings> faults,
        @Nullable RateLimitSettings rateLimit) {

    SimOptions toOptions(int port) {
        return new SimOptions(
                port,
                scenario == null ? "demo" : scenario,
                fixedNow,
                new SimConfig(latency, faults, rateLimit),
                seed == null ? 42L : seed);
    }
}
