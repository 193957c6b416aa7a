package io.slotline.availability;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.calcom.CalcomApi;
import io.slotline.redis.RedisGuard;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Chooses the {@link AvailabilityService} by {@code slotline.availability.mode} and its store by {@code .store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AvailabilityProperties.class)
class AvailabilityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityConfiguration.class);

    @Bean
    AvailabilityMetrics availabilityMetrics(MeterRegistry registry) {
        return new AvailabilityMetrics(registry);
    }

    /** Through the resilient decorator (the primary {@link CalcomApi}): breaker, budget and retry apply. */
    @Bean
    SlotsFetcher slotsFetcher(CalcomApi calcom, ObjectProvider<EventTypeShapes> shapes) {
        return new SlotsFetcher(calcom, shapes.getIfAvailable(() -> EventTypeShapes.NONE));
    }

    @Bean
    Prefetcher prefetcher(
            AvailabilityService availability,
            AvailabilityProperties properties,
            AvailabilityMetrics metrics,
            ObjectProvider<Clock> clock) {
        return new Prefetcher(availability, properties.prefetch(), metrics, clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "slotline.availability.mode", havingValue = "naive")
    static class Naive {

        @Bean
        NaiveAvailability naiveAvailability(SlotsFetcher fetcher, ObjectProvider<Clock> clock) {
            return new NaiveAvailability(fetcher, clock.getIfAvailable(Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "slotline.availability.mode", havingValue = "cached", matchIfMissing = true)
    static class Cached {

        @Bean
        CachedAvailability cachedAvailability(
                AvailabilityProperties properties,
                SharedDays sharedDays,
                AvailabilityMetrics metrics,
                ObjectProvider<EventTypeShapes> shapes,
                ObjectProvider<Clock> clock) {
            return new CachedAvailability(
                    properties,
                    sharedDays,
                    metrics,
                    shapes.getIfAvailable(() -> EventTypeShapes.NONE),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnProperty(name = "slotline.availability.store", havingValue = "memory", matchIfMissing = true)
        SharedDays localDays(SlotsFetcher fetcher) {
            return new LocalDays(fetcher);
        }

        @Bean
        @ConditionalOnProperty(name = "slotline.availability.store", havingValue = "redis")
        SharedDays redisDays(
                RedisConnectionFactory connections,
                SlotsFetcher fetcher,
                AvailabilityProperties properties,
                RedisGuard guard,
                ObjectProvider<Clock> clock,
                @Value("${slotline.redis.enabled:false}") boolean redisEnabled) {
            if (!redisEnabled) {
                log.warn("slotline.availability.store=redis but slotline.redis.enabled is false: Redis is used, "
                        + "but its health is not part of readiness");
            }
            return new RedisDays(connections, fetcher, properties, guard, clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
