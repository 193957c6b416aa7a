package io.slotline.observability;

import io.micrometer.core.instrument.config.MeterFilter;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    static MeterFilter slotlineDistributions() {
        return SlotlineMeterFilters.distributions();
    }

    @Bean
    static MeterFilter slotlineBoundedCircuitBreakers(org.springframework.core.env.Environment environment) {
        // static and read from the environment: meter filters must exist before the registry, hence before beans
        int maxTenants = environment.getProperty(
                "slotline.metrics.max-tenants",
                Integer.class,
                MetricsProperties.defaults().maxTenants());
        return SlotlineMeterFilters.boundedCircuitBreakers(maxTenants);
    }

    /** Replaces Spring Boot's "db" check (same name): the database away is DEGRADED, not DOWN. */
    @Bean
    DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new DatabaseHealthIndicator(dataSource);
    }
}
