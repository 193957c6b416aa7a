package io.slotline.availability;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.EventTypeKey;
import io.slotline.calcom.EventTypeRef;
import org.jspecify.annotations.Nullable;

/**
 * One bookable calendar in Cal.com: a service's event type for any host, or one staff member's own event type for
 * the service (a managed child or their personal event type: the only way Cal.com addresses one person).
 * {@code eventTypeId} is always the service's "any host" event type, so that a staff member's calendar keeps the
 * cache identity of (service, staff); {@code staffEventTypeId} is where their slots and bookings are asked for.
 * Equality ignores the account's API key so that it can serve as (part of) a cache key.
 *
 * @param teamId             the team of the "any host" event type, where Cal.com lets the key read it
 * @param staffEventTypeId   the staff member's own event type (null for "any host")
 * @param staffEventTypeSlug its slug, by which the company's key reads another user's event type
 */
public record CalendarRef(
        long companyId,
        CalcomAccount account,
        long eventTypeId,
        @Nullable String eventTypeSlug,
        @Nullable String staffUsername,
        int durationMinutes,
        @Nullable Long teamId,
        @Nullable Long staffEventTypeId,
        @Nullable String staffEventTypeSlug) {

    /** A calendar of the "any host" event type (or, with a username but no event type of its own, unaddressable). */
    public CalendarRef(
            long companyId,
            CalcomAccount account,
            long eventTypeId,
            @Nullable String eventTypeSlug,
            @Nullable String staffUsername,
            int durationMinutes) {
        this(companyId, account, eventTypeId, eventTypeSlug, staffUsername, durationMinutes, null, null, null);
    }

    /** The event type Cal.com is asked for: the staff member's own, or the service's. */
    public long bookingEventTypeId() {
        return staffEventTypeId != null ? staffEventTypeId : eventTypeId;
    }

    public EventTypeRef eventTypeRef() {
        return EventTypeRef.id(bookingEventTypeId());
    }

    /** Where the company's key may read the event type that {@link #eventTypeRef} names. */
    public EventTypeKey eventTypeKey() {
        if (staffEventTypeId != null) {
            return staffUsername != null && staffEventTypeSlug != null
                    ? EventTypeKey.member(staffUsername, staffEventTypeSlug, staffEventTypeId)
                    : EventTypeKey.own(staffEventTypeId);
        }
        return teamId != null ? EventTypeKey.team(teamId, eventTypeId) : EventTypeKey.own(eventTypeId);
    }

    /** Stable identity of the calendar across instances (no secrets). */
    public String key() {
        return key(companyId, eventTypeId, staffUsername);
    }

    static String key(long companyId, long eventTypeId, @Nullable String staffUsername) {
        return companyId + ":" + eventTypeId + ":" + (staffUsername == null ? "*" : normalized(staffUsername));
    }

    /** Cal.com usernames are compared without case: webhooks and settings may spell them differently. */
    public static String normalized(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarRef other && key().equals(other.key()) && durationMinutes == other.durationMinutes;
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + durationMinutes;
    }
}
