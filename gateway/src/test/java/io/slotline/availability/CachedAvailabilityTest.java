package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.BERLIN;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANNA;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANY;
import static io.slotline.availability.AvailabilityFixture.OTHER_COMPANY;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static io.slotline.availability.AvailabilityFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.RateLimitStatus;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.calcom.SlotsQuery;
import io.slotline.calcom.UpstreamCounter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedAvailabilityTest {

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;
    private final CachedAvailability availability = fixture.cached(calcom);
    private final ExecutorService callers = Executors.newFixedThreadPool(20);

    @AfterEach
    void stop() {
        calcom.open();
        callers.shutdownNow();
        availability.close();
    }

    // ---- range fetches and the cache

    @Test
    void fourteenColdDaysAreOneUpstreamRequestOverTheLocalDayBounds() {
        Availability answer = availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)));

        assertThat(calcom.slotsCalls()).isEqualTo(1);
        SlotsQuery query = calcom.queries().get(0);
        assertThat(query.start()).isEqualTo(Instant.parse("2030-03-03T23:00:00Z"));
        // 2030-03-31 is the spring-forward day in Berlin: the last local day ends at 22:00 UTC
        assertThat(query.end()).isEqualTo(Instant.parse("2030-03-17T22:59:59Z"));
        assertThat(query.durationMinutes())
                .as("a single-length event type is asked without duration")
                .isNull();
        assertThat(answer.days()).hasSize(14);
        assertThat(answer.stale()).isFalse();
        assertThat(answer.on(TODAY.plusDays(1))).hasSize(8);
        assertThat(fixture.cache("miss")).isEqualTo(1);
    }

    @Test
    void dstDayIsFetchedWithItsTrueLength() {
        LocalDate springForward = LocalDate.of(2030, 3, 31);

        availability.freeSlots(fixture.live(springForward, springForward));

        SlotsQuery query = calcom.queries().get(0);
        assertThat(query.start()).isEqualTo(Instant.parse("2030-03-30T23:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2030-03-31T21:59:59Z"));
    }

    @Test
    void warmRequestIsAnsweredFromMemoryWithoutUpstreamRequest() {
        availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)));
        UpstreamCounter upstream = new UpstreamCounter();

        Availability answer;
        try (UpstreamCounter.Scope ignored = upstream.bind()) {
            answer = availability.freeSlots(fixture.live(TODAY.plusDays(2), TODAY.plusDays(4)));
        }

        assertThat(answer.days().keySet()).containsExactly(TODAY.plusDays(2), TODAY.plusDays(3), TODAY.plusDays(4));
        assertThat(calcom.slotsCalls()).isEqualTo(1);
        assertThat(upstream.calls()).isZero();
        assertThat(fixture.cache("hit")).isEqualTo(1);
    }

    @Test
    void onlyTheMissingDaysAreFetched() {
        availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));

        availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(6)));

        assertThat(calcom.slotsCalls()).isEqualTo(2);
        SlotsQuery second = calcom.queries().get(1);
        assertThat(second.start())
                .isEqualTo(TODAY.plusDays(3).atStartOfDay(BERLIN).toInstant());
        assertThat(second.end())
                .isEqualTo(TODAY.plusDays(7).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
    }

    @Test
    void calendarsAndSlotLengthsAreCachedSeparately() {
        availability.freeSlots(fixture.live(HAIRCUT_ANY, TODAY, TODAY));
        availability.freeSlots(fixture.live(HAIRCUT_ANNA, TODAY, TODAY));
        availability.freeSlots(fixture.live(
                new CalendarRef(1, AvailabilityFixture.ACCOUNT, 1001, "herrenhaarschnitt", null, 60), TODAY, TODAY));
        availability.freeSlots(fixture.live(HAIRCUT_ANY, TODAY, TODAY));

        assertThat(calcom.slotsCalls()).isEqualTo(3);
    }

    @Test
    void slotsThatHaveStartedAreNotOffered() {
        fixture.clock.set(at(TODAY, 8).plusSeconds(58 * 60));
        availability.freeSlots(fixture.live(TODAY, TODAY));

        fixture.clock.advance(Duration.ofMinutes(3));
        Availability answer = availability.freeSlots(fixture.live(TODAY, TODAY));

        assertThat(answer.on(TODAY))
                .extracting(FreeSlot::start)
                .doesNotContain(at(TODAY, 9))
                .contains(at(TODAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    // ---- single-flight

    @Test
    void concurrentIdenticalColdRequestsShareOneUpstreamRequest() throws Exception {
        calcom.holdRequests(1);
        List<Future<Availability>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(callers.submit(() -> availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)))));
        }
        assertThat(calcom.awaitArrivals()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.counter("slotline.availability.coalesced") == 19);

        calcom.open();

        for (Future<Availability> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).days()).hasSize(14);
        }
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void overlappingRequestsWaitForTheDaysAlreadyInFlight() throws Exception {
        calcom.holdRequests(1);
        Future<Availability> first =
                callers.submit(() -> availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(6))));
        assertThat(calcom.awaitArrivals()).isTrue();
        Future<Availability> second =
                callers.submit(() -> availability.freeSlots(fixture.live(TODAY.plusDays(3), TODAY.plusDays(5))));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.counter("slotline.availability.coalesced") == 1);

        calcom.open();

        assertThat(first.get(10, TimeUnit.SECONDS).days()).hasSize(7);
        assertThat(second.get(10, TimeUnit.SECONDS).days()).hasSize(3);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void failedUpstreamRequestFailsAllItsWaitersAtOnceAndIsNotCached() throws Exception {
        calcom.holdRequests(1);
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));
        List<Future<Availability>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // deadline an hour away: only the shared failure can end these waits
            answers.add(callers.submit(
                    () -> availability.freeSlots(fixture.liveWithin(Duration.ofHours(1), TODAY, TODAY.plusDays(2)))));
        }
        assertThat(calcom.awaitArrivals()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.counter("slotline.availability.coalesced") == 9);

        calcom.open();

        for (Future<Availability> answer : answers) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(CalendarUnavailableException.class)
                    .cause()
                    .isInstanceOf(CalcomException.Unavailable.class);
        }
        assertThat(calcom.slotsCalls()).isEqualTo(1);

        calcom.failWith(null);
        assertThat(availability
                        .freeSlots(fixture.live(TODAY, TODAY.plusDays(2)))
                        .days())
                .hasSize(3);
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    // ---- refresh-ahead

    @Test
    void staleEntryIsServedAtOnceAndRefreshedOnceInTheBackground() throws Exception {
        availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(6)));
        calcom.take(at(TODAY.plusDays(1), 11));
        fixture.clock.advance(Duration.ofSeconds(301));
        calcom.holdRequests(1);

        for (int i = 0; i < 5; i++) {
            Availability stale = availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(6)));
            assertThat(stale.stale()).isTrue();
            assertThat(stale.on(TODAY.plusDays(1))).extracting(FreeSlot::start).contains(at(TODAY.plusDays(1), 11));
        }
        assertThat(calcom.awaitArrivals()).isTrue();
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        assertThat(fixture.counter("slotline.availability.refreshes")).isEqualTo(1);
        assertThat(fixture.cache("stale")).isEqualTo(5);

        calcom.open();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !availability
                        .freeSlots(fixture.live(TODAY, TODAY.plusDays(6)))
                        .stale());
        Availability fresh = availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(6)));
        assertThat(fresh.on(TODAY.plusDays(1))).extracting(FreeSlot::start).doesNotContain(at(TODAY.plusDays(1), 11));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        SlotsQuery refresh = calcom.queries().get(1);
        assertThat(refresh.start()).isEqualTo(TODAY.atStartOfDay(BERLIN).toInstant());
        assertThat(refresh.end())
                .isEqualTo(TODAY.plusDays(7).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
    }

    @Test
    void pastHardExpiryTheCallerWaitsForFreshData() {
        availability.freeSlots(fixture.live(TODAY, TODAY));
        calcom.take(at(TODAY, 12));
        fixture.clock.advance(Duration.ofMinutes(31));

        Availability answer = availability.freeSlots(fixture.live(TODAY, TODAY));

        assertThat(answer.stale()).isFalse();
        assertThat(answer.on(TODAY)).extracting(FreeSlot::start).doesNotContain(at(TODAY, 12));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.invalidations("ttl") == 1);
    }

    // ---- invalidation

    @Test
    void invalidatedDaysShowTheChangeInTheNextAnswer() {
        availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        calcom.take(at(TODAY.plusDays(1), 10));
        assertThat(availability
                        .freeSlots(fixture.live(TODAY, TODAY.plusDays(2)))
                        .on(TODAY.plusDays(1)))
                .extracting(FreeSlot::start)
                .contains(at(TODAY.plusDays(1), 10));

        availability.invalidate(HAIRCUT_ANY, TODAY.plusDays(1), TODAY.plusDays(1), InvalidationSource.OWN_BOOKING);

        Availability answer = availability.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        assertThat(answer.on(TODAY.plusDays(1))).extracting(FreeSlot::start).doesNotContain(at(TODAY.plusDays(1), 10));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        SlotsQuery refetch = calcom.queries().get(1);
        assertThat(refetch.start())
                .isEqualTo(TODAY.plusDays(1).atStartOfDay(BERLIN).toInstant());
        assertThat(refetch.end())
                .isEqualTo(TODAY.plusDays(2).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
        assertThat(fixture.invalidations("own_booking")).isEqualTo(1);
    }

    @Test
    void withRewarmOnADroppedDayIsFetchedAgainInTheBackgroundAndTheNextCallerFindsItInMemory() {
        CachedAvailability rewarming = new CachedAvailability(
                AvailabilityProperties.defaults().withRewarm(),
                new LocalDays(new SlotsFetcher(calcom)),
                fixture.metrics,
                fixture.clock);
        try {
            rewarming.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
            calcom.take(at(TODAY.plusDays(1), 10));

            rewarming.invalidate(HAIRCUT_ANY, TODAY.plusDays(1), TODAY.plusDays(1), InvalidationSource.OWN_BOOKING);
            await().atMost(Duration.ofSeconds(10)).until(() -> calcom.slotsCalls() == 2);
            double hitsBefore = fixture.cache("hit");

            Availability answer = rewarming.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));

            assertThat(answer.on(TODAY.plusDays(1)))
                    .extracting(FreeSlot::start)
                    .doesNotContain(at(TODAY.plusDays(1), 10));
            assertThat(calcom.slotsCalls())
                    .as("the re-warm fetched the day, the caller did not")
                    .isEqualTo(2);
            assertThat(fixture.cache("hit")).isEqualTo(hitsBefore + 1);
            SlotsQuery rewarm = calcom.queries().get(1);
            assertThat(rewarm.start())
                    .isEqualTo(TODAY.plusDays(1).atStartOfDay(BERLIN).toInstant());
        } finally {
            rewarming.close();
        }
    }

    @Test
    void ttlInvalidationIsNeverRewarmed() {
        CachedAvailability rewarming = new CachedAvailability(
                AvailabilityProperties.defaults().withRewarm(),
                new LocalDays(new SlotsFetcher(calcom)),
                fixture.metrics,
                fixture.clock);
        try {
            rewarming.freeSlots(fixture.live(TODAY, TODAY));
            rewarming.invalidate(HAIRCUT_ANY, TODAY, TODAY, InvalidationSource.TTL);
            assertThat(calcom.slotsCalls()).isEqualTo(1);
        } finally {
            rewarming.close();
        }
    }

    @Test
    void invalidationDropsEveryCalendarOfTheCompanyButNoOtherCompany() {
        availability.freeSlots(fixture.live(HAIRCUT_ANY, TODAY, TODAY));
        availability.freeSlots(fixture.live(HAIRCUT_ANNA, TODAY, TODAY));
        availability.freeSlots(fixture.live(OTHER_COMPANY, TODAY, TODAY));

        availability.invalidate(HAIRCUT_ANNA, TODAY, TODAY, InvalidationSource.WEBHOOK);
        availability.freeSlots(fixture.live(HAIRCUT_ANY, TODAY, TODAY));
        availability.freeSlots(fixture.live(HAIRCUT_ANNA, TODAY, TODAY));
        availability.freeSlots(fixture.live(OTHER_COMPANY, TODAY, TODAY));

        assertThat(calcom.slotsCalls()).isEqualTo(5);
    }

    @Test
    void loadThatStartedBeforeAnInvalidationNeverOverwritesIt() throws Exception {
        calcom.holdRequests(1);
        Future<Availability> inFlight = callers.submit(() -> availability.freeSlots(fixture.live(TODAY, TODAY)));
        assertThat(calcom.awaitArrivals()).isTrue();
        // a booking lands while Cal.com's older answer is on its way
        calcom.take(at(TODAY, 14));
        availability.invalidate(HAIRCUT_ANY, TODAY, TODAY, InvalidationSource.WEBHOOK);

        calcom.open();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).on(TODAY))
                .extracting(FreeSlot::start)
                .contains(at(TODAY, 14));

        Availability next = availability.freeSlots(fixture.live(TODAY, TODAY));
        assertThat(next.on(TODAY)).extracting(FreeSlot::start).doesNotContain(at(TODAY, 14));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void refreshThatStartedBeforeAnInvalidationNeverOverwritesIt() throws Exception {
        availability.freeSlots(fixture.live(TODAY, TODAY));
        fixture.clock.advance(Duration.ofSeconds(301));
        calcom.holdRequests(1);
        availability.freeSlots(fixture.live(TODAY, TODAY));
        assertThat(calcom.awaitArrivals()).isTrue();

        calcom.take(at(TODAY, 15));
        availability.invalidate(HAIRCUT_ANY, TODAY, TODAY, InvalidationSource.OWN_BOOKING);
        calcom.open();

        Availability next = availability.freeSlots(fixture.live(TODAY, TODAY));
        assertThat(next.on(TODAY)).extracting(FreeSlot::start).doesNotContain(at(TODAY, 15));
        assertThat(next.stale()).isFalse();
        assertThat(calcom.slotsCalls()).isEqualTo(3);
    }

    // ---- degradation

    @Test
    void openBreakerServesTheStaleEntryAtOnce() {
        ResilientCalcomApi api = fixture.resilient();
        try (CachedAvailability guarded = fixture.cached(api)) {
            guarded.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
            fixture.clock.advance(Duration.ofMinutes(45));
            api.circuitBreaker("demo-salon").transitionToOpenState();

            Availability answer = guarded.freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));

            assertThat(answer.stale()).isTrue();
            assertThat(answer.on(TODAY.plusDays(1))).hasSize(8);
            assertThat(calcom.slotsCalls()).isEqualTo(1);
            assertThat(fixture.cache("stale")).isEqualTo(1);
        }
    }

    @Test
    void openBreakerWithNothingKnownIsCalendarUnavailableAtOnce() {
        ResilientCalcomApi api = fixture.resilient();
        try (CachedAvailability guarded = fixture.cached(api)) {
            api.circuitBreaker("demo-salon").transitionToOpenState();

            assertThatThrownBy(() -> guarded.freeSlots(fixture.liveWithin(Duration.ofHours(1), TODAY, TODAY)))
                    .isInstanceOf(CalendarUnavailableException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            CalcomException.Unavailable.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.SHORT_CIRCUITED));
            assertThat(calcom.slotsCalls()).isZero();
        }
    }

    @Test
    void staleEntriesAreNotServedBeyondTheGrace() {
        ResilientCalcomApi api = fixture.resilient();
        try (CachedAvailability guarded = fixture.cached(api)) {
            guarded.freeSlots(fixture.live(TODAY, TODAY));
            fixture.clock.advance(Duration.ofHours(2).plusMinutes(1));
            api.circuitBreaker("demo-salon").transitionToOpenState();

            assertThatThrownBy(() -> guarded.freeSlots(fixture.live(TODAY, TODAY)))
                    .isInstanceOf(CalendarUnavailableException.class);
        }
    }

    @Test
    void slowCalcomPastTheDeadlineServesStaleAndTheLoadStillFillsTheCache() {
        availability.freeSlots(fixture.live(TODAY, TODAY));
        fixture.clock.advance(Duration.ofMinutes(40));
        calcom.holdRequests(1);

        Availability answer = availability.freeSlots(fixture.liveWithin(Duration.ofMillis(200), TODAY, TODAY));

        assertThat(answer.stale()).isTrue();
        assertThat(answer.on(TODAY)).hasSize(8);
        calcom.open();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !availability.freeSlots(fixture.live(TODAY, TODAY)).stale());
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void slowCalcomWithNothingKnownIsCalendarUnavailableAtTheDeadline() {
        calcom.holdRequests(1);

        assertThatThrownBy(() -> availability.freeSlots(fixture.liveWithin(Duration.ofMillis(100), TODAY, TODAY)))
                .isInstanceOf(CalendarUnavailableException.class);

        calcom.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            availability.freeSlots(fixture.live(TODAY, TODAY));
            return true;
        });
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void backgroundLoadsUseOnlySpareBudgetWhileLiveCallsStillGetThrough() {
        ResilientCalcomApi api = fixture.resilient();
        calcom.reportRateLimit(new RateLimitStatus(120, 20, 30, fixture.clock.instant()));
        try (CachedAvailability guarded = fixture.cached(api)) {
            assertThatThrownBy(() -> guarded.freeSlots(fixture.background(TODAY, TODAY)))
                    .isInstanceOf(CalendarUnavailableException.class);
            assertThat(calcom.slotsCalls()).isZero();

            assertThat(guarded.freeSlots(fixture.live(TODAY, TODAY)).on(TODAY)).hasSize(8);
            assertThat(calcom.slotsCalls()).isEqualTo(1);
        }
    }
}
