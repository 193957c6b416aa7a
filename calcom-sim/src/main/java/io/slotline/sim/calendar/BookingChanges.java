package io.slotline.sim.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cancelling and rescheduling a booking for {@link Scheduler}, by Cal.com's rules (handleCancelBooking,
 * the reschedule flow of API v2 2024-08-13): who must give a reason, what can no longer be changed, which host a
 * moved round-robin booking gets. Messages are Cal.com's own texts.
 */
final class BookingChanges {

    private final CalendarStore store;
    private final Clock clock;
    private final Ids ids;

    BookingChanges(CalendarStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Cancels; {@code callerUserId} is the API key's user. handleCancelBooking
     * (packages/features/bookings/lib/handleCancelBooking.ts, isCancellationReasonRequired in
     * packages/features/bookings/lib/cancellationReason.ts) requires a reason by the event type's setting, by
     * default when the caller is the booking's host; the HttpError passes API v2 unmapped, so the body is Nest's
     * plain {@code {"statusCode":400,"message":"Cancellation reason is required"}}.
     */
    Booking cancel(String uid, @Nullable String reason, @Nullable Long callerUserId) {
        Instant now = clock.instant();
        return store.write(d -> {
            Booking booking = d.bookings.get(uid);
            if (booking == null) {
                throw new CalendarException(404, "Booking with uid=" + uid + " not found");
            }
            if (!booking.isActive()) {
                throw new CalendarException(
                        400,
                        "Can't cancel booking with uid=" + uid
                                + " because it has been cancelled already. Please provide uid of a booking that is not "
                                + "cancelled.");
            }
            if (!booking.end().isAfter(now)) {
                throw new CalendarException(400, "Cannot cancel a booking that has already ended", true);
            }
            EventType eventType = d.eventTypes.get(booking.eventTypeId());
            boolean isHost = callerUserId != null && callerUserId == booking.hostId();
            if ((reason == null || reason.isBlank())
                    && eventType != null
                    && reasonRequired(eventType.settings().cancellationReason(), isHost)) {
                throw new CalendarException(400, Scheduler.MSG_REASON_REQUIRED, true);
            }
            Host host = d.hosts.get(booking.hostId());
            Booking cancelled = booking.cancelled(reason, host != null ? host.email() : "", now);
            d.replace(cancelled);
            return cancelled;
        });
    }

    private static boolean reasonRequired(EventType.CancellationReason rule, boolean isHost) {
        return switch (rule) {
            case MANDATORY_HOST_ONLY -> isHost;
            case MANDATORY_ATTENDEE_ONLY -> !isHost;
            case MANDATORY_BOTH -> true;
            case OPTIONAL_BOTH -> false;
        };
    }

    Scheduler.PreparedReschedule prepare(Scheduler.RescheduleRequest request) {
        Instant now = clock.instant();
        Booking original = store.booking(request.uid())
                .orElseThrow(() -> new CalendarException(
                        404, "Booking with uid=" + request.uid() + " was not found in the database"));
        checkReschedulable(original);
        EventType eventType = store.eventType(original.eventTypeId())
                .orElseThrow(() ->
                        new CalendarException(404, "Event type with id " + original.eventTypeId() + " not found."));
        Instant start = request.start();
        Instant end = start.plus(Duration.ofMinutes(original.durationMinutes()));
        Scheduler.checkBounds(eventType, start, now);
        Scheduler.checkBookable(eventType);
        return store.read(d -> {
            Host host = Scheduler.pickHost(
                    d,
                    eventType,
                    rescheduleCandidates(d, eventType, original),
                    start,
                    end,
                    original.uid(),
                    Scheduler.MSG_TAKEN);
            return new Scheduler.PreparedReschedule(request, original, eventType, host, end);
        });
    }

    /**
     * filterHostsBySameRoundRobinHost (packages/lib/bookings/filterHostsBySameRoundRobinHost.ts): with
     * rescheduleWithSameRoundRobinHost the round-robin pool is the original organizer (all hosts when they are no
     * longer one); without it a new lucky host is chosen among those free at the new time.
     */
    private static List<Host> rescheduleCandidates(CalendarStore.Data d, EventType eventType, Booking original) {
        List<Host> hosts = d.hostsOf(eventType);
        if (eventType.isRoundRobin() && eventType.settings().rescheduleWithSameRoundRobinHost()) {
            List<Host> same =
                    hosts.stream().filter(h -> h.id() == original.hostId()).toList();
            return same.isEmpty() ? hosts : same;
        }
        return hosts;
    }

    Scheduler.Rescheduled commit(Scheduler.PreparedReschedule prepared) {
        Instant now = clock.instant();
        Scheduler.RescheduleRequest request = prepared.request();
        return store.write(d -> {
            Booking original = d.bookings.get(request.uid());
            if (original == null) {
                throw new CalendarException(
                        404, "Booking with uid=" + request.uid() + " was not found in the database");
            }
            checkReschedulable(original);
            String holder =
                    d.activeSlots.get(new CalendarStore.SlotKey(prepared.host().id(), request.start(), prepared.end()));
            if (holder != null && !holder.equals(original.uid())) {
                throw new CalendarException(409, Scheduler.MSG_CONFLICT, true);
            }
            String newUid = ids.bookingUid();
            Booking moved = original.rescheduledTo(newUid, request.rescheduledBy(), now);
            d.replace(moved);
            Booking booking = new Booking(
                    d.nextBookingId,
                    newUid,
                    original.eventTypeId(),
                    original.ownerKey(),
                    prepared.host().id(),
                    request.start(),
                    prepared.end(),
                    prepared.eventType().settings().requiresConfirmation() ? Booking.PENDING : Booking.ACCEPTED,
                    original.attendee(),
                    original.guests(),
                    original.metadata(),
                    original.responses(),
                    original.location(),
                    now,
                    null,
                    null,
                    null,
                    request.reason(),
                    request.rescheduledBy(),
                    original.uid(),
                    null);
            d.insert(booking);
            return new Scheduler.Rescheduled(moved, booking);
        });
    }

    private static void checkReschedulable(Booking booking) {
        if (booking.isActive()) {
            return;
        }
        String uid = booking.uid();
        String movedTo = booking.rescheduledToUid();
        if (movedTo != null) {
            throw new CalendarException(
                    400,
                    "Can't reschedule booking with uid=" + uid
                            + " because it has been cancelled and rescheduled already to booking with uid=" + movedTo
                            + ". You probably want to reschedule " + movedTo
                            + " instead by passing it within the request URL.");
        }
        throw new CalendarException(
                400,
                "Can't reschedule booking with uid=" + uid
                        + " because it has been cancelled. Please provide uid of a booking that is not cancelled.");
    }
}
