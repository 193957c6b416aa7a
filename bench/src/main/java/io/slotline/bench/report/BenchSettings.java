package io.slotline.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What was asked for, echoed in the report so a result can be reproduced. */
public record BenchSettings(
        String startedAt,
        String modes,
        double callsPerSecond,
        double durationSeconds,
        double warmupSeconds,
        double timeScale,
        long seed,
        double requestTimeoutSeconds,
        Map<String, Double> mix,
        String simulatorConfig) {

    public BenchSettings {
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
    }
}
