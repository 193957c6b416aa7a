package io.slotline.availability;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The availability layer's counters (names fixed in CONTRACTS.md). Kept in one place so that it can delegate to the
 * observability facade once that exists.
 */
final class AvailabilityMetrics {

    private final Counter hit;
    private final Counter miss;
    private final Counter stale;
    private final Counter refreshes;
    private final Counter coalesced;
    private final Counter prefetches;
    private final Map<InvalidationSource, Counter> invalidations = new EnumMap<>(InvalidationSource.class);

    AvailabilityMetrics(MeterRegistry registry) {
        hit = cache(registry, "hit");
        miss = cache(registry, "miss");
        stale = cache(registry, "stale");
        refreshes = Counter.builder("slotline.availability.refreshes")
                .description("Background refreshes of stale availability ranges").register(registry);
        coalesced = Counter.builder("slotline.availability.coalesced")
                .description("Requests that waited for a load another request had started").register(registry);
        prefetches = Counter.builder("slotline.availability.prefetches")
                .description("Calendars warmed ahead of a caller's questions").register(registry);
        for (InvalidationSource source : InvalidationSource.values()) {
            invalidations.put(source, Counter.builder("slotline.availability.invalidations")
                    .description("Availability days dropped before their time")
                    .tag("source", source.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    private static Counter cache(MeterRegistry registry, String result) {
        return Counter.builder("slotline.availability.cache")
                .description("Availability requests by how the cache answered them")
                .tag("result", result)
                .register(registry);
    }

    void cacheHit() {
        hit.increment();
    }

    void cacheMiss() {
        miss.increment();
    }

    void cacheStale() {
        stale.increment();
    }

    void refresh() {
        refreshes.increment();
    }

    void coalesced() {
        coalesced.increment();
    }

    void prefetch() {
        prefetches.increment();
    }

    void invalidation(InvalidationSource source) {
        invalidations.get(source).increment();
    }
}
