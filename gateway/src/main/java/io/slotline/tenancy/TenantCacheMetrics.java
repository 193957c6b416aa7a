package io.slotline.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.CacheEntries;
import org.springframework.stereotype.Component;

/** {@code slotline_cache_entries{cache="tenants"}}: the directory's cached lookups, which grow with the tenants. */
@Component
class TenantCacheMetrics {

    TenantCacheMetrics(TenantDirectory directory, MeterRegistry registry) {
        CacheEntries.register(registry, "tenants", directory, TenantDirectory::cachedLookups);
    }
}
