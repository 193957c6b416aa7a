package io.slotline.calcom;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Everyone injecting {@link CalcomApi} gets the resilient decorator; the raw {@link HttpCalcomClient} stays a bean
 * of its own type for the decorator (and for tests that want the wire).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalcomResilienceProperties.class)
class CalcomResilienceConfiguration {

    /** One breaker per Cal.com account, created on first use; observability binds its metrics to this registry. */
    @Bean
    CircuitBreakerRegistry calcomCircuitBreakers(CalcomResilienceProperties properties, ObjectProvider<Clock> clock) {
        return CircuitBreakerRegistry.of(
                ResilientCalcomApi.breakerConfig(properties.breaker(), clock.getIfAvailable(Clock::systemUTC)));
    }

    @Bean
    @Primary
    ResilientCalcomApi resilientCalcomApi(HttpCalcomClient httpCalcomClient, CircuitBreakerRegistry calcomCircuitBreakers,
            CalcomResilienceProperties properties, ObjectProvider<Clock> clock) {
        return new ResilientCalcomApi(httpCalcomClient, calcomCircuitBreakers, properties,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
