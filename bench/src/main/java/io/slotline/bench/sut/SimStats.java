package io.slotline.bench.sut;

import java.util.Map;
import java.util.TreeMap;

/** Upstream requests the simulator served, by endpoint ("GET /v2/slots") and HTTP status. */
public record SimStats(long total, Map<String, Map<String, Long>> endpoints) {

    public SimStats {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        endpoints.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        endpoints = java.util.Collections.unmodifiableMap(copy);
    }

    public static SimStats empty() {
        return new SimStats(0, Map.of());
    }

    /** Requests per endpoint in this snapshot minus {@code before}, all statuses together. */
    public Map<String, Long> requestsSince(SimStats before) {
        Map<String, Long> delta = new TreeMap<>();
        endpoints.forEach((endpoint, statuses) -> {
            long now = statuses.values().stream().mapToLong(Long::longValue).sum();
            long then = before.endpoints().getOrDefault(endpoint, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            if (now - then > 0) {
                delta.put(endpoint, now - then);
            }
        });
        return delta;
    }
}
