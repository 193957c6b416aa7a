package io.slotline.bench.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cal.com requests the gateway made during the run (simulator stats after minus before), per phone call.
 * Counted over the whole run including warm-up calls, divided by all calls, so that every request made for a call
 * is attributed to it; a cache's cold start is therefore included.
 */
public record UpstreamStats(
        boolean available,
        long calls,
        long total,
        double totalPerCall,
        Map<String, Long> requests,
        Map<String, Double> perCall) {

    public UpstreamStats {
        requests = Collections.unmodifiableMap(new TreeMap<>(requests));
        perCall = Collections.unmodifiableMap(new TreeMap<>(perCall));
    }

    public static UpstreamStats of(Map<String, Long> requests, long calls) {
        Map<String, Double> perCall = new TreeMap<>();
        requests.forEach((endpoint, n) -> perCall.put(endpoint, perCall(n, calls)));
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        return new UpstreamStats(true, calls, total, perCall(total, calls), requests, perCall);
    }

    public static UpstreamStats unavailable() {
        return new UpstreamStats(false, 0, 0, 0, Map.of(), Map.of());
    }

    private static double perCall(long n, long calls) {
        return calls == 0 ? 0 : Math.round(n * 100.0 / calls) / 100.0;
    }
}
