package io.slotline.sim.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Run-time behaviour of the simulator: latency and faults per endpoint group, and the rate limit. Every group is
 * always present (missing ones get no latency and no faults).
 */
public record SimConfig(
        Map<String, LatencyModel> latency, Map<String, FaultSettings> faults, RateLimitSettings rateLimit) {

    public static final String SLOTS = "slots";
    public static final String RESERVATIONS = "reservations";
    public static final String BOOKINGS = "bookings";
    public static final String EVENT_TYPES = "event-types";
    public static final String WEBHOOKS = "webhooks";
    public static final List<String> GROUPS = List.of(SLOTS, RESERVATIONS, BOOKINGS, EVENT_TYPES, WEBHOOKS);

    public SimConfig(
            @Nullable Map<String, LatencyModel> latency,
            @Nullable Map<String, FaultSettings> faults,
            @Nullable RateLimitSettings rateLimit) {
        this.latency = complete(latency, LatencyModel.none());
        this.faults = complete(faults, FaultSettings.none());
        this.rateLimit = rateLimit == null ? RateLimitSettings.defaults() : rateLimit;
    }

    private static <T> Map<String, T> complete(@Nullable Map<String, T> given, T fallback) {
        Map<String, T> all = new LinkedHashMap<>();
        for (String group : GROUPS) {
            T value = given == null ? null : given.get(group);
            all.put(group, value == null ? fallback : value);
        }
        if (given != null) {
            for (String group : given.keySet()) {
                if (!GROUPS.contains(group)) {
                    throw new IllegalArgumentException("unknown endpoint group " + group + " (known: " + GROUPS + ")");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    public static SimConfig defaults() {
        return new SimConfig(null, null, null);
    }

    public LatencyModel latencyOf(String group) {
        // the constructor puts every known group in; an unknown one is a programming error
        return Objects.requireNonNull(latency.get(group), group);
    }

    public FaultSettings faultsOf(String group) {
        return Objects.requireNonNull(faults.get(group), group);
    }

    public SimConfig withLatency(String group, LatencyModel model) {
        Map<String, LatencyModel> copy = new LinkedHashMap<>(latency);
        copy.put(group, model);
        return new SimConfig(copy, faults, rateLimit);
    }

    public SimConfig withFaults(String group, FaultSettings settings) {
        Map<String, FaultSettings> copy = new LinkedHashMap<>(faults);
        copy.put(group, settings);
        return new SimConfig(latency, copy, rateLimit);
    }

    public SimConfig withRateLimit(RateLimitSettings settings) {
        return new SimConfig(latency, faults, settings);
    }
}
