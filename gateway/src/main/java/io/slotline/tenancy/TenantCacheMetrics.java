package io.slotline.tenancy;

import io.slotline.observability.SlotlineMetrics;
import org.springframework.stereotype.Component;

/** {@code slotline_cache_entries{cache="tenants"}}: the directory's cached lookups, which grow with the tenants. */
@Component
class TenantCacheMetrics {

    TenantCacheMetrics(TenantDirectory directory, SlotlineMetrics metrics) {
        metrics.cacheEntries("tenants", directory, TenantDirectory::cachedLookups);
    }
}
