package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.BERLIN;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANNA;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANY;
import static io.slotline.availability.AvailabilityFixture.OTHER_COMPANY;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.RateLimitStatus;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.calcom.SlotsQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrefetcherTest {

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;
    private final AvailabilityProperties.Prefetch settings = AvailabilityProperties.Prefetch.defaults();

    @AfterEach
    void openGate() {
        calcom.open();
    }

    @Test
    void warmedDaysAnswerTheFirstQuestionFromMemory() {
        try (CachedAvailability cached = fixture.cached(calcom);
                Prefetcher prefetcher = new Prefetcher(cached, settings, fixture.metrics, fixture.clock)) {
            int queued = prefetcher.prefetch(List.of(HAIRCUT_ANY, HAIRCUT_ANNA), BERLIN, 7);

            assertThat(queued).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            cached.freeSlots(fixture.live(HAIRCUT_ANNA, TODAY.plusDays(3), TODAY.plusDays(6)));
            cached.freeSlots(fixture.live(HAIRCUT_ANY, TODAY, TODAY));

            assertThat(calcom.slotsCalls()).isEqualTo(2);
            assertThat(fixture.cache("hit")).isEqualTo(2);
            assertThat(fixture.cache("miss")).as("prefetches are not callers").isZero();
            assertThat(fixture.counter("slotline.availability.prefetches")).isEqualTo(2);
            assertThat(fixture.registry
                            .counter("slotline.warmup.requests", "what", "slots")
                            .count())
                    .as("one range each")
                    .isEqualTo(2);
            assertThat(fixture.registry
                            .get("slotline.cache.entries")
                            .tag("cache", "availability_days")
                            .gauge()
                            .value())
                    .as("7 days of two calendars")
                    .isEqualTo(14);
            SlotsQuery query = calcom.queries().get(0);
            assertThat(query.start()).isEqualTo(TODAY.atStartOfDay(BERLIN).toInstant());
            assertThat(query.end())
                    .isEqualTo(
                            TODAY.plusDays(7).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
        }
    }

    @Test
    void sameCalendarIsNotWarmedTwiceAtTheSameTime() throws Exception {
        try (CachedAvailability cached = fixture.cached(calcom);
                Prefetcher prefetcher = new Prefetcher(cached, settings, fixture.metrics, fixture.clock)) {
            calcom.holdRequests(1);
            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isEqualTo(1);
            assertThat(calcom.awaitArrivals()).isTrue();

            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isZero();

            calcom.open();
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7))
                    .as("fresh in memory now")
                    .isZero();
            assertThat(calcom.slotsCalls()).isEqualTo(1);
            assertThat(fixture.counter("slotline.availability.prefetches")).isEqualTo(1);
            assertThat(fixture.registry
                            .counter("slotline.warmup.requests", "what", "slots")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aCalendarFreshInMemoryTakesNoPlaceInTheQueue() {
        try (CachedAvailability cached = fixture.cached(calcom);
                Prefetcher prefetcher = new Prefetcher(cached, settings, fixture.metrics, fixture.clock)) {
            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);

            int queued = prefetcher.prefetch(List.of(HAIRCUT_ANY, HAIRCUT_ANNA), BERLIN, 7);

            assertThat(queued).as("only Anna's calendar is not in memory yet").isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            assertThat(fixture.counter("slotline.availability.prefetches")).isEqualTo(2);
            assertThat(calcom.slotsCalls()).isEqualTo(2);
        }
    }

    @Test
    void aStaleCalendarIsWarmedAgain() {
        try (CachedAvailability cached = fixture.cached(calcom);
                Prefetcher prefetcher = new Prefetcher(cached, settings, fixture.metrics, fixture.clock)) {
            prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7);
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            fixture.clock.advance(AvailabilityProperties.defaults().freshFor().plusSeconds(1));

            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            assertThat(fixture.counter("slotline.availability.prefetches")).isEqualTo(2);
        }
    }

    @Test
    void aFullQueueDropsTheWarmUpAndSaysSo() throws Exception {
        AvailabilityProperties.Prefetch narrow = new AvailabilityProperties.Prefetch(
                1, 7, 1, Duration.ofSeconds(10), AvailabilityProperties.Prefetch.StaffCalendars.ALWAYS);
        try (CachedAvailability cached = fixture.cached(calcom);
                Prefetcher prefetcher = new Prefetcher(cached, narrow, fixture.metrics, fixture.clock)) {
            calcom.holdRequests(1);
            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isEqualTo(1);
            assertThat(calcom.awaitArrivals()).isTrue();

            int queued = prefetcher.prefetch(List.of(HAIRCUT_ANNA, OTHER_COMPANY), BERLIN, 7);

            assertThat(queued)
                    .as("one waits in the queue, the other finds it full")
                    .isEqualTo(1);
            assertThat(fixture.counter("slotline.availability.prefetches.dropped"))
                    .isEqualTo(1);
            calcom.open();
            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            assertThat(calcom.slotsCalls()).isEqualTo(2);
        }
    }

    @Test
    void prefetchNeverTouchesTheLiveReserve() {
        ResilientCalcomApi api = fixture.resilient();
        calcom.reportRateLimit(new RateLimitStatus(120, 20, 30, fixture.clock.instant()));
        try (CachedAvailability cached = fixture.cached(api);
                Prefetcher prefetcher = new Prefetcher(cached, settings, fixture.metrics, fixture.clock)) {
            prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7);

            await().atMost(Duration.ofSeconds(10)).until(() -> prefetcher.inFlight() == 0);
            assertThat(fixture.counter("slotline.availability.prefetches")).isEqualTo(1);
            assertThat(calcom.slotsCalls()).isZero();
            assertThat(cached.freeSlots(fixture.live(TODAY, TODAY)).on(TODAY)).isNotEmpty();
            assertThat(calcom.slotsCalls()).isEqualTo(1);
        }
    }

    @Test
    void naiveModeIsNotPrefetched() {
        NaiveAvailability naive = new NaiveAvailability(new SlotsFetcher(calcom), fixture.clock);
        try (Prefetcher prefetcher = new Prefetcher(naive, settings, fixture.metrics, fixture.clock)) {
            assertThat(prefetcher.prefetch(List.of(HAIRCUT_ANY), BERLIN, 7)).isZero();
        }
        assertThat(calcom.slotsCalls()).isZero();
    }
}
