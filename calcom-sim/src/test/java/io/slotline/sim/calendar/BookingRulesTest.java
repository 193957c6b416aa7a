package io.slotline.sim.calendar;

import static io.slotline.sim.calendar.CalendarFixture.BERLIN;
import static io.slotline.sim.calendar.CalendarFixture.anyHost;
import static io.slotline.sim.calendar.CalendarFixture.berlin;
import static io.slotline.sim.calendar.CalendarFixture.request;
import static io.slotline.sim.calendar.CalendarFixture.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private CalendarFixture f;
    private Host anna;
    private Host ben;
    private EventType team;
    private EventType annaOnly;

    @BeforeEach
    void calendar() {
        f = new CalendarFixture(berlin("2026-03-23T08:00"));
        anna = f.host(1, "anna", BERLIN, weekdays("09:00-12:00"));
        ben = f.host(2, "ben", BERLIN, weekdays("09:00-12:00"));
        team = f.eventType(10, 30, 30, 60, 0, 0, anna, ben);
        annaOnly = f.eventType(11, 30, 30, 0, 0, 0, anna);
        f.load();
    }

    private static CalendarException refusal(Runnable action) {
        try {
            action.run();
        } catch (CalendarException e) {
            return e;
        }
        throw new AssertionError("expected a CalendarException");
    }

    @Test
    void twoCreatesThatBothPassedTheCheckCollideOnTheUniqueKey() {
        Scheduler.PreparedBooking first = f.scheduler.prepare(anyHost(team, berlin("2026-03-23T10:00")));
        Scheduler.PreparedBooking second = f.scheduler.prepare(anyHost(team, berlin("2026-03-23T10:00")));
        assertThat(second.host()).isEqualTo(first.host());

        Booking booked = f.scheduler.commit(first);
        CalendarException conflict = refusal(() -> f.scheduler.commit(second));

        assertThat(booked.status()).isEqualTo(Booking.ACCEPTED);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.nestRaw()).isTrue();
        assertThat(conflict.getMessage()).isEqualTo("booking_conflict_error");
    }

    @Test
    void aLaterCreateForATakenTimeIsRefusedByTheAvailabilityCheck() {
        f.book(annaOnly, anna, berlin("2026-03-23T10:00"));

        CalendarException taken =
                refusal(() -> f.scheduler.prepare(request(annaOnly, anna, berlin("2026-03-23T10:00"), null)));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.getMessage()).isEqualTo(Scheduler.MSG_TAKEN);
    }

    @Test
    void anyHostBookingsGoToTheLeastBusyFreeHostUntilNobodyIsLeft() {
        Booking first = f.scheduler.create(anyHost(team, berlin("2026-03-23T10:00")));
        Booking second = f.scheduler.create(anyHost(team, berlin("2026-03-23T10:00")));
        Booking third = f.scheduler.create(anyHost(team, berlin("2026-03-23T11:00")));

        assertThat(first.hostId()).isEqualTo(anna.id());
        assertThat(second.hostId()).isEqualTo(ben.id());
        assertThat(third.hostId()).isEqualTo(anna.id());
        assertThat(refusal(() -> f.scheduler.create(anyHost(team, berlin("2026-03-23T10:00"))))
                        .getMessage())
                .isEqualTo(Scheduler.MSG_TAKEN_TEAM);
    }

    @Test
    void pastTooSoonAndOutsideHoursAreRefusedWithCalcomsMessages() {
        assertThat(refusal(() -> f.scheduler.create(anyHost(team, berlin("2026-03-23T07:00"))))
                        .getMessage())
                .isEqualTo(Scheduler.MSG_PAST);
        assertThat(refusal(() -> f.scheduler.create(anyHost(team, berlin("2026-03-23T08:30"))))
                        .getMessage())
                .isEqualTo(Scheduler.MSG_OUT_OF_BOUNDS);
        assertThat(refusal(() -> f.scheduler.create(anyHost(team, berlin("2026-03-23T12:00"))))
                        .getMessage())
                .isEqualTo(Scheduler.MSG_TAKEN_TEAM);
    }

    @Test
    void bookingWindowLimitsHowFarAheadOneCanBook() {
        EventType windowed = new EventType(
                12,
                CalendarFixture.KEY,
                anna.id(),
                null,
                "W",
                "w",
                "",
                30,
                List.of(),
                30,
                0,
                0,
                0,
                List.of(anna.id()),
                7,
                false,
                null);
        f.store.add(new ScenarioData(List.of(), List.of(), List.of(windowed), List.of()));

        assertThat(f.scheduler
                        .create(request(windowed, anna, berlin("2026-03-27T10:00"), null))
                        .status())
                .isEqualTo(Booking.ACCEPTED);
        assertThat(refusal(() -> f.scheduler.create(request(windowed, anna, berlin("2026-04-06T10:00"), null)))
                        .getMessage())
                .isEqualTo(Scheduler.MSG_OUT_OF_BOUNDS);
    }

    private List<Instant> monday(EventType eventType) {
        return f.scheduler.slots(eventType, null, berlin("2026-03-23T00:00"), berlin("2026-03-23T23:59"), 30, null);
    }

    /**
     * calcom-teams.md section 4: the booking core does not look at reservations (RegularBookingService), the slots
     * code hides them (packages/trpc/server/routers/viewer/slots/SlotFilter.ts).
     */
    @Test
    void aReservationHidesTheTimeButNeverRefusesABooking() {
        f.scheduler.reserve(new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T10:00"), null, null), null);

        assertThat(monday(annaOnly)).doesNotContain(berlin("2026-03-23T10:00")).contains(berlin("2026-03-23T10:30"));
        Booking booked = f.scheduler.create(request(annaOnly, anna, berlin("2026-03-23T10:00"), null));
        assertThat(booked.status()).isEqualTo(Booking.ACCEPTED);
    }

    /**
     * apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts records a team reservation against
     * hosts[0]; ReservedSlotHandler.ts loads reservations by the event type's hosts' user ids, whatever event type
     * they were made for.
     */
    @Test
    void aRoundRobinReservationIsTheFirstHostsAndHidesTheTimeForEveryHostAndHerOtherEventTypes() {
        Reservation held = f.scheduler.reserve(
                new Scheduler.ReserveRequest(team.id(), berlin("2026-03-23T10:00"), null, null), null);

        assertThat(held.userId()).isEqualTo(anna.id());
        assertThat(monday(team))
                .as("Ben is free, the time is hidden all the same")
                .doesNotContain(berlin("2026-03-23T10:00"));
        assertThat(monday(annaOnly)).as("Anna's own event type too").doesNotContain(berlin("2026-03-23T10:00"));
        Booking booked = f.scheduler.create(anyHost(team, berlin("2026-03-23T10:00")));
        assertThat(booked.status()).isEqualTo(Booking.ACCEPTED);
    }

    @Test
    void aReservationOfAStylistsOwnEventTypeHidesHerTimeInTheTeamEventType() {
        EventType benOnly = f.eventType(12, 30, 30, 0, 0, 0, ben);
        f.store.add(new ScenarioData(List.of(), List.of(), List.of(benOnly), List.of()));

        f.scheduler.reserve(new Scheduler.ReserveRequest(benOnly.id(), berlin("2026-03-23T11:00"), null, null), null);

        assertThat(monday(team)).as("Ben is a host of the team event type").doesNotContain(berlin("2026-03-23T11:00"));
        assertThat(monday(annaOnly)).as("not Anna's").contains(berlin("2026-03-23T11:00"));
    }

    @Test
    void reservationsFollowCalcomsChecks() {
        f.book(annaOnly, anna, berlin("2026-03-23T10:00"));
        f.scheduler.reserve(new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T11:00"), null, null), null);
        Tenant caller = f.store.tenant(CalendarFixture.KEY).orElseThrow();

        assertThat(refusal(() -> f.scheduler.reserve(
                                new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T09:00"), null, 10),
                                null))
                        .status())
                .isEqualTo(401);
        assertThat(refusal(() -> f.scheduler.reserve(
                                new Scheduler.ReserveRequest(99, berlin("2026-03-23T09:00"), null, null), null))
                        .getMessage())
                .isEqualTo("Event Type with ID=99 not found");
        assertThat(refusal(() -> f.scheduler.reserve(
                                new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T09:00"), 30, null),
                                null))
                        .getMessage())
                .isEqualTo("You passed 'slotDuration' but this event type is not a variable length event type.");
        assertThat(refusal(() -> f.scheduler.reserve(
                                new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T10:00"), null, null),
                                null))
                        .getMessage())
                .isEqualTo("Can't reserve a slot if the event is already booked.");
        CalendarException reserved = refusal(() -> f.scheduler.reserve(
                new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T11:00"), null, null), null));
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.getMessage())
                .isEqualTo("This time slot is already reserved by another user. Please choose a different time.");
        Reservation custom = f.scheduler.reserve(
                new Scheduler.ReserveRequest(annaOnly.id(), berlin("2026-03-23T09:00"), null, 10), caller);
        assertThat(custom.until()).isEqualTo(f.clock.instant().plusSeconds(600));
    }

    @Test
    void aRoundRobinSlotCanBeHeldOncePerHost() {
        Scheduler.ReserveRequest ten = new Scheduler.ReserveRequest(team.id(), berlin("2026-03-23T10:00"), null, null);
        f.book(team, anna, berlin("2026-03-23T10:00"));

        f.scheduler.reserve(ten, null);
        f.scheduler.reserve(ten, null);
        CalendarException third = refusal(() -> f.scheduler.reserve(ten, null));
        Booking withoutReservation = f.scheduler.create(anyHost(team, berlin("2026-03-23T10:00")));

        assertThat(third.status()).isEqualTo(422);
        assertThat(third.getMessage())
                .isEqualTo("Can't reserve the slot because the round robin event type has no "
                        + "available hosts left at this time slot.");
        assertThat(withoutReservation.hostId())
                .as("reservations refuse nothing")
                .isEqualTo(ben.id());
    }

    @Test
    void cancellingFreesTheTimeAndCannotBeRepeated() {
        Booking booking = f.book(annaOnly, anna, berlin("2026-03-23T10:00"));

        Booking cancelled = f.scheduler.cancel(booking.uid(), "changed plans");

        assertThat(cancelled.status()).isEqualTo(Booking.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo("changed plans");
        assertThat(cancelled.updatedAt()).isEqualTo(f.clock.instant());
        assertThat(f.book(annaOnly, anna, berlin("2026-03-23T10:00")).status()).isEqualTo(Booking.ACCEPTED);
        assertThat(refusal(() -> f.scheduler.cancel(booking.uid(), null)).getMessage())
                .isEqualTo("Can't cancel booking with uid=" + booking.uid() + " because it has been cancelled already. "
                        + "Please provide uid of a booking that is not cancelled.");
        assertThat(refusal(() -> f.scheduler.cancel("nope", null)).status()).isEqualTo(404);
    }

    @Test
    void cancellingAnEndedBookingIsNestsRawError() {
        Booking booking = f.book(annaOnly, anna, berlin("2026-03-23T10:00"));
        f.clock.fix(berlin("2026-03-23T10:30"));

        CalendarException ended = refusal(() -> f.scheduler.cancel(booking.uid(), null));

        assertThat(ended.nestRaw()).isTrue();
        assertThat(ended.getMessage()).isEqualTo("Cannot cancel a booking that has already ended");
    }

    @Test
    void rescheduleCreatesANewBookingAndCancelsTheOldOneWhoseTimeCountsAsFree() {
        Booking original = f.book(annaOnly, anna, berlin("2026-03-23T10:00"));

        Scheduler.Rescheduled moved = f.scheduler.reschedule(new Scheduler.RescheduleRequest(
                original.uid(), berlin("2026-03-23T10:15"), "traffic", "anna@test.example"));

        assertThat(moved.booking().uid()).isNotEqualTo(original.uid());
        assertThat(moved.booking().rescheduledFromUid()).isEqualTo(original.uid());
        assertThat(moved.booking().start()).isEqualTo(berlin("2026-03-23T10:15"));
        assertThat(moved.booking().reschedulingReason()).isEqualTo("traffic");
        assertThat(moved.original().status()).isEqualTo(Booking.CANCELLED);
        assertThat(moved.original().rescheduledToUid())
                .isEqualTo(moved.booking().uid());
        assertThat(f.store.booking(original.uid()).orElseThrow().status()).isEqualTo(Booking.CANCELLED);
    }

    @Test
    void reschedulingACancelledBookingIsRefusedWithCalcomsMessages() {
        Booking original = f.book(annaOnly, anna, berlin("2026-03-23T10:00"));
        Scheduler.Rescheduled moved = f.scheduler.reschedule(
                new Scheduler.RescheduleRequest(original.uid(), berlin("2026-03-23T11:00"), null, null));
        Booking other = f.book(annaOnly, anna, berlin("2026-03-23T09:00"));
        f.scheduler.cancel(other.uid(), null);

        assertThat(refusal(() -> f.scheduler.reschedule(
                                new Scheduler.RescheduleRequest(other.uid(), berlin("2026-03-23T11:30"), null, null)))
                        .getMessage())
                .isEqualTo("Can't reschedule booking with uid="
                        + other.uid() + " because it has been cancelled. Please provide uid of a booking that is not "
                        + "cancelled.");
        assertThat(refusal(() -> f.scheduler.reschedule(new Scheduler.RescheduleRequest(
                                original.uid(), berlin("2026-03-23T11:30"), null, null)))
                        .getMessage())
                .isEqualTo("Can't reschedule booking with uid="
                        + original.uid() + " because it has been cancelled and rescheduled already to booking with uid="
                        + moved.booking().uid() + ". You probably want to reschedule "
                        + moved.booking().uid()
                        + " instead by passing it within the request URL.");
    }

    @Test
    void idsAreShortUuidsAndSequentialNumbers() {
        Booking first = f.book(annaOnly, anna, berlin("2026-03-23T10:00"));
        Booking second = f.book(annaOnly, anna, berlin("2026-03-23T11:00"));

        assertThat(first.uid()).matches("[1-9A-HJ-NP-Za-km-z]{22}");
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-23T07:00:00Z"));
    }
}
