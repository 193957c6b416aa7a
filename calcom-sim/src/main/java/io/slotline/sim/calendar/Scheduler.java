package io.slotline.sim.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cal.com's booking rules over the store: slots, create (check, then commit against the unique key), cancel and
 * reschedule (their rules in {@link BookingChanges}) and slot reservations (in {@link Reservations}). Messages are
 * Cal.com's own texts.
 */
public final class Scheduler {

    public static final String MSG_PAST = "Attempting to book a meeting in the past.";
    public static final String MSG_OUT_OF_BOUNDS = "The event type can't be booked at the \"start\" time provided. "
            + "This could be because it's too soon (violating the minimum booking notice) or too far in the future "
            + "(outside the event's scheduling window). Try fetching available slots first using the GET /v2/slots "
            + "endpoint and then make a booking with \"start\" time equal to one of the available slots.";
    /** Slot taken for a user event type, a managed child and every reschedule (packages/lib/errorCodes.ts). */
    public static final String MSG_TAKEN = "User either already has booking at this time or is not available";
    /** Slot taken for a round-robin or collective team event type, as API v2 maps no_available_users_found_error. */
    public static final String MSG_TAKEN_TEAM =
            "One of the hosts either already has booking at this time or is not available";

    public static final String MSG_REASON_REQUIRED = "Cancellation reason is required";
    public static final String MSG_CONFLICT = "booking_conflict_error";

    /** What a create needs once the request is validated. */
    public record BookingRequest(
            EventType eventType,
            @Nullable Host requestedHost,
            Instant start,
            int duration,
            Attendee attendee,
            @Nullable List<String> guests,
            Map<String, Object> metadata,
            Map<String, Object> responses,
            @Nullable String location,
            @Nullable String reservedSlotUid) {}

    /**
     * A create that passed the availability check and waits to be written.
     *
     * @param seatOf for a seated event type, the booking of that time the attendee takes a seat in (null: new)
     */
    public record PreparedBooking(
            BookingRequest request,
            Host host,
            Instant end,
            @Nullable String seatOf) {

        public PreparedBooking(BookingRequest request, Host host, Instant end) {
            this(request, host, end, null);
        }
    }

    /** A booking as a create answers it: for a seated event type with the new seat's uid. */
    public record Created(Booking booking, @Nullable String seatUid) {}

    /** What a seated time's slot says: seats taken and the booking they are in (null before the first seat). */
    public record SeatInfo(
            int seatsBooked, int seatsTotal, @Nullable String bookingUid) {}

    /** "No more seats left at this seated booking." (errors.service.ts maps booking_seats_full_error, 409). */
    public static final String MSG_SEATS_FULL = "No more seats left at this seated booking.";

    public record RescheduleRequest(
            String uid,
            Instant start,
            @Nullable String reason,
            @Nullable String rescheduledBy) {}

    public record PreparedReschedule(
            RescheduleRequest request, Booking original, EventType eventType, Host host, Instant end) {}

    public record Rescheduled(Booking original, Booking booking) {}

    public record ReserveRequest(
            long eventTypeId,
            Instant slotStart,
            @Nullable Integer slotDuration,
            @Nullable Integer reservationDuration) {}

    private final CalendarStore store;
    private final Clock clock;
    private final Ids ids;
    private final Reservations reservations;
    private final BookingChanges changes;

    public Scheduler(CalendarStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.reservations = new Reservations(store, clock, ids);
        this.changes = new BookingChanges(store, clock, ids);
    }

