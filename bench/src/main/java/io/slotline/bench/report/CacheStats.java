package io.slotline.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * The gateway's availability cache over the run, from slotline_availability_cache_total{result} and
 * slotline_availability_coalesced_total; null where the gateway does not export the counter.
 */
public record CacheStats(
        @Nullable Double hits,
        @Nullable Double misses,
        @Nullable Double stale,
        @Nullable Double coalesced,
        @Nullable Double hitRate) {

    public static CacheStats of(
            @Nullable Double hits, @Nullable Double misses, @Nullable Double stale, @Nullable Double coalesced) {
        Double hitRate = null;
        if (hits != null || misses != null || stale != null) {
            double served = nz(hits) + nz(stale);
            double total = served + nz(misses);
            hitRate = total == 0 ? null : served / total;
        }
        return new CacheStats(hits, misses, stale, coalesced, hitRate);
    }

    public static CacheStats unavailable() {
        return new CacheStats(null, null, null, null, null);
    }

    private static double nz(@Nullable Double v) {
        return v == null ? 0 : v;
    }
}
