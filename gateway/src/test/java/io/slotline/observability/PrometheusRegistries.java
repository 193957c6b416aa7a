package io.slotline.observability;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** For the features' meter tests: a Prometheus registry laid out like the gateway's (histogram buckets). */
public final class PrometheusRegistries {

    private PrometheusRegistries() {}

    public static PrometheusMeterRegistry withSlotlineDistributions(MockClock clock) {
        PrometheusMeterRegistry registry =
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
        registry.config().meterFilter(SlotlineMeterFilters.distributions());
        return registry;
    }
}
