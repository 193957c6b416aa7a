package io.slotline.sim.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Availability as Cal.com computes it for one event type: slot starts step through each working window of each host
 * by the slot interval; a start is offered when the slot fits the window, respects minimum notice and booking window,
 * and the slot widened by the event type's buffers does not overlap any active booking of that host widened by the
 * buffers of the booking's own event type. Reservations hide time as Cal.com's slots code does
 * (packages/trpc/server/routers/viewer/slots/ReservedSlotHandler.ts, SlotFilter.ts): every unexpired reservation
 * recorded against any host of the event type, whatever event type it was made for, removes the slots overlapping it
 * from the whole answer; so one round-robin reservation (recorded against the first host) hides that time for every
 * host, and a reservation of a stylist's own event type hides it in every team event type she is a host of. API v2
 * sends no booker cookie, so a caller's own reservations hide time from them too. Callers hold the store's lock.
 */
final class SlotFinder {

    /** Busy time cannot reach further than this from a booking (bookings are shorter than a day, buffers too). */
    private static final Duration REACH = Duration.ofDays(2);

    private record Interval(Instant start, Instant end) {
        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    private SlotFinder() {}

    static List<Instant> slots(
            CalendarStore.Data data,
            EventType eventType,
            @Nullable Host onlyHost,
            Instant from,
            Instant to,
            int duration,
            @Nullable String ignoredBookingUid,
            Instant now) {
        if (eventType.isManagedParent()) {
            // apps/api/v2/src/modules/slots/slots-2024-09-04/controllers/slots.controller.ts: a managed parent has
            // no usable slots, its children (each member's own event type) do
            return List.of();
        }
        int hostCount = data.hostsOf(eventType).size();
        Instant earliest = earliestStart(eventType, now);
        Instant latest = latestStart(eventType, now);
        Duration length = Duration.ofMinutes(duration);
        Duration step = Duration.ofMinutes(eventType.stepMinutes(duration));
        Map<Instant, Integer> freeHosts = new TreeMap<>();
        Set<Instant> freeForOnlyHost = new HashSet<>();
        for (Host host : data.hostsOf(eventType)) {
            // a seated event type's own bookings are shared times, offered while seats are left (below)
            List<Interval> busy = busy(
                    data,
                    host,
                    from.minus(REACH),
                    to.plus(REACH),
                    ignoredBookingUid,
                    eventType.isSeated() ? eventType.id() : null);
            for (WeeklySchedule.Occurrence window : host.schedule().occurrences(host.timeZone(), from, to)) {
                for (Instant start = window.start();
                        !start.plus(length).isAfter(window.end());
                        start = start.plus(step)) {
                    if (start.isBefore(from)
                            || start.isAfter(to)
                            || start.isBefore(earliest)
                            || (latest != null && start.isAfter(latest))
                            || isBusy(busy, eventType, start, start.plus(length))
                            || (eventType.isSeated() && !seatLeft(data, eventType, host, start, length, now))) {
                        continue;
                    }
                    freeHosts.merge(start, 1, Integer::sum);
                    if (onlyHost != null && onlyHost.id() == host.id()) {
                        freeForOnlyHost.add(start);
                    }
                }
            }
        }
        List<Reservation> hiding = hidingReservations(data, eventType, now);
        List<Instant> offered = new ArrayList<>();
        for (Map.Entry<Instant, Integer> candidate : freeHosts.entrySet()) {
            Instant start = candidate.getKey();
            if (onlyHost != null && !freeForOnlyHost.contains(start)) {
                continue;
            }
            if (eventType.isCollective() && candidate.getValue() < hostCount) {
                // getAggregatedAvailability: a collective slot needs every host free
                continue;
            }
            if (overlapping(hiding, start, start.plus(length)).isEmpty()) {
                offered.add(start);
            }
        }
        return offered;
    }

    /**
     * A seated event type's time (packages/trpc/server/routers/viewer/slots/util.ts with currentSeats,
     * SeatProcessor.ts): free while the host's booking of this event type at exactly that start has a seat left,
     * counting seat reservations; busy when another of its bookings overlaps at another start.
     */
    private static boolean seatLeft(
            CalendarStore.Data data, EventType eventType, Host host, Instant start, Duration length, Instant now) {
        for (Booking booking : data.hostBookings(host.id(), start.minus(REACH), start.plus(REACH))) {
            if (!booking.isActive()
                    || booking.eventTypeId() != eventType.id()
                    || !booking.start().isBefore(start.plus(length))
                    || !start.isBefore(booking.end())) {
                continue;
            }
            if (!booking.start().equals(start) || seatsTaken(data, eventType, booking, now) >= eventType.seats()) {
                return false;
            }
        }
        return seatReservations(data, eventType, start, now) < eventType.seats();
    }

    /** The active booking of a seated event type that starts at {@code start}, if any. */
    static @Nullable Booking seatedBookingAt(CalendarStore.Data data, EventType eventType, Instant start) {
        for (Host host : data.hostsOf(eventType)) {
            for (Booking booking : data.hostBookings(host.id(), start, start)) {
                if (booking.isActive()
                        && booking.eventTypeId() == eventType.id()
                        && booking.start().equals(start)) {
                    return booking;
                }
            }
        }
        return null;
    }

