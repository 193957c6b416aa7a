package io.slotline.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slotline.observability.PrometheusRegistries;
import io.slotline.observability.Scrape;
import org.junit.jupiter.api.Test;

class AvailabilityMetricsTest {

    private final PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());
    private final AvailabilityMetrics metrics = new AvailabilityMetrics(registry);

    private void expect(String series, double value) {
        assertThat(Scrape.parse(registry.scrape()).value(series)).as(series).isEqualTo(value);
    }

    @Test
    void cacheRefreshCoalescingPrefetchAndInvalidationsAreCounted() {
        metrics.cacheHit();
        metrics.cacheHit();
        metrics.cacheMiss();
        metrics.cacheStale();
        metrics.refresh();
        metrics.coalesced();
        metrics.coalesced();
        metrics.coalesced();
        metrics.prefetch();
        metrics.invalidation(InvalidationSource.OWN_BOOKING);
        metrics.invalidation(InvalidationSource.WEBHOOK);

        expect("slotline_availability_cache_total{result=\"hit\"}", 2.0);
        expect("slotline_availability_cache_total{result=\"miss\"}", 1.0);
        expect("slotline_availability_cache_total{result=\"stale\"}", 1.0);
        expect("slotline_availability_refreshes_total", 1.0);
        expect("slotline_availability_coalesced_total", 3.0);
        expect("slotline_availability_prefetches_total", 1.0);
        expect("slotline_availability_invalidations_total{source=\"own_booking\"}", 1.0);
        expect("slotline_availability_invalidations_total{source=\"webhook\"}", 1.0);
        expect("slotline_availability_invalidations_total{source=\"ttl\"}", 0.0);
    }

    @Test
    void droppedPrefetchesChangesAndWarmUpRequestsAreCountedFromZero() {
        expect("slotline_availability_prefetches_dropped_total", 0.0);
        expect("slotline_availability_changes_total{result=\"applied\"}", 0.0);
        expect("slotline_availability_changes_total{result=\"dropped\"}", 0.0);

        metrics.prefetchDropped();
        metrics.availabilityChange(true);
        metrics.availabilityChange(false);
        metrics.availabilityChange(false);
        metrics.warmUpRequests("slots", 3);
        metrics.warmUpRequests("event_types", 1);

        expect("slotline_availability_prefetches_dropped_total", 1.0);
        expect("slotline_availability_changes_total{result=\"applied\"}", 1.0);
        expect("slotline_availability_changes_total{result=\"dropped\"}", 2.0);
        expect("slotline_warmup_requests_total{what=\"slots\"}", 3.0);
        expect("slotline_warmup_requests_total{what=\"event_types\"}", 1.0);
    }
}
