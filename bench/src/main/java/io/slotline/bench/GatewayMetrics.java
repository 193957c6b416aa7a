package io.slotline.bench;

import io.slotline.bench.report.CacheStats;
import io.slotline.bench.sut.PrometheusText;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** What a run reads from the gateway's Prometheus scrapes before and after it: counters' growth. */
final class GatewayMetrics {

    private GatewayMetrics() {}

    static CacheStats cacheStats(Optional<String> before, Optional<String> after) {
        if (after.isEmpty()) {
            return CacheStats.unavailable();
        }
        String b = before.orElse("");
        return CacheStats.of(
                delta(b, after.get(), "slotline_availability_cache_total", Map.of("result", "hit")),
                delta(b, after.get(), "slotline_availability_cache_total", Map.of("result", "miss")),
                delta(b, after.get(), "slotline_availability_cache_total", Map.of("result", "stale")),
                delta(b, after.get(), "slotline_availability_coalesced_total", Map.of()));
    }

    /** A counter's growth between the two scrapes; null when the later scrape does not have it. */
    static @Nullable Double delta(String before, String after, String metric, Map<String, String> labels) {
        OptionalDouble now = PrometheusText.sum(after, metric, labels);
        if (now.isEmpty()) {
            return null;
        }
        return now.getAsDouble() - PrometheusText.sum(before, metric, labels).orElse(0);
    }
}
