package io.slotline.calcom;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.redis.RedisGuard;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Everyone injecting {@link CalcomApi} gets the resilient decorator; the raw {@link HttpCalcomClient} stays a bean
 * of its own type for the decorator (and for tests that want the wire).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalcomResilienceProperties.class)
class CalcomResilienceConfiguration {

    /** One breaker per Cal.com account, created on first use; {@link CircuitBreakerMetrics} publishes them. */
    @Bean
    CircuitBreakerRegistry calcomCircuitBreakers(CalcomResilienceProperties properties, ObjectProvider<Clock> clock) {
        return CircuitBreakerRegistry.of(
                ResilientCalcomApi.breakerConfig(properties.breaker(), clock.getIfAvailable(Clock::systemUTC)));
    }

    /** The breakers' meters and the "calcom" health (the breakers are this package's, so are their meters). */
    @Bean
    CircuitBreakerMetrics calcomCircuitBreakerMetrics(
            MeterRegistry registry, CircuitBreakerRegistry calcomCircuitBreakers) {
        CircuitBreakerMetrics metrics = new CircuitBreakerMetrics(registry);
        metrics.bindCircuitBreakers(calcomCircuitBreakers);
        return metrics;
    }

    @Bean
    @Primary
    ResilientCalcomApi resilientCalcomApi(
            HttpCalcomClient httpCalcomClient,
            CircuitBreakerRegistry calcomCircuitBreakers,
            CalcomResilienceProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<RedisConnectionFactory> redis,
            ObjectProvider<RedisGuard> redisGuard,
            @Value("${slotline.redis.prefix:slotline}") String prefix) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        SharedRequestBudget shared = null;
        if (properties.budget().shared()) {
            RedisConnectionFactory connections = redis.getIfAvailable();
            if (!(connections instanceof LettuceConnectionFactory lettuce)) {
                throw new IllegalStateException("slotline.calcom.resilience.budget.shared=true needs Redis through "
                        + "Lettuce (spring.data.redis.*)");
            }
            shared = SharedRequestBudget.overRedis(
                    () -> (RedisClient) lettuce.getNativeClient(),
                    properties.budget(),
                    prefix,
                    redisGuard.getObject(),
                    time);
        }
        return new ResilientCalcomApi(httpCalcomClient, calcomCircuitBreakers, properties, time, shared);
    }
}
