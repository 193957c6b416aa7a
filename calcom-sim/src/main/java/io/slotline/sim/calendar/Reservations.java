package io.slotline.sim.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Slot reservations ({@code /v2/slots/reservations}) for {@link Scheduler}: Cal.com's order of checks, what a
 * reservation holds (once per host for round robin, a seat for a seated event type, the slot otherwise) and for how
 * long. Messages are Cal.com's own texts (slots.service.ts).
 */
final class Reservations {

    private static final int DEFAULT_RESERVATION_MINUTES = 5;

    private final CalendarStore store;
    private final Clock clock;
    private final Ids ids;

    Reservations(CalendarStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** Cal.com's order of checks for {@code POST /v2/slots/reservations}. */
    Reservation reserve(Scheduler.ReserveRequest request, @Nullable Tenant caller) {
        return store.write(d -> {
            EventType eventType = checkReservable(d, request, caller);
            Instant end = request.slotStart()
                    .plus(Duration.ofMinutes(
                            request.slotDuration() != null ? request.slotDuration() : eventType.lengthInMinutes()));
            checkReservationFree(d, eventType, request.slotStart(), end, null);
            Reservation reservation =
                    newReservation(ids.uuid(), eventType, request, end, caller != null ? caller.apiKey() : null);
            d.reservations.put(reservation.uid(), reservation);
            return reservation;
        });
    }

    Optional<Reservation> reservation(String uid) {
        Instant now = clock.instant();
        return store.read(d -> Optional.ofNullable(d.reservations.get(uid)).filter(r -> r.isActive(now)));
    }

    Reservation update(String uid, Scheduler.ReserveRequest request, @Nullable Tenant caller) {
        return store.write(d -> {
            Reservation existing = d.reservations.get(uid);
            if (existing == null) {
                throw new CalendarException(404, "Slot with uid=" + uid + " not found");
            }
            EventType eventType = checkReservable(d, request, caller);
            Instant end = request.slotStart()
                    .plus(Duration.ofMinutes(
                            request.slotDuration() != null ? request.slotDuration() : eventType.lengthInMinutes()));
            checkReservationFree(d, eventType, request.slotStart(), end, uid);
            Reservation updated = newReservation(uid, eventType, request, end, existing.ownerKey());
            d.reservations.put(uid, updated);
            return updated;
        });
    }

    void delete(String uid) {
        store.write(d -> d.reservations.remove(uid));
    }

    private Reservation newReservation(
            String uid, EventType eventType, Scheduler.ReserveRequest request, Instant end, @Nullable String ownerKey) {
        int minutes =
                request.reservationDuration() != null ? request.reservationDuration() : DEFAULT_RESERVATION_MINUTES;
        // slots.service.ts reserveSlot: createSlot(eventType.userId ?? eventType.hosts[0].userId, ...,
        // isSeat = eventType.seatsPerTimeSlot !== null)
        long userId = eventType.ownerUserId() != null
                ? eventType.ownerUserId()
                : eventType.hostIds().get(0);
        return new Reservation(
                uid,
                eventType.id(),
                request.slotStart(),
                end,
                clock.instant().plus(Duration.ofMinutes(minutes)),
                minutes,
                ownerKey,
                userId,
                eventType.isSeated());
    }

    private static EventType checkReservable(
            CalendarStore.Data d, Scheduler.ReserveRequest request, @Nullable Tenant caller) {
        if (request.reservationDuration() != null && caller == null) {
            throw new CalendarException(
                    401,
                    "reservationDuration can only be used for authenticated requests - "
                            + "use access token, api key or OAuth credentials");
        }
        EventType eventType = d.eventTypes.get(request.eventTypeId());
        if (eventType == null) {
            throw new CalendarException(404, "Event Type with ID=" + request.eventTypeId() + " not found");
        }
        if (request.reservationDuration() != null
                && caller != null
                && !caller.apiKey().equals(eventType.ownerKey())) {
            throw new CalendarException(
                    403,
                    "authenticated user is not owner of event type, does not have "
                            + "memberships in common with owner of the event type, nor does belong to event type's team or org.");
        }
        Integer slotDuration = request.slotDuration();
        if (slotDuration != null) {
            if (!eventType.hasMultipleDurations()) {
                throw new CalendarException(
                        400, "You passed 'slotDuration' but this event type is not a variable length event type.");
            }
            if (!eventType.lengthOptions().contains(slotDuration)) {
                throw new CalendarException(
                        400,
                        "Provided 'slotDuration' is not one of the possible lengths for the "
                                + "event type. The possible lengths for this variable length event type are: "
                                + String.join(
                                        ", ",
                                        eventType.lengthOptions().stream()
                                                .map(String::valueOf)
                                                .toList()));
            }
        }
        return eventType;
    }

    /**
     * Cal.com's reservation checks: a round-robin slot can be held once per host (bookings are not looked at); a
     * personal event type's slot cannot be held when booked or already held.
     */
    private void checkReservationFree(
            CalendarStore.Data d, EventType eventType, Instant start, Instant end, @Nullable String ownUid) {
        Instant now = clock.instant();
        List<Reservation> held = SlotFinder.heldByOthers(d, eventType, start, end, ownUid, now);
        if (eventType.isSeated()) {
            // slots.service.ts: a seated slot is refused only when its booking has no seat left
            Booking shared = SlotFinder.seatedBookingAt(d, eventType, start);
            if (shared != null && d.seatsOf(shared).size() >= eventType.seats()) {
                throw new CalendarException(
                        422, "Booking with id=" + eventType.id() + " at " + start + " has no more seats left.");
            }
            if (!held.isEmpty()) {
                throw new CalendarException(
                        422, "This time slot is already reserved by another user. Please choose a different time.");
            }
            return;
        }
        if (eventType.isRoundRobin()) {
            if (held.size() >= eventType.hostIds().size()) {
                throw new CalendarException(
                        422,
                        "Can't reserve the slot because the round robin event type has no "
                                + "available hosts left at this time slot.");
            }
            return;
        }
        boolean booked = d.bookings.values().stream()
                .anyMatch(b -> b.eventTypeId() == eventType.id()
                        && b.isActive()
                        && b.start().isBefore(end)
                        && start.isBefore(b.end()));
        if (booked) {
            throw new CalendarException(422, "Can't reserve a slot if the event is already booked.");
        }
        if (!held.isEmpty()) {
            throw new CalendarException(
                    422, "This time slot is already reserved by another user. Please choose a different time.");
        }
    }
}
