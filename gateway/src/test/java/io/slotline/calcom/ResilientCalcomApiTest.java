package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResilientCalcomApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CalcomAccount ACCOUNT = new CalcomAccount("demo-salon", "cal_demo");
    private static final SlotsQuery QUERY =
            SlotsQuery.forLocalDays(EventTypeRef.id(1001), LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 4), BERLIN);

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T07:00:00Z"));
    private final FakeCalcom calcom = new FakeCalcom(clock);

    private ResilientCalcomApi api(CalcomResilienceProperties properties) {
        CircuitBreakerRegistry registry =
                CircuitBreakerRegistry.of(ResilientCalcomApi.breakerConfig(properties.breaker(), clock));
        return new ResilientCalcomApi(calcom, registry, properties, clock);
    }

    private static CalcomResilienceProperties withoutRetry() {
        CalcomResilienceProperties defaults = CalcomResilienceProperties.defaults();
        return new CalcomResilienceProperties(
                defaults.breaker(),
                defaults.budget(),
                new CalcomResilienceProperties.Retry(false, Duration.ofMillis(1500)));
    }

    private static CalcomResilienceProperties withBudget(int requests) {
        CalcomResilienceProperties defaults = CalcomResilienceProperties.defaults();
        return new CalcomResilienceProperties(
                defaults.breaker(),
                new CalcomResilienceProperties.Budget(requests, Duration.ofSeconds(60), 30, 10, false),
                defaults.retry());
    }

    private static <T> T background(java.util.function.Supplier<T> call) {
        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.background(null).bind()) {
            return call.get();
        }
    }

    // ---- circuit breaker

    @Test
    void breakerOpensAfterFailuresAndThenRefusesAtOnceWithoutCallingCalcom() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.Unavailable.class);
        }

        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY))
                .isInstanceOfSatisfying(
                        CalcomException.Unavailable.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SHORT_CIRCUITED));
        assertThat(calcom.slotsCalls()).isEqualTo(5);
    }

    @Test
    void breakersAreSeparatePerAccount() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.Unavailable.class);
        }
        calcom.failWith(null);

        CalcomAccount other = new CalcomAccount("other", "cal_other");
        assertThat(api.slots(other, QUERY).isEmpty()).isFalse();
        assertThat(api.circuitBreaker("other").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void businessAnswersAndRateLimitsAreNotFailures() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.failWith(() -> new CalcomException.BadRequest(CalcomException.Origin.of("demo-salon", "slots"), "no"));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.BadRequest.class);
        }
        calcom.failWith(() -> new CalcomException.NotFound(CalcomException.Origin.of("demo-salon", "slots"), "gone"));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.NotFound.class);
        }

        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calcom.slotsCalls()).isEqualTo(20);
    }

    @Test
    void slowReadsOpenTheBreaker() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.duringCall(() -> clock.advance(Duration.ofMillis(2000)));
        for (int i = 0; i < 5; i++) {
            api.slots(ACCOUNT, QUERY);
        }

        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void slowWritesAreNotSlowCalls() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.duringCall(() -> clock.advance(Duration.ofMillis(3000)));
        for (int i = 0; i < 6; i++) {
            api.releaseReservation(ACCOUNT, "res-" + i);
        }

        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calcom.writeCalls()).isEqualTo(6);
    }

    @Test
    void openBreakerLetsProbesThroughAfterItsWaitAndClosesOnSuccess() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.Unavailable.class);
        }
        calcom.failWith(null);
        clock.advance(Duration.ofSeconds(11));

        api.slots(ACCOUNT, QUERY);
        api.slots(ACCOUNT, QUERY);

        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calcom.slotsCalls()).isEqualTo(7);
    }

    // ---- budget

    @Test
    void burstStaysWithinTheBudgetAndRefusedCallsNeverReachCalcom() {
        ResilientCalcomApi api = api(withoutRetry());
        int passed = 0;
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            try {
                api.slots(ACCOUNT, QUERY);
                passed++;
            } catch (CalcomException.RateLimited e) {
                assertThat(e.httpStatus()).isZero();
                refused++;
            }
        }

        // reads stop where the reserve for changes begins; a caller's booking or cancellation still goes through
        assertThat(passed).isEqualTo(90);
        assertThat(refused).isEqualTo(60);
        assertThat(calcom.slotsCalls()).isEqualTo(90);
        int changes = 0;
        for (int i = 0; i < 15; i++) {
            try {
                api.cancel(ACCOUNT, "uid_" + i, null);
            } catch (CalcomException.NotFound reachedCalcom) {
                changes++;
            } catch (CalcomException.RateLimited spent) {
                // the whole budget is used
            }
        }
        assertThat(changes).isEqualTo(10);
        assertThat(api.budgetUsed("demo-salon")).isEqualTo(100);
    }

    @Test
    void bookingsNeverQueueBehindReservationsReleasesOrRefreshes() {
        ResilientCalcomApi api = api(withoutRetry());
        int background = 0;
        for (int i = 0; i < 100; i++) {
            try {
                background(() -> {
                    api.releaseReservation(ACCOUNT, "res");
                    return null;
                });
                background++;
            } catch (CalcomException.RateLimited dropped) {
                // dropped at once, not queued
            }
        }
        for (int i = 0; i < 100; i++) {
            try {
                api.slots(ACCOUNT, QUERY);
            } catch (CalcomException.RateLimited spent) {
                // live reads use what background work left, but not the change reserve
            }
        }

        assertThat(background).isEqualTo(70);
        assertThat(calcom.slotsCalls()).isEqualTo(20);
        assertThatThrownBy(() -> api.cancel(ACCOUNT, "uid", null)).isInstanceOf(CalcomException.NotFound.class);
        assertThat(calcom.writeCalls()).isEqualTo(71);
    }

    @Test
    void backgroundWorkLeavesTheReserveToLiveCalls() {
        ResilientCalcomApi api = api(withoutRetry());
        int backgroundPassed = 0;
        for (int i = 0; i < 100; i++) {
            try {
                background(() -> api.slots(ACCOUNT, QUERY));
                backgroundPassed++;
            } catch (CalcomException.RateLimited dropped) {
                // dropped, not queued
            }
        }
        int livePassed = 0;
        for (int i = 0; i < 40; i++) {
            try {
                api.slots(ACCOUNT, QUERY);
                livePassed++;
            } catch (CalcomException.RateLimited refused) {
                // budget spent
            }
        }

        assertThat(backgroundPassed).isEqualTo(70);
        assertThat(livePassed).as("all but the change reserve").isEqualTo(20);
        assertThat(calcom.slotsCalls()).isEqualTo(90);
    }

    @Test
    void budgetSlidesWithTheWindow() {
        ResilientCalcomApi api = api(withBudget(10));
        for (int i = 0; i < 9; i++) {
            api.slots(ACCOUNT, QUERY);
        }
        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY))
                .isInstanceOfSatisfying(
                        CalcomException.RateLimited.class,
                        e -> assertThat(e.resetSeconds()).isEqualTo(60));

        clock.advance(Duration.ofSeconds(60));

        api.slots(ACCOUNT, QUERY);
        assertThat(calcom.slotsCalls()).isEqualTo(10);
    }

    @Test
    void http429BlocksTheAccountUntilCalcomsReset() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.failWith(() -> FakeCalcom.rateLimited("demo-salon", 30));
        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.RateLimited.class);
        calcom.failWith(null);

        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY))
                .isInstanceOfSatisfying(CalcomException.RateLimited.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.resetSeconds()).isEqualTo(30);
                });
        assertThatThrownBy(() -> background(() -> api.slots(ACCOUNT, QUERY)))
                .isInstanceOf(CalcomException.RateLimited.class);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
        assertThat(api.circuitBreaker("demo-salon").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        clock.advance(Duration.ofSeconds(30));
        api.slots(ACCOUNT, QUERY);
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void calcomsOwnCountStopsBackgroundWorkWhileLiveCallsStillGo() {
        ResilientCalcomApi api = api(withoutRetry());
        calcom.reportRateLimit(new RateLimitStatus(120, 20, 40, clock.instant()));

        assertThatThrownBy(() -> background(() -> api.slots(ACCOUNT, QUERY)))
                .isInstanceOf(CalcomException.RateLimited.class);
        api.slots(ACCOUNT, QUERY);

        calcom.reportRateLimit(new RateLimitStatus(120, 0, 40, clock.instant()));
        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.RateLimited.class);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    // ---- retry

    @Test
    void liveIdempotentReadIsRetriedOnceInsideTheDeadline() {
        ResilientCalcomApi api = api(CalcomResilienceProperties.defaults());
        int[] attempts = {0};
        calcom.duringCall(() -> {
            if (++attempts[0] == 1) {
                throw FakeCalcom.serverError("demo-salon");
            }
        });

        SlotsResult result;
        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.live(clock.instant().plusSeconds(2)).bind()) {
            result = api.slots(ACCOUNT, QUERY);
        }

        assertThat(result.isEmpty()).isFalse();
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void failingReadIsNotRetriedTwice() {
        ResilientCalcomApi api = api(CalcomResilienceProperties.defaults());
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));

        assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.Unavailable.class);
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void noRetryWhenASecondAttemptWouldMissTheDeadline() {
        ResilientCalcomApi api = api(CalcomResilienceProperties.defaults());
        calcom.duringCall(() -> clock.advance(Duration.ofMillis(800)));
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));

        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.live(clock.instant().plusMillis(1200)).bind()) {
            assertThatThrownBy(() -> api.slots(ACCOUNT, QUERY)).isInstanceOf(CalcomException.Unavailable.class);
        }
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void backgroundReadsAndWritesAreNeverRetried() {
        ResilientCalcomApi api = api(CalcomResilienceProperties.defaults());
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));

        assertThatThrownBy(() -> background(() -> api.slots(ACCOUNT, QUERY)))
                .isInstanceOf(CalcomException.Unavailable.class);
        assertThatThrownBy(() -> api.releaseReservation(ACCOUNT, "res-1"))
                .isInstanceOf(CalcomException.Unavailable.class);

        assertThat(calcom.slotsCalls()).isEqualTo(1);
        assertThat(calcom.writeCalls()).isEqualTo(1);
    }
}
