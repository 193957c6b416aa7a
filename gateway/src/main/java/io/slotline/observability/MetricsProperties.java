package io.slotline.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tenantTags tag Cal.com metrics with the company slug instead of "all"; off by default because every
 *     tenant multiplies the series count
 * @param maxTenants slugs beyond this many distinct ones are reported as "other", so a misconfiguration cannot
 *     explode the series count
 */
@ConfigurationProperties("slotline.metrics")
public record MetricsProperties(
        @DefaultValue("false") boolean tenantTags,
        @DefaultValue("50") int maxTenants) {

    public MetricsProperties {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("slotline.metrics.max-tenants must be at least 1, was " + maxTenants);
        }
    }

    public static MetricsProperties defaults() {
        return new MetricsProperties(false, 50);
    }
}
