package io.slotline.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long a tenant lookup is served from memory; bounds how stale another instance's admin change
 *                 can be (this instance evicts at once)
 */
@ConfigurationProperties("slotline.tenancy")
record TenancyProperties(@DefaultValue("60s") Duration cacheTtl) {}
