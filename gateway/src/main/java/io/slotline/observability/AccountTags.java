package io.slotline.observability;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code account} tag of Cal.com's meters: the company slug with {@code slotline.metrics.tenant-tags=true}
 * (beyond {@code max-tenants} distinct slugs "other", so a misconfiguration cannot explode the series count), else
 * {@link #ALL} for every company.
 */
public final class AccountTags {

    public static final String ALL = "all";

    private final @Nullable BoundedTagValues slugs;

    private AccountTags(@Nullable BoundedTagValues slugs) {
        this.slugs = slugs;
    }

    public static AccountTags of(MetricsProperties properties) {
        return new AccountTags(
                properties.tenantTags() ? new BoundedTagValues(Set.of(), properties.maxTenants(), "unknown") : null);
    }

    /** Whether each company gets its own series (else they share {@link #ALL}). */
    public boolean perTenant() {
        return slugs != null;
    }

    public String tag(@Nullable String company) {
        return slugs == null ? ALL : slugs.tag(company);
    }
}
