package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What observability itself contributes to the features' meters: histogram buckets and the cache-size gauge. */
class SlotlineMeterFiltersTest {

    private final PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());

    private void expect(String series, double value) {
        assertThat(Scrape.parse(registry.scrape()).value(series)).as(series).isEqualTo(value);
    }

    /** The Cal.com client registers the timer; the buckets of the upstream SLO are this package's filter's. */
    @Test
    void calcomRequestsHaveTheUpstreamSloBuckets() {
        Timer.builder(SlotlineMeterFilters.CALCOM_REQUESTS)
                .tag("account", "all")
                .tag("endpoint", "slots")
                .tag("status", "200")
                .register(registry)
                .record(Duration.ofMillis(300));

        String bucket =
                "slotline_calcom_requests_seconds_bucket{account=\"all\",endpoint=\"slots\",status=\"200\",le=\"%s\"}";
        expect(bucket.formatted("0.25"), 0);
        expect(bucket.formatted("0.5"), 1);
        expect(bucket.formatted("1.0"), 1);
        expect(bucket.formatted("1.5"), 1);
        expect(bucket.formatted("2.5"), 1);
        expect(bucket.formatted("5.0"), 1);
        expect(bucket.formatted("+Inf"), 1);
    }

    @Test
    void cacheEntriesAreReadAtEachScrape() {
        List<String> tenants = new CopyOnWriteArrayList<>(List.of("a", "b"));
        CacheEntries.register(registry, "tenants", tenants, List::size);

        expect("slotline_cache_entries{cache=\"tenants\"}", 2.0);
        tenants.add("c");
        expect("slotline_cache_entries{cache=\"tenants\"}", 3.0);
    }
}
