package io.slotline.calcom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cal.com API v2 as Slotline uses it. One instance serves all tenants; each call names the tenant's account.
 * Every failure is a {@link CalcomException}; implementations never throw anything else for upstream trouble.
 * Decorators (circuit breaker, cache, retries) implement this interface around {@link HttpCalcomClient}.
 */
public interface CalcomApi {

    /** Free slots (format=range) between the query's UTC instants, keyed by local date in the query's zone. */
    SlotsResult slots(CalcomAccount account, SlotsQuery query);

    /** @throws CalcomException.SlotUnavailable when the time is taken, held by someone else or not bookable */
    Booking createBooking(CalcomAccount account, CreateBooking request);

    Booking getBooking(CalcomAccount account, String uid);

    BookingPage listBookings(CalcomAccount account, BookingFilter filter);

    /**
     * Returns the booking as cancelled. Cal.com requires a reason by default when the key's user is the booking's
     * host (packages/features/bookings/lib/cancellationReason.ts), so one is always sent.
     */
    Booking cancel(CalcomAccount account, String uid, String reason);

    /** Returns the new booking (new uid, {@code rescheduledFromUid} = {@code uid}); the old one is cancelled. */
    Booking reschedule(CalcomAccount account, String uid, Instant newStart, @Nullable String reason);

    /**
     * Holds a slot for {@code reservationMinutes} while the caller confirms. The event type's length is held;
     * {@code slotDurationMinutes} (that length) completes the returned reservation when Cal.com omits its end.
     */
    Reservation reserve(
            CalcomAccount account,
            long eventTypeId,
            Instant slotStart,
            int slotDurationMinutes,
            int reservationMinutes);

    /** Idempotent: an unknown or expired reservation is not an error. */
    void releaseReservation(CalcomAccount account, String reservationUid);

    /** The key's user's own event types (personal and managed children); team event types are not among them. */
    List<EventType> eventTypes(CalcomAccount account);

    /** A user's own event types, by username (a team member's managed children and personal event types). */
    List<EventType> userEventTypes(CalcomAccount account, String username);

    /** A team's event types: round robin, collective and managed parents (never the children). */
    List<EventType> teamEventTypes(CalcomAccount account, long teamId);

    /** The key's user. */
    CalcomUser me(CalcomAccount account);

    /** The teams the key's user is a member of. */
    List<CalcomTeam> teams(CalcomAccount account);

    EventType eventType(CalcomAccount account, EventTypeKey key);

    /** The webhooks of one event type: a team event type's (needs team admin) or one of the key user's own. */
    List<CalcomWebhook> eventTypeWebhooks(CalcomAccount account, EventTypeKey key);

    /** Subscribes {@code subscriberUrl} to an event type's bookings, signed with {@code secret}. */
    CalcomWebhook createEventTypeWebhook(
            CalcomAccount account, EventTypeKey key, String subscriberUrl, List<String> triggers, String secret);

    /** One of the key user's own event types. */
    default EventType eventType(CalcomAccount account, long eventTypeId) {
        return eventType(account, EventTypeKey.own(eventTypeId));
    }

    /** The account's rate-limit budget as of its last Cal.com response; empty before the first response. */
    Optional<RateLimitStatus> rateLimitStatus(String accountName);
}
