package io.slotline.calcom;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.AccountTags;
import io.slotline.observability.MetricsProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CalcomProperties.class, MetricsProperties.class})
class CalcomConfiguration {

    @Bean
    HttpCalcomClient httpCalcomClient(
            CalcomProperties properties,
            MeterRegistry meterRegistry,
            ObjectProvider<Clock> clock,
            MetricsProperties metrics) {
        return new HttpCalcomClient(
                properties, meterRegistry, clock.getIfAvailable(Clock::systemUTC), AccountTags.of(metrics));
    }
}
