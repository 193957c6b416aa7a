package io.slotline.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * {@code slotline_cache_entries{cache}} (name and tag fixed by CONTRACTS.md): one gauge shared by every feature
 * that keeps an in-process cache, so a single panel shows what grows with the number of businesses and what the
 * size limits evict. Each feature registers its own caches.
 */
public final class CacheEntries {

    public static final String NAME = "slotline.cache.entries";

    private CacheEntries() {}

    /**
     * Entries an in-process cache holds (read at each scrape): {@code cache} is e.g. "availability_days" or
     * "tenants".
     */
    public static <T> void register(MeterRegistry registry, String cache, T owner, ToDoubleFunction<T> entries) {
        Gauge.builder(NAME, owner, entries)
                .description("Entries in an in-process cache")
                .tag("cache", cache)
                .register(registry);
    }
}
