package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisProperties;
import io.slotline.support.MutableClock;
import io.slotline.support.RequiredServices;
import io.slotline.support.RequiresRedis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Two gateway instances (each its own Redis client and its own local budget) share one Cal.com budget per account
 * in the real Redis, so that together they stay under Cal.com's per-key limit.
 */
@RequiresRedis
class SharedRequestBudgetTest {

    private static final CalcomAccount ACCOUNT = new CalcomAccount("demo-salon", "cal_demo");
    private static final SlotsQuery QUERY = SlotsQuery.forLocalDays(
            EventTypeRef.id(1001), LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 4), ZoneId.of("Europe/Berlin"));
    /** 20 per minute, 30% (6) kept for live calls. */
    private static final CalcomResilienceProperties PROPERTIES = new CalcomResilienceProperties(
            CalcomResilienceProperties.defaults().breaker(),
            new CalcomResilienceProperties.Budget(20, Duration.ofSeconds(60), 30, 10, true),
            new CalcomResilienceProperties.Retry(false, Duration.ofMillis(1500)));

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T07:00:00Z"));
    private final FakeCalcom calcom = new FakeCalcom(clock);
    private final String prefix = "slotline-test-" + UUID.randomUUID();
    private final List<RedisClient> clients = new ArrayList<>();
    private final List<RedisGuard> guards = new ArrayList<>();

    @AfterEach
    void close() {
        guards.forEach(RedisGuard::close);
        clients.forEach(RedisClient::shutdown);
    }

    @Test
    void twoInstancesTogetherStartNoMoreRequestsThanTheSharedBudget() {
        ResilientCalcomApi first = instance(RequiredServices.REDIS_PORT);
        ResilientCalcomApi second = instance(RequiredServices.REDIS_PORT);

        int passed = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            try {
                (i % 2 == 0 ? first : second).slots(ACCOUNT, QUERY);
                passed++;
            } catch (CalcomException.RateLimited notSent) {
                assertThat(notSent.getMessage()).contains("shared reserve for bookings");
                refused++;
            }
        }

        // reads stop at the shared change reserve (2 of 20): bookings on either instance still get through
        assertThat(passed).isEqualTo(18);
        assertThat(refused).isEqualTo(12);
        assertThat(calcom.slotsCalls()).isEqualTo(18);
        assertThatThrownBy(() -> second.cancel(ACCOUNT, "uid_1", null)).isInstanceOf(CalcomException.NotFound.class);
        assertThatThrownBy(() -> first.cancel(ACCOUNT, "uid_2", null)).isInstanceOf(CalcomException.NotFound.class);
        assertThatThrownBy(() -> first.cancel(ACCOUNT, "uid_3", null))
                .isInstanceOfSatisfying(
                        CalcomException.RateLimited.class,
                        notSent -> assertThat(notSent.getMessage()).contains("budget all instances share"));
        assertThat(first.budgetUsed("demo-salon") + second.budgetUsed("demo-salon"))
                .as("each instance's own budget counts only the requests it sent")
                .isEqualTo(20);
        clock.advance(Duration.ofSeconds(60));
        first.slots(ACCOUNT, QUERY);
        assertThat(calcom.slotsCalls()).as("the shared budget refills").isEqualTo(19);
    }

    @Test
    void backgroundWorkOnOneInstanceLeavesTheSharedReserveToLiveCallsOnAnother() {
        ResilientCalcomApi prefetching = instance(RequiredServices.REDIS_PORT);
        ResilientCalcomApi answering = instance(RequiredServices.REDIS_PORT);

        int background = 0;
        for (int i = 0; i < 20; i++) {
            try (CalcomCallContext.Scope ignored =
                    CalcomCallContext.background(null).bind()) {
                prefetching.slots(ACCOUNT, QUERY);
                background++;
            } catch (CalcomException.RateLimited dropped) {
                // dropped, not queued
            }
        }
        int live = 0;
        for (int i = 0; i < 10; i++) {
            try {
                answering.slots(ACCOUNT, QUERY);
                live++;
            } catch (CalcomException.RateLimited spent) {
                // the whole budget is used
            }
        }

        assertThat(background).isEqualTo(14);
        assertThat(live).isEqualTo(4);
        assertThat(calcom.slotsCalls()).isEqualTo(18);
        assertThatThrownBy(() -> prefetching.cancel(ACCOUNT, "uid", null))
                .as("the change reserve is left to a caller's booking")
                .isInstanceOf(CalcomException.NotFound.class);
    }

    @Test
    void withoutRedisEachInstanceGoesOnWithItsOwnBudget() {
        ResilientCalcomApi alone = instance(1);

        for (int i = 0; i < 18; i++) {
            alone.slots(ACCOUNT, QUERY);
        }

        assertThat(calcom.slotsCalls()).isEqualTo(18);
    }

    @Test
    void theGatewayUsesTheSharedBudgetWhenConfigured() {
        new ApplicationContextRunner()
                .withUserConfiguration(CalcomConfiguration.class, CalcomResilienceConfiguration.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(RedisGuard.class, () -> new RedisGuard(RedisProperties.Breaker.defaults(), () -> true, clock))
                .withBean(RedisConnectionFactory.class, () -> {
                    LettuceConnectionFactory factory =
                            new LettuceConnectionFactory(RequiredServices.REDIS_HOST, RequiredServices.REDIS_PORT);
                    factory.afterPropertiesSet();
                    factory.start();
                    return factory;
                })
                .withPropertyValues("slotline.calcom.resilience.budget.shared=true")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app.getBean(ResilientCalcomApi.class).sharesBudget())
                            .isTrue();
                });
    }

    private ResilientCalcomApi instance(int redisPort) {
        RedisClient client = RedisClient.create(RedisURI.create(RequiredServices.REDIS_HOST, redisPort));
        clients.add(client);
        RedisGuard guard = new RedisGuard(
                RedisProperties.Breaker.defaults(),
                () -> {
                    try (var connection = client.connect()) {
                        return "PONG".equals(connection.sync().ping());
                    }
                },
                clock);
        guards.add(guard);
        SharedRequestBudget shared =
                SharedRequestBudget.overRedis(() -> client, PROPERTIES.budget(), prefix, guard, clock);
        return new ResilientCalcomApi(
                calcom,
                CircuitBreakerRegistry.of(ResilientCalcomApi.breakerConfig(PROPERTIES.breaker(), clock)),
                PROPERTIES,
                clock,
                shared);
    }
}
