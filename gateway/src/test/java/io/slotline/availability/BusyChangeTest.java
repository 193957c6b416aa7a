package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.ACCOUNT;
import static io.slotline.availability.AvailabilityFixture.BERLIN;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANNA;
import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANY;
import static io.slotline.availability.AvailabilityFixture.OTHER_COMPANY;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static io.slotline.availability.AvailabilityFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.SlotsQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our own bookings and Cal.com's webhooks are applied to the days in memory instead of dropping them: the next
 * caller is answered from memory, and the answer shows the change.
 */
class BusyChangeTest {

    private static final LocalDate DAY = TODAY.plusDays(1);
    private static final CalendarRef HAIRCUT_BEN =
            new CalendarRef(1, ACCOUNT, 1001, "herrenhaarschnitt", "ben-demo", 30);
    private static final CalendarRef COLOUR_ANNA = new CalendarRef(1, ACCOUNT, 1003, "faerben", "anna-demo", 90);
    private static final Set<String> HOSTS = Set.of("anna-demo", "ben-demo");
    /** Herrenhaarschnitt without buffers, Färben with 10 minutes after, both hosted by Anna and Ben. */
    private static final Map<Long, EventTypeShape> SHAPES = Map.of(
            1001L, new EventTypeShape(1001, 0, 0, HOSTS),
            1003L, new EventTypeShape(1003, 0, 10, HOSTS));

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;
    private final CachedAvailability availability = new CachedAvailability(
            AvailabilityProperties.defaults(),
            new LocalDays(new SlotsFetcher(calcom)),
            fixture.metrics,
            (companyId, eventTypeId) -> companyId == 1 ? SHAPES.get(eventTypeId) : null,
            fixture.clock);
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    {
        // Cal.com answers Färben's own 90 minutes: no duration is sent for a single-length event type
        calcom.eventTypeLength(1003, 90);
    }

    @AfterEach
    void stop() {
        calcom.open();
        callers.shutdownNow();
        availability.close();
    }

