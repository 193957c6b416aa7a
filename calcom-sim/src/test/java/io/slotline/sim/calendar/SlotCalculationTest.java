package io.slotline.sim.calendar;

import static io.slotline.sim.calendar.CalendarFixture.BERLIN;
import static io.slotline.sim.calendar.CalendarFixture.berlin;
import static io.slotline.sim.calendar.CalendarFixture.everyDay;
import static io.slotline.sim.calendar.CalendarFixture.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.sim.web.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SlotCalculationTest {

    /** Monday 2026-03-23, 01:00 in Berlin. */
    private static final Instant MONDAY_NIGHT = Instant.parse("2026-03-23T00:00:00Z");

    /** The slots of {@code duration} minutes on Monday 23 March 2026 (the whole day in Berlin). */
    private static List<Instant> mondaySlots(CalendarFixture f, EventType type, @Nullable Host host, int duration) {
        return f.scheduler.slots(type, host, berlin("2026-03-23T00:00"), berlin("2026-03-23T23:59"), duration, null);
    }

    private static List<String> localTimes(List<Instant> slots) {
        return slots.stream()
                .map(s -> s.atZone(BERLIN).toLocalTime().toString())
                .toList();
    }

    @Test
    void slotsStepByIntervalThroughTheWorkingWindowAndMustFitIt() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-11:00"));
        EventType type = f.eventType(10, 45, 30, 0, 0, 0, anna);
        f.load();

        List<Instant> slots = mondaySlots(f, type, null, 45);

        assertThat(localTimes(slots)).containsExactly("09:00", "09:30", "10:00");
    }

    @Test
    void withoutIntervalSlotsStepByTheirLength() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-11:00"));
        EventType type = f.eventType(10, 40, null, 0, 0, 0, anna);
        f.load();

        List<Instant> slots = mondaySlots(f, type, null, 40);

        assertThat(localTimes(slots)).containsExactly("09:00", "09:40", "10:20");
    }

    @Test
    void minimumNoticeHidesSlotsStartingTooSoon() {
        CalendarFixture f = new CalendarFixture(berlin("2026-03-23T09:10"));
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-12:00"));
        EventType type = f.eventType(10, 30, 30, 60, 0, 0, anna);
        f.load();

        List<Instant> slots = mondaySlots(f, type, null, 30);

        assertThat(localTimes(slots)).containsExactly("10:30", "11:00", "11:30");
    }

    @Test
    void buffersOfTheBookingAndOfTheRequestedTypeBothKeepDistance() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-12:00"));
        EventType colouring = f.eventType(10, 30, 30, 0, 0, 15, anna);
        EventType cut = f.eventType(11, 30, 30, 0, 10, 0, anna);
        f.load();
        f.book(colouring, anna, berlin("2026-03-23T10:00"));

        List<Instant> slots = mondaySlots(f, cut, null, 30);

        // the booking blocks 10:00-10:45 (after buffer 15); a cut needs 10 minutes before it: 10:30 would start
        // inside the buffer, 11:00 keeps [10:50, 11:30) clear
        assertThat(localTimes(slots)).containsExactly("09:00", "09:30", "11:00", "11:30");
    }

    @Test
    void bookedTimeIsNotOfferedAndTheRescheduledBookingsOwnTimeIs() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-10:30"));
        EventType type = f.eventType(10, 30, 30, 0, 0, 0, anna);
        f.load();
        Booking booking = f.book(type, anna, berlin("2026-03-23T09:30"));

        List<Instant> free = mondaySlots(f, type, null, 30);
        List<Instant> forReschedule = f.scheduler.slots(
                type, null, berlin("2026-03-23T00:00"), berlin("2026-03-23T23:59"), 30, booking.uid());

        assertThat(localTimes(free)).containsExactly("09:00", "10:00");
        assertThat(localTimes(forReschedule)).containsExactly("09:00", "09:30", "10:00");
    }

    @Test
    void anyHostOffersATimeWhileOneHostIsFreeButASingleHostQueryDoesNot() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-10:00"));
        Host ben = f.host(2, "ben", BERLIN, weekdays("09:00-10:00"));
        EventType team = f.eventType(10, 30, 30, 0, 0, 0, anna, ben);
        f.load();
        f.book(team, anna, berlin("2026-03-23T09:00"));

        List<Instant> anyHost = mondaySlots(f, team, null, 30);
        List<Instant> annaOnly = mondaySlots(f, team, anna, 30);

        assertThat(localTimes(anyHost)).containsExactly("09:00", "09:30");
        assertThat(localTimes(annaOnly)).containsExactly("09:30");
    }

    /**
     * packages/trpc/server/routers/viewer/slots/ReservedSlotHandler.ts and SlotFilter.ts: a reservation recorded
     * against a host hides that time from every event type she hosts, for every host of it.
     */
    @Test
    void aReservationHidesTheTimeFromEveryEventTypeItsUserHosts() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-10:00"));
        Host ben = f.host(2, "ben", BERLIN, weekdays("09:00-10:00"));
        EventType team = f.eventType(10, 30, 30, 0, 0, 0, anna, ben);
        EventType personal = f.eventType(11, 30, 30, 0, 0, 0, anna);
        EventType bens = f.eventType(12, 30, 30, 0, 0, 0, ben);
        f.load();

        f.scheduler.reserve(new Scheduler.ReserveRequest(11, berlin("2026-03-23T09:00"), null, null), null);

        assertThat(localTimes(mondaySlots(f, personal, null, 30))).containsExactly("09:30");
        assertThat(localTimes(mondaySlots(f, team, null, 30)))
                .as("Ben is free at nine, hidden all the same")
                .containsExactly("09:30");
        assertThat(localTimes(mondaySlots(f, bens, null, 30))).containsExactly("09:00", "09:30");
    }

    @Test
    void aTeamReservationHidesTheSlotWhenItHoldsTheLastFreeHost() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-10:00"));
        Host ben = f.host(2, "ben", BERLIN, weekdays("09:00-10:00"));
        EventType team = f.eventType(10, 30, 30, 0, 0, 0, anna, ben);
        f.load();
        f.book(team, anna, berlin("2026-03-23T09:00"));

        f.scheduler.reserve(new Scheduler.ReserveRequest(10, berlin("2026-03-23T09:00"), null, null), null);

        assertThat(localTimes(mondaySlots(f, team, null, 30))).containsExactly("09:30");
    }

    @Test
    void anExpiredReservationFreesTheSlotAgain() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-10:00"));
        EventType type = f.eventType(10, 30, 30, 0, 0, 0, anna);
        f.load();
        f.scheduler.reserve(new Scheduler.ReserveRequest(10, berlin("2026-03-23T09:00"), null, null), null);

        f.clock.fix(MONDAY_NIGHT.plusSeconds(5 * 60));

        assertThat(localTimes(mondaySlots(f, type, null, 30))).containsExactly("09:00", "09:30");
    }

    @Test
    void slotsOutsideTheRequestedRangeAreDropped() {
        CalendarFixture f = new CalendarFixture(MONDAY_NIGHT);
        Host anna = f.host(1, "anna", BERLIN, weekdays("09:00-12:00"));
        EventType type = f.eventType(10, 30, 30, 0, 0, 0, anna);
        f.load();

        List<Instant> slots =
                f.scheduler.slots(type, null, berlin("2026-03-23T10:00"), berlin("2026-03-23T11:00"), 30, null);

        assertThat(localTimes(slots)).containsExactly("10:00", "10:30", "11:00");
    }

    @Test
    void springForwardWeekKeepsNineOClockLocalWithTheNewOffset() {
        CalendarFixture f = new CalendarFixture(Instant.parse("2026-03-20T00:00:00Z"));
        Host anna = f.host(1, "anna", BERLIN, everyDay("09:00-10:00"));
        EventType type = f.eventType(10, 60, 60, 0, 0, 0, anna);
        f.load();

        List<Instant> slots = f.scheduler.slots(
                type, null, Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-03-30T23:59:59Z"), 60, null);

        assertThat(slots)
                .containsExactly(
                        Instant.parse("2026-03-27T08:00:00Z"),
                        Instant.parse("2026-03-28T08:00:00Z"),
                        Instant.parse("2026-03-29T07:00:00Z"),
                        Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(slots.stream().map(s -> Times.luxon(s, "Europe/Berlin")).toList())
                .containsExactly(
                        "2026-03-27T09:00:00.000+01:00",
                        "2026-03-28T09:00:00.000+01:00",
                        "2026-03-29T09:00:00.000+02:00",
                        "2026-03-30T09:00:00.000+02:00");
    }

    @Test
    void aWindowAcrossTheSpringForwardGapIsOneHourShorter() {
        CalendarFixture f = new CalendarFixture(Instant.parse("2026-03-20T00:00:00Z"));
        Host night = f.host(1, "night", BERLIN, Map.of("sun", List.of("01:00-04:00")));
        EventType type = f.eventType(10, 60, 60, 0, 0, 0, night);
        f.load();

        List<Instant> slots = f.scheduler.slots(
                type, null, Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-29T12:00:00Z"), 60, null);

        assertThat(slots.stream().map(s -> Times.luxon(s, "Europe/Berlin")).toList())
                .containsExactly("2026-03-29T01:00:00.000+01:00", "2026-03-29T03:00:00.000+02:00");
    }

    @Test
    void aWindowAcrossTheFallBackOverlapIsOneHourLongerAndShowsBothOffsets() {
        CalendarFixture f = new CalendarFixture(Instant.parse("2026-10-20T00:00:00Z"));
        Host night = f.host(1, "night", BERLIN, Map.of("sun", List.of("01:00-04:00")));
        EventType type = f.eventType(10, 60, 60, 0, 0, 0, night);
        f.load();

        List<Instant> slots = f.scheduler.slots(
                type, null, Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-25T12:00:00Z"), 60, null);

        assertThat(slots.stream().map(s -> Times.luxon(s, "Europe/Berlin")).toList())
                .containsExactly(
                        "2026-10-25T01:00:00.000+02:00",
                        "2026-10-25T02:00:00.000+02:00",
                        "2026-10-25T02:00:00.000+01:00",
                        "2026-10-25T03:00:00.000+01:00");
    }

    @Test
    void hostsInOtherZonesWorkInTheirOwnLocalHours() {
        CalendarFixture f = new CalendarFixture(Instant.parse("2026-01-05T00:00:00Z"));
        Host carl = f.host(1, "carl", ZoneId.of("Europe/London"), weekdays("09:00-10:00"));
        EventType type = f.eventType(10, 30, 30, 0, 0, 0, carl);
        f.load();

        List<Instant> slots = f.scheduler.slots(
                type, null, Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-05T23:59:59Z"), 30, null);

        assertThat(slots.stream().map(s -> Times.luxon(s, "Europe/London")).toList())
                .containsExactly("2026-01-05T09:00:00.000+00:00", "2026-01-05T09:30:00.000+00:00");
        assertThat(slots.stream().map(s -> Times.luxon(s, null)).toList())
                .containsExactly("2026-01-05T09:00:00.000Z", "2026-01-05T09:30:00.000Z");
    }
}