    public CalendarStore store() {
        return store;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- lookups

    public Optional<Tenant> tenant(String apiKey) {
        return store.tenant(apiKey);
    }

    public Optional<EventType> eventType(long id) {
        return store.eventType(id);
    }

    public Optional<Host> hostByUsername(String username) {
        return store.read(d -> d.hosts.values().stream()
                .filter(h -> h.username().equals(username))
                .findFirst());
    }

    /**
     * A user's own event type by slug: personal event types and managed children only. Cal.com resolves
     * {@code eventTypeSlug} + {@code username} through getUserEventTypeBySlug(userId, slug), the unique
     * {@code userId_slug} key, so a team event type the user hosts is not found
     * (apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots-input.service.ts,
     * apps/api/v2/src/ee/bookings/2024-08-13/services/input.service.ts).
     */
    public Optional<EventType> eventTypeBySlugAndUsername(String slug, String username) {
        return userIdByUsername(username)
                .flatMap(userId -> store.read(d -> d.eventTypes.values().stream()
                        .filter(e -> e.slug().equals(slug) && userId.equals(e.ownerUserId()))
                        .findFirst()));
    }

    /** A Cal.com user's id by username: a host, or the owner of an API key. */
    public Optional<Long> userIdByUsername(String username) {
        return store.read(d -> d.hosts.values().stream()
                .filter(h -> h.username().equals(username))
                .map(Host::id)
                .findFirst()
                .or(() -> d.tenants.values().stream()
                        .filter(t -> t.username().equals(username))
                        .map(Tenant::userId)
                        .findFirst()));
    }

    /** The user's own event types (personal and managed children), as {@code where: {userId}} in Cal.com. */
    public List<EventType> eventTypesOfUser(long userId) {
        return store.read(d -> d.eventTypes.values().stream()
                .filter(e -> e.ownerUserId() != null && e.ownerUserId() == userId)
                .toList());
    }

    /** A team's event types: round robin, collective and managed parents, not the children. */
    public List<EventType> eventTypesOfTeam(long teamId) {
        return store.read(d -> d.eventTypes.values().stream()
                .filter(e -> e.teamId() != null && e.teamId() == teamId)
                .toList());
    }

    /** The managed children of a parent. */
    public List<EventType> children(long parentId) {
        return store.read(d -> d.eventTypes.values().stream()
                .filter(e -> e.parentId() != null && e.parentId() == parentId)
                .toList());
    }

    /** The tenant whose team this is. */
    public Optional<Tenant> teamOwner(long teamId) {
        return store.read(d -> d.tenants.values().stream()
                .filter(t -> t.teamId() != null && t.teamId() == teamId)
                .findFirst());
    }

    public Optional<EventType> eventTypeBySlugAndTeam(String slug, String teamSlug) {
        return store.read(d -> d.tenants.values().stream()
                .filter(t -> teamSlug.equals(t.teamSlug()) && t.teamId() != null)
                .findFirst()
                .flatMap(t -> d.eventTypes.values().stream()
                        .filter(e -> e.slug().equals(slug) && Objects.equals(t.teamId(), e.teamId()))
                        .findFirst()));
    }

    public List<Host> hosts(EventType eventType) {
        return store.read(d -> d.hostsOf(eventType));
    }

    public List<EventType> eventTypesOwnedBy(String apiKey) {
        return store.read(d -> d.eventTypes.values().stream()
                .filter(e -> e.ownerKey().equals(apiKey))
                .toList());
    }

    public List<Booking> bookingsOwnedBy(String apiKey) {
        return store.read(d -> d.bookings.values().stream()
                .filter(b -> b.ownerKey().equals(apiKey))
                .toList());
    }

    public Optional<Booking> booking(String uid) {
        return store.booking(uid);
    }

    // ---- slots

    /**
     * Free slot starts in {@code [from, to]} (both inclusive), over all hosts of the event type or just
     * {@code onlyHost}. The booking {@code ignoredBookingUid} counts as free (rescheduling it).
     */
    public List<Instant> slots(
            EventType eventType,
            @Nullable Host onlyHost,
            Instant from,
            Instant to,
            int duration,
            @Nullable String ignoredBookingUid) {
        Instant now = clock.instant();
        return store.read(d -> SlotFinder.slots(d, eventType, onlyHost, from, to, duration, ignoredBookingUid, now));
    }

    // ---- create

    public Booking create(BookingRequest request) {
        return commit(prepare(request));
    }

    /** Writes a prepared create; a seat joins its shared booking (409 when the seats went meanwhile). */
    public Created commitSeat(PreparedBooking prepared) {
        if (prepared.seatOf() == null) {
            Booking booking = commit(prepared);
            String seatUid = store.read(d -> {
                List<Seat> seats = d.seats.get(booking.uid());
                return seats == null ? null : seats.get(0).seatUid();
            });
            return new Created(booking, seatUid);
        }
        Instant now = clock.instant();
        return store.write(d -> {
            Booking shared = d.bookings.get(prepared.seatOf());
            EventType eventType = prepared.request().eventType();
            if (shared == null
                    || !shared.isActive()
                    || SlotFinder.seatsTaken(d, eventType, shared, now) >= eventType.seats()) {
                throw new CalendarException(409, MSG_SEATS_FULL);
            }
            Seat seat = new Seat(ids.uuid(), prepared.request().attendee());
            List<Seat> seats = new ArrayList<>(d.seatsOf(shared));
            seats.add(seat);
            d.seats.put(shared.uid(), List.copyOf(seats));
            return new Created(shared, seat.seatUid());
        });
    }

    /** Seats taken at a seated event type's time, and the booking they are in. */
    public SeatInfo seatInfo(EventType eventType, Instant start) {
        Instant now = clock.instant();
        int total = eventType.settings().seatsPerTimeSlot() == null
                ? 0
                : eventType.settings().seatsPerTimeSlot();
        return store.read(d -> {
            Booking shared = SlotFinder.seatedBookingAt(d, eventType, start);
            int reserved = SlotFinder.seatReservations(d, eventType, start, now);
            return shared == null
                    ? new SeatInfo(reserved, total, null)
                    : new SeatInfo(SlotFinder.seatsTaken(d, eventType, shared, now), total, shared.uid());
        });
    }

    /** Every seat of a booking, its own attendee first. */
    public List<Seat> seats(Booking booking) {
        return store.read(d -> d.seatsOf(booking));
    }

    /** The availability check of a create; the write happens in {@link #commit}. */
    public PreparedBooking prepare(BookingRequest request) {
        Instant now = clock.instant();
        EventType eventType = request.eventType();
        Instant start = request.start();
        Instant end = start.plus(Duration.ofMinutes(request.duration()));
        checkBookable(eventType);
        checkBounds(eventType, start, now);
        return store.read(d -> {
            if (eventType.isSeated()) {
                // a seated time is one booking that attendees join until its seats are taken
                // (packages/features/bookings/lib/handleSeats/handleSeats.ts)
                Booking shared = SlotFinder.seatedBookingAt(d, eventType, start);
                if (shared != null) {
                    if (SlotFinder.seatsTaken(d, eventType, shared, now) >= eventType.seats()) {
                        throw new CalendarException(409, MSG_SEATS_FULL);
                    }
                    // a booking's host is never removed from the store
                    Host host = Objects.requireNonNull(d.hosts.get(shared.hostId()));
                    return new PreparedBooking(request, host, shared.end(), shared.uid());
                }
            }
            List<Host> candidates =
                    request.requestedHost() != null ? List.of(request.requestedHost()) : d.hostsOf(eventType);
            // reservations are advisory: RegularBookingService does not look at them (calcom-teams.md section 4)
            Host host = pickHost(
                    d, eventType, candidates, start, end, null, eventType.isTeam() ? MSG_TAKEN_TEAM : MSG_TAKEN);
            return new PreparedBooking(request, host, end);
        });
    }

    /**
     * A managed parent is a template: API v2 refuses it before the core handler runs
     * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts).
     */
    static void checkBookable(EventType eventType) {
        if (eventType.isManagedParent()) {
            throw new CalendarException(
                    400,
                    "Event type with id=" + eventType.id() + " is the parent managed event "
                            + "type that can't be booked. You have to provide the child event type id aka id of event type "
                            + "that has been assigned to one of the users.");
        }
    }

    /**
     * Writes a prepared booking. The unique key on host + start + end is the only check here, as in Cal.com, so a
     * concurrent create for the same host and times that also passed {@link #prepare} fails with 409.
     */
    public Booking commit(PreparedBooking prepared) {
        Instant now = clock.instant();
        BookingRequest request = prepared.request();
        return store.write(d -> {
            if (d.slotTaken(prepared.host().id(), request.start(), prepared.end())) {
                throw new CalendarException(409, MSG_CONFLICT, true);
            }
            EventType eventType = request.eventType();
            Booking booking = new Booking(
                    d.nextBookingId,
                    ids.bookingUid(),
                    eventType.id(),
                    eventType.ownerKey(),
                    prepared.host().id(),
                    request.start(),
                    prepared.end(),
                    eventType.settings().requiresConfirmation() ? Booking.PENDING : Booking.ACCEPTED,
                    request.attendee(),
                    request.guests(),
                    request.metadata(),
                    request.responses(),
                    request.location() != null ? request.location() : eventType.location(),
                    now,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            d.insert(booking);
            if (eventType.isSeated()) {
                d.seats.put(booking.uid(), List.of(new Seat(ids.uuid(), request.attendee())));
            }
            if (request.reservedSlotUid() != null) {
                d.reservations.remove(request.reservedSlotUid());
            }
            return booking;
        });
    }

    static void checkBounds(EventType eventType, Instant start, Instant now) {
        if (start.isBefore(now)) {
            throw new CalendarException(400, MSG_PAST);
        }
        Instant latest = SlotFinder.latestStart(eventType, now);
        if (start.isBefore(SlotFinder.earliestStart(eventType, now)) || (latest != null && start.isAfter(latest))) {
            throw new CalendarException(400, MSG_OUT_OF_BOUNDS);
        }
    }

    /**
     * The organizer of a booking (packages/features/bookings/lib/service/RegularBookingService.ts): a personal event
     * type's owner when free; for round robin the "lucky" free host (here: fewest bookings that day, then host
     * order, standing in for LuckyUserService's weights and fairness); for collective every host must be free and
     * the first organizes.
     */
    static Host pickHost(
            CalendarStore.Data d,
            EventType eventType,
            List<Host> candidates,
            Instant start,
            Instant end,
            @Nullable String ignoredBookingUid,
            String takenMessage) {
        List<Host> free = candidates.stream()
                .filter(h -> SlotFinder.isFree(d, eventType, h, start, end, ignoredBookingUid))
                .toList();
        if (free.isEmpty() || (eventType.isCollective() && free.size() < candidates.size())) {
            throw new CalendarException(400, takenMessage);
        }
        if (eventType.isCollective()) {
            return free.get(0);
        }
        return free.stream()
                .min(Comparator.comparingLong((Host h) -> SlotFinder.bookingsThatDay(d, h, start))
                        .thenComparingInt(h -> eventType.hostIds().indexOf(h.id())))
                .orElseThrow();
    }

    // ---- cancel and reschedule (the rules are in BookingChanges)

    /** A cancel by nobody in particular (the booking page): no host rule applies. */
    public Booking cancel(String uid, @Nullable String reason) {
        return cancel(uid, reason, null);
    }

    /** Cancels; {@code callerUserId} is the API key's user (see {@link BookingChanges#cancel}). */
    public Booking cancel(String uid, @Nullable String reason, @Nullable Long callerUserId) {
        return changes.cancel(uid, reason, callerUserId);
    }

    public Rescheduled reschedule(RescheduleRequest request) {
        return commit(prepare(request));
    }

    public PreparedReschedule prepare(RescheduleRequest request) {
        return changes.prepare(request);
    }

    public Rescheduled commit(PreparedReschedule prepared) {
        return changes.commit(prepared);
    }

    // ---- reservations (the rules are in Reservations)

    /** Cal.com's order of checks for {@code POST /v2/slots/reservations}. */
    public Reservation reserve(ReserveRequest request, @Nullable Tenant caller) {
        return reservations.reserve(request, caller);
    }

    public Optional<Reservation> reservation(String uid) {
        return reservations.reservation(uid);
    }

    public Reservation updateReservation(String uid, ReserveRequest request, @Nullable Tenant caller) {
        return reservations.update(uid, request, caller);
    }

    public void deleteReservation(String uid) {
        reservations.delete(uid);
    }
}