    @Test
    void aBookingLeavesTheHostsCalendarAndAnyHostOnlyWhenNobodyElseIsFree() {
        warm(HAIRCUT_ANY, HAIRCUT_ANNA, HAIRCUT_BEN);
        int requests = calcom.slotsCalls();

        availability.apply(booked(at(DAY, 10), 30, 1001, "anna-demo"), InvalidationSource.OWN_BOOKING);

        assertThat(starts(HAIRCUT_ANNA)).doesNotContain(at(DAY, 10)).contains(at(DAY, 9), at(DAY, 11));
        assertThat(starts(HAIRCUT_BEN)).contains(at(DAY, 10));
        assertThat(starts(HAIRCUT_ANY)).as("Ben is still free at 10").contains(at(DAY, 10));

        availability.apply(booked(at(DAY, 10), 30, 1001, "ben-demo"), InvalidationSource.WEBHOOK);

        assertThat(starts(HAIRCUT_BEN)).doesNotContain(at(DAY, 10));
        assertThat(starts(HAIRCUT_ANY))
                .as("both busy at 10")
                .doesNotContain(at(DAY, 10))
                .contains(at(DAY, 11));
        assertThat(calcom.slotsCalls()).as("every answer came from memory").isEqualTo(requests);
        assertThat(fixture.cache("miss")).isEqualTo(3);
        assertThat(fixture.registry
                        .counter("slotline.availability.changes", "result", "applied")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void buffersOfTheBookedEventTypeWidenWhatItBlocks() {
        warm(HAIRCUT_ANNA, COLOUR_ANNA);

        // Färben 11:00-12:30 plus 10 minutes after: busy until 12:40
        availability.apply(booked(at(DAY, 11), 90, 1003, "anna-demo"), InvalidationSource.OWN_BOOKING);

        assertThat(starts(HAIRCUT_ANNA))
                .doesNotContain(at(DAY, 11), at(DAY, 12))
                .contains(at(DAY, 10), at(DAY, 13));
        // a Färben slot at 10:00 runs until 11:30 and its own 10 minutes after: overlaps; 9:00 ends 10:40: free
        assertThat(starts(COLOUR_ANNA))
                .doesNotContain(at(DAY, 10), at(DAY, 11), at(DAY, 12))
                .contains(at(DAY, 9), at(DAY, 13));
    }

    @Test
    void withoutTheEventTypesShapeTheCompanysDaysAreDroppedAndAskedAgain() {
        CachedAvailability blind = fixture.cached(calcom);
        try {
            blind.freeSlots(fixture.live(HAIRCUT_ANY, DAY, DAY));
            blind.freeSlots(fixture.live(OTHER_COMPANY, DAY, DAY));
            calcom.take(at(DAY, 10));

            blind.apply(booked(at(DAY, 10), 30, 1001, "anna-demo"), InvalidationSource.OWN_BOOKING);

            assertThat(blind.freeSlots(fixture.live(HAIRCUT_ANY, DAY, DAY)).on(DAY))
                    .extracting(FreeSlot::start)
                    .doesNotContain(at(DAY, 10));
            blind.freeSlots(fixture.live(OTHER_COMPANY, DAY, DAY));
            assertThat(calcom.slotsCalls())
                    .as("only the company's day was asked again")
                    .isEqualTo(3);
            assertThat(fixture.registry
                            .counter("slotline.availability.changes", "result", "dropped")
                            .count())
                    .isEqualTo(1);
        } finally {
            blind.close();
        }
    }

    @Test
    void anyHostIsDroppedWhenAnotherHostsCalendarIsNotInMemory() {
        warm(HAIRCUT_ANY, HAIRCUT_ANNA);
        int requests = calcom.slotsCalls();
        calcom.take(at(DAY, 10));

        availability.apply(booked(at(DAY, 10), 30, 1001, "anna-demo"), InvalidationSource.OWN_BOOKING);

        assertThat(starts(HAIRCUT_ANNA)).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(requests);
        assertThat(starts(HAIRCUT_ANY)).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls())
                .as("Ben's calendar was unknown: Cal.com was asked")
                .isEqualTo(requests + 1);
    }

    @Test
    void aCallerAskingForAFreedTimeGetsCalcomsAnswerAtOnce() {
        calcom.take(at(DAY, 10));
        warm(HAIRCUT_ANY);
        calcom.free(at(DAY, 10));

        availability.apply(freed(at(DAY, 10), null), InvalidationSource.WEBHOOK);
        Availability asked = availability.freeSlots(
                fixture.live(HAIRCUT_ANY, TODAY, DAY.plusDays(3)).focusedOn(at(DAY, 10), false));

        assertThat(asked.on(DAY)).extracting(FreeSlot::start).contains(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        SlotsQuery again = calcom.queries().get(1);
        assertThat(again.start())
                .as("only that day")
                .isEqualTo(DAY.atStartOfDay(BERLIN).toInstant());
        assertThat(again.end())
                .isEqualTo(DAY.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
        availability.freeSlots(fixture.live(HAIRCUT_ANY, DAY, DAY).focusedOn(at(DAY, 10), false));
        assertThat(calcom.slotsCalls()).as("the fresh day is sure again").isEqualTo(2);
    }

    @Test
    void aTakenTimeFarFromTheFreedOneIsStillAnsweredFromMemory() throws Exception {
        calcom.take(at(DAY, 10));
        calcom.take(at(DAY, 15));
        warm(HAIRCUT_ANY);
        calcom.free(at(DAY, 10));
        availability.apply(freed(at(DAY, 10), "anna-demo"), InvalidationSource.WEBHOOK);
        calcom.holdRequests(1);
        double hits = fixture.cache("hit");

        Availability answer = availability.freeSlots(
                fixture.live(HAIRCUT_ANY, TODAY, DAY.plusDays(3)).focusedOn(at(DAY, 15), false));

        assertThat(answer.on(DAY)).extracting(FreeSlot::start).doesNotContain(at(DAY, 15), at(DAY, 10));
        assertThat(fixture.cache("hit")).as("answered from memory").isEqualTo(hits + 1);
        assertThat(calcom.awaitArrivals())
                .as("only the background refresh asks Cal.com")
                .isTrue();
        calcom.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> starts(HAIRCUT_ANY).contains(at(DAY, 10)));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void aDayWithAFreedTimeIsServedFromMemoryAndRefreshedInTheBackground() throws Exception {
        calcom.take(at(DAY, 10));
        warm(HAIRCUT_ANY);
        calcom.free(at(DAY, 10));
        availability.apply(freed(at(DAY, 10), null), InvalidationSource.WEBHOOK);
        calcom.holdRequests(1);
        double hits = fixture.cache("hit");

        // 11:00 is offered, so it is still free: no waiting, even though the refresh is held at Cal.com's door
        Availability answer = availability.freeSlots(
                fixture.live(HAIRCUT_ANY, TODAY, DAY.plusDays(3)).focusedOn(at(DAY, 11), false));

        assertThat(answer.on(DAY))
                .extracting(FreeSlot::start)
                .contains(at(DAY, 11))
                .doesNotContain(at(DAY, 10));
        assertThat(fixture.cache("hit")).as("answered from memory").isEqualTo(hits + 1);
        assertThat(calcom.awaitArrivals())
                .as("the day is refreshed in the background")
                .isTrue();
        calcom.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> starts(HAIRCUT_ANY).contains(at(DAY, 10)));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        assertThat(calcom.queries().get(1).start())
                .isEqualTo(DAY.atStartOfDay(BERLIN).toInstant());
    }

    @Test
    void aFreedTimeOfOneHostLeavesTheOtherHostsCalendarAlone() {
        calcom.take(at(DAY, 10));
        warm(HAIRCUT_BEN);

        availability.apply(freed(at(DAY, 10), "anna-demo"), InvalidationSource.OWN_BOOKING);
        availability.freeSlots(fixture.live(HAIRCUT_BEN, DAY, DAY).focusedOn(at(DAY, 10), false));

        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void verifyingAsksCalcomForThatDayWhateverMemoryHolds() {
        warm(HAIRCUT_ANY);
        calcom.take(at(DAY, 10));

        Availability verified = availability.freeSlots(
                fixture.live(HAIRCUT_ANY, TODAY, DAY.plusDays(3)).focusedOn(at(DAY, 10), true));

        assertThat(verified.on(DAY)).extracting(FreeSlot::start).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
        assertThat(calcom.queries().get(1).start())
                .isEqualTo(DAY.atStartOfDay(BERLIN).toInstant());
        assertThat(starts(HAIRCUT_ANY)).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls()).as("the verified day stays in memory").isEqualTo(2);
    }

    @Test
    void aLoadInFlightDuringABookingNeverStoresItsOlderAnswer() throws Exception {
        warm(HAIRCUT_ANNA, HAIRCUT_BEN);
        calcom.holdRequests(1);
        Future<Availability> inFlight =
                callers.submit(() -> availability.freeSlots(fixture.live(HAIRCUT_ANY, DAY, DAY)));
        assertThat(calcom.awaitArrivals()).isTrue();
        calcom.take(at(DAY, 14));

        availability.apply(booked(at(DAY, 14), 30, 1001, "anna-demo"), InvalidationSource.WEBHOOK);
        calcom.open();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).on(DAY))
                .extracting(FreeSlot::start)
                .contains(at(DAY, 14));

        assertThat(starts(HAIRCUT_ANY)).doesNotContain(at(DAY, 14));
        assertThat(calcom.slotsCalls()).isEqualTo(4);
    }

