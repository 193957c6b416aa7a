package io.slotline.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.FakeCalcom;
import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisProperties;
import io.slotline.support.RequiresRedis;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

class AvailabilityConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AvailabilityConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(CalcomApi.class, () -> new FakeCalcom(Clock.systemUTC()));

    @Test
    void cachedInMemoryByDefault() {
        context.run(app -> {
            assertThat(app).hasSingleBean(AvailabilityService.class);
            assertThat(app.getBean(AvailabilityService.class)).isInstanceOf(CachedAvailability.class);
            assertThat(app.getBean(SharedDays.class)).isInstanceOf(LocalDays.class);
            assertThat(app).hasSingleBean(Prefetcher.class);
            assertThat(app.getBean(AvailabilityProperties.class).freshFor()).isEqualTo(Duration.ofSeconds(300));
        });
    }

    @Test
    void naiveModeIsTheBaselineWithoutCache() {
        context.withPropertyValues("slotline.availability.mode=naive").run(app -> {
            assertThat(app.getBean(AvailabilityService.class)).isInstanceOf(NaiveAvailability.class);
            assertThat(app).doesNotHaveBean(SharedDays.class);
        });
    }

    @Test
    void settingsBind() {
        context.withPropertyValues(
                        "slotline.availability.fresh-for=60s",
                        "slotline.availability.hard-expiry=10m",
                        "slotline.availability.prefetch.concurrency=3")
                .run(app -> {
                    AvailabilityProperties properties = app.getBean(AvailabilityProperties.class);
                    assertThat(properties.freshFor()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.hardExpiry()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(properties.prefetch().concurrency()).isEqualTo(3);
                    assertThat(properties.prefetch().staffCalendars())
                            .as("by default every ring warms the stylists' calendars too")
                            .isEqualTo(AvailabilityProperties.Prefetch.StaffCalendars.ALWAYS);
                });
        context.withPropertyValues("slotline.availability.prefetch.staff-calendars=when-active")
                .run(app -> assertThat(app.getBean(AvailabilityProperties.class)
                                .prefetch()
                                .staffCalendars())
                        .isEqualTo(AvailabilityProperties.Prefetch.StaffCalendars.WHEN_ACTIVE));
    }

    @Test
    void inconsistentLifetimesFailAtStartup() {
        context.withPropertyValues("slotline.availability.fresh-for=1h", "slotline.availability.hard-expiry=10m")
                .run(app -> assertThat(app).hasFailed());
    }

    @Test
    @RequiresRedis
    void redisStoreSharesThroughRedis() {
        context.withPropertyValues("slotline.availability.store=redis", "slotline.redis.enabled=true")
                .withBean(RedisConnectionFactory.class, () -> RedisTestSupport.connections(RedisTestSupport.PORT))
                .withBean(
                        RedisGuard.class,
                        () -> new RedisGuard(RedisProperties.Breaker.defaults(), () -> true, Clock.systemUTC()))
                .run(app -> assertThat(app.getBean(SharedDays.class)).isInstanceOf(RedisDays.class));
    }
}
