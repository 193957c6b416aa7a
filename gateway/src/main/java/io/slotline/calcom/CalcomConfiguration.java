package io.slotline.calcom;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalcomProperties.class)
class CalcomConfiguration {

    @Bean
    HttpCalcomClient httpCalcomClient(CalcomProperties properties, MeterRegistry meterRegistry,
            ObjectProvider<Clock> clock, @Value("${slotline.metrics.tenant-tags:true}") boolean tenantTags) {
        return new HttpCalcomClient(properties, meterRegistry, clock.getIfAvailable(Clock::systemUTC), tenantTags);
    }
}