    @Test
    void verifyingAsksCalcomForThatDayEvenWhenAnotherDayOfTheRangeIsMissing() {
        warm(HAIRCUT_ANY);
        availability.invalidateCompany(1, DAY.plusDays(2), DAY.plusDays(2), InvalidationSource.WEBHOOK);
        calcom.take(at(DAY, 10));

        Availability verified = availability.freeSlots(
                fixture.live(HAIRCUT_ANY, TODAY, DAY.plusDays(3)).focusedOn(at(DAY, 10), true));

        assertThat(verified.on(DAY)).extracting(FreeSlot::start).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls())
                .as("the asked day and the missing one, in one range")
                .isEqualTo(2);
    }

    @Test
    void hostNamesAreComparedWithoutCase() {
        warm(HAIRCUT_ANY, HAIRCUT_ANNA, HAIRCUT_BEN);

        availability.apply(booked(at(DAY, 10), 30, 1001, "Anna-Demo"), InvalidationSource.WEBHOOK);
        availability.apply(booked(at(DAY, 10), 30, 1001, "BEN-DEMO"), InvalidationSource.WEBHOOK);

        assertThat(starts(HAIRCUT_ANNA)).doesNotContain(at(DAY, 10));
        assertThat(starts(HAIRCUT_ANY)).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(3);
    }

    @Test
    void aHostTheEventTypeDoesNotListMeansItsAnyHostDayIsAskedAgain() {
        warm(HAIRCUT_ANY, HAIRCUT_ANNA, HAIRCUT_BEN);
        calcom.take(at(DAY, 10));

        // Carla hosts Herrenhaarschnitt in Cal.com already, but the event type read earlier did not list her
        availability.apply(booked(at(DAY, 10), 30, 1001, "carla-demo"), InvalidationSource.WEBHOOK);

        assertThat(starts(HAIRCUT_ANNA))
                .as("Anna's own calendar is not Carla's")
                .contains(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(3);
        assertThat(starts(HAIRCUT_ANY)).doesNotContain(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(4);
    }

    @Test
    void anotherCompanysBookingChangesNothingHere() {
        warm(HAIRCUT_ANY, HAIRCUT_ANNA, HAIRCUT_BEN);

        availability.apply(
                BusyChange.booked(2, at(DAY, 10), at(DAY, 10).plusSeconds(1800), BERLIN, 1001L, "anna-demo"),
                InvalidationSource.WEBHOOK);

        assertThat(starts(HAIRCUT_ANNA)).contains(at(DAY, 10));
        assertThat(calcom.slotsCalls()).isEqualTo(3);
    }

    private void warm(CalendarRef... calendars) {
        for (CalendarRef calendar : calendars) {
            availability.freeSlots(fixture.live(calendar, TODAY, DAY.plusDays(3)));
        }
    }

    private java.util.List<Instant> starts(CalendarRef calendar) {
        return availability.freeSlots(fixture.live(calendar, TODAY, DAY.plusDays(3))).on(DAY).stream()
                .map(FreeSlot::start)
                .toList();
    }

    private static BusyChange freed(Instant start, @Nullable String host) {
        return BusyChange.freed(1, start, start.plus(Duration.ofMinutes(30)), BERLIN, 1001L, host);
    }

    private static BusyChange booked(Instant start, int minutes, long eventTypeId, String host) {
        return BusyChange.booked(1, start, start.plus(Duration.ofMinutes(minutes)), BERLIN, eventTypeId, host);
    }
}