    /** Seats taken in a seated booking, its seat reservations (SeatProcessor.ts) included. */
    static int seatsTaken(CalendarStore.Data data, EventType eventType, Booking booking, Instant now) {
        return data.seatsOf(booking).size() + seatReservations(data, eventType, booking.start(), now);
    }

    static int seatReservations(CalendarStore.Data data, EventType eventType, Instant start, Instant now) {
        int count = 0;
        for (Reservation reservation : data.reservations.values()) {
            if (reservation.seat()
                    && reservation.isActive(now)
                    && reservation.eventTypeId() == eventType.id()
                    && reservation.slotStart().equals(start)) {
                count++;
            }
        }
        return count;
    }

    /**
     * ReservedSlotHandler.getReservedSlotsAndCleanupExpired: unexpired reservations whose user is one of the event
     * type's hosts ({@code userId in usersWithCredentials}, no event-type filter); SlotFilter skips seat ones.
     */
    private static List<Reservation> hidingReservations(CalendarStore.Data data, EventType eventType, Instant now) {
        Set<Long> hostIds = new HashSet<>(eventType.hostIds());
        List<Reservation> hiding = new ArrayList<>();
        for (Reservation reservation : data.reservations.values()) {
            if (reservation.isActive(now) && !reservation.seat() && hostIds.contains(reservation.userId())) {
                hiding.add(reservation);
            }
        }
        return hiding;
    }

    static Instant earliestStart(EventType eventType, Instant now) {
        return now.plus(Duration.ofMinutes(eventType.minimumBookingNotice()));
    }

    static @Nullable Instant latestStart(EventType eventType, Instant now) {
        Integer days = eventType.bookingWindowDays();
        return days == null ? null : now.plus(Duration.ofDays(days));
    }

    /** Within working hours and not overlapping another active booking (both widened by their buffers). */
    static boolean isFree(
            CalendarStore.Data data,
            EventType eventType,
            Host host,
            Instant start,
            Instant end,
            @Nullable String ignoredBookingUid) {
        if (!host.schedule().covers(host.timeZone(), start, end)) {
            return false;
        }
        return !isBusy(
                busy(data, host, start.minus(REACH), end.plus(REACH), ignoredBookingUid, null), eventType, start, end);
    }

    /** Active reservations of the event type overlapping the slot, except the caller's own. */
    static List<Reservation> heldByOthers(
            CalendarStore.Data data,
            EventType eventType,
            Instant start,
            Instant end,
            @Nullable String ownReservationUid,
            Instant now) {
        List<Reservation> others = new ArrayList<>();
        for (Reservation reservation : overlapping(activeReservations(data, eventType, now), start, end)) {
            if (!reservation.uid().equals(ownReservationUid)) {
                others.add(reservation);
            }
        }
        return others;
    }

    private static List<Reservation> overlapping(List<Reservation> reservations, Instant start, Instant end) {
        List<Reservation> found = new ArrayList<>();
        for (Reservation reservation : reservations) {
            if (reservation.overlaps(start, end)) {
                found.add(reservation);
            }
        }
        return found;
    }

    /** Active bookings of the host on the same local day: the round-robin tie breaker. */
    static long bookingsThatDay(CalendarStore.Data data, Host host, Instant start) {
        LocalDate day = start.atZone(host.timeZone()).toLocalDate();
        Instant dayStart = day.atStartOfDay(host.timeZone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(host.timeZone()).toInstant();
        return data.hostBookings(host.id(), dayStart, dayEnd).stream()
                .filter(Booking::isActive)
                .filter(b -> b.start().isBefore(dayEnd))
                .count();
    }

    private static boolean isBusy(List<Interval> busy, EventType eventType, Instant start, Instant end) {
        Instant wideStart = start.minus(Duration.ofMinutes(eventType.beforeEventBuffer()));
        Instant wideEnd = end.plus(Duration.ofMinutes(eventType.afterEventBuffer()));
        for (Interval interval : busy) {
            if (interval.overlaps(wideStart, wideEnd)) {
                return true;
            }
        }
        return false;
    }

    private static List<Interval> busy(
            CalendarStore.Data data,
            Host host,
            Instant from,
            Instant to,
            @Nullable String ignoredBookingUid,
            @Nullable Long seatedEventTypeId) {
        List<Interval> busy = new ArrayList<>();
        for (Booking booking : data.hostBookings(host.id(), from, to)) {
            if (!booking.isActive()
                    || booking.uid().equals(ignoredBookingUid)
                    || (seatedEventTypeId != null && booking.eventTypeId() == seatedEventTypeId)) {
                continue;
            }
            EventType own = CalendarStore.eventTypeOf(data, booking);
            int before = own == null ? 0 : own.beforeEventBuffer();
            int after = own == null ? 0 : own.afterEventBuffer();
            busy.add(new Interval(
                    booking.start().minus(Duration.ofMinutes(before)),
                    booking.end().plus(Duration.ofMinutes(after))));
        }
        return busy;
    }

    private static List<Reservation> activeReservations(CalendarStore.Data data, EventType eventType, Instant now) {
        List<Reservation> active = new ArrayList<>();
        for (Reservation reservation : data.reservations.values()) {
            if (reservation.eventTypeId() == eventType.id() && reservation.isActive(now)) {
                active.add(reservation);
            }
        }
        return active;
    }
}
