package io.slotline.availability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.CacheEntries;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Meters of the availability cache and of the ringing phone's warm-up (names, tags and descriptions fixed by
 * CONTRACTS.md). Every series with a fixed set of tags exists from startup, so dashboards and alerts see zeros.
 * Public for the warm-up's event-type reads in {@code io.slotline.booking} and for the console's cache hit rate;
 * the availability cache's own recording methods stay package-private.
 */
public class AvailabilityMetrics {

    public static final String AVAILABILITY_CACHE = "slotline.availability.cache";
    public static final String AVAILABILITY_REFRESHES = "slotline.availability.refreshes";
    public static final String AVAILABILITY_COALESCED = "slotline.availability.coalesced";
    public static final String AVAILABILITY_PREFETCHES = "slotline.availability.prefetches";
    public static final String AVAILABILITY_PREFETCHES_DROPPED = "slotline.availability.prefetches.dropped";
    public static final String AVAILABILITY_INVALIDATIONS = "slotline.availability.invalidations";
    public static final String AVAILABILITY_CHANGES = "slotline.availability.changes";
    public static final String WARM_UP_REQUESTS = "slotline.warmup.requests";

    private final MeterRegistry registry;

    public AvailabilityMetrics(MeterRegistry registry) {
        this.registry = registry;
        preRegister();
    }

    private void preRegister() {
        for (String result : List.of("hit", "miss", "stale")) {
            cacheCounter(result);
        }
        Counter.builder(AVAILABILITY_REFRESHES)
                .description("Availability ranges fetched from Cal.com")
                .register(registry);
        Counter.builder(AVAILABILITY_COALESCED)
                .description("Availability lookups that joined an in-flight fetch instead of starting one")
                .register(registry);
        Counter.builder(AVAILABILITY_PREFETCHES)
                .description("Availability ranges fetched ahead of a request")
                .register(registry);
        Counter.builder(AVAILABILITY_PREFETCHES_DROPPED)
                .description("Prefetches not queued because the prefetch queue was full")
                .register(registry);
        for (InvalidationSource source : InvalidationSource.values()) {
            invalidationCounter(source);
        }
        for (boolean applied : new boolean[] {true, false}) {
            changeCounter(applied);
        }
    }

    void cacheHit() {
        cacheCounter("hit").increment();
    }

    void cacheMiss() {
        cacheCounter("miss").increment();
    }

    /** Served from cache although expired, while a refresh runs (stale-while-revalidate). */
    void cacheStale() {
        cacheCounter("stale").increment();
    }

    void refresh() {
        registry.counter(AVAILABILITY_REFRESHES).increment();
    }

    void coalesced() {
        registry.counter(AVAILABILITY_COALESCED).increment();
    }

    void prefetch() {
        registry.counter(AVAILABILITY_PREFETCHES).increment();
    }

    /** A prefetch not queued because the queue was full: that calendar is fetched when a caller asks. */
    void prefetchDropped() {
        registry.counter(AVAILABILITY_PREFETCHES_DROPPED).increment();
    }

    /**
     * Cal.com requests the ringing phone's warm-up made: {@code what} is "slots" (a prefetch; 0 when memory already
     * had the days) or "event_types" (buffers and hosts, read by {@code io.slotline.booking}).
     */
    public void warmUpRequests(String what, int requests) {
        Counter.builder(WARM_UP_REQUESTS)
                .description("Cal.com requests made by the warm-up while the phone rings")
                .tag("what", what)
                .register(registry)
                .increment(requests);
    }

    /** {@code slotline_cache_entries{cache}} of an in-process cache, see {@link CacheEntries}. */
    public <T> void cacheEntries(String cache, T owner, ToDoubleFunction<T> entries) {
        CacheEntries.register(registry, cache, owner, entries);
    }

    void invalidation(InvalidationSource source) {
        invalidationCounter(source).increment();
    }

    /** A booking change was applied to the cached days ({@code true}) or some days had to be dropped. */
    void availabilityChange(boolean applied) {
        changeCounter(applied).increment();
    }

    private Counter changeCounter(boolean applied) {
        return Counter.builder(AVAILABILITY_CHANGES)
                .description("Booking changes applied to cached availability, or that dropped days instead")
                .tag("result", applied ? "applied" : "dropped")
                .register(registry);
    }

    private Counter cacheCounter(String result) {
        return Counter.builder(AVAILABILITY_CACHE)
                .description("Availability lookups by cache result")
                .tag("result", result)
                .register(registry);
    }

    private Counter invalidationCounter(InvalidationSource source) {
        return Counter.builder(AVAILABILITY_INVALIDATIONS)
                .description("Cached availability ranges dropped")
                .tag("source", source.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
