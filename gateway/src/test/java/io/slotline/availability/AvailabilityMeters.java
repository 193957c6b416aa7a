package io.slotline.availability;

import io.micrometer.core.instrument.MeterRegistry;

/** For tests of what operations read: gives the availability cache's meters their series. */
public final class AvailabilityMeters {

    private AvailabilityMeters() {}

    public static void exercise(MeterRegistry registry) {
        AvailabilityMetrics metrics = new AvailabilityMetrics(registry);
        metrics.cacheHit();
        metrics.cacheMiss();
        metrics.cacheStale();
        metrics.refresh();
        metrics.coalesced();
        metrics.prefetch();
        metrics.invalidation(InvalidationSource.WEBHOOK);
    }
}
