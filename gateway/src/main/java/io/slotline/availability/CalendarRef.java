package io.slotline.availability;

import org.jspecify.annotations.Nullable;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.EventTypeRef;

/**
 * One bookable calendar in Cal.com: a service's event type, for any host or for one staff member.
 * Equality ignores the account's API key so that it can serve as (part of) a cache key.
 */
public record CalendarRef(long companyId, CalcomAccount account, long eventTypeId, @Nullable String eventTypeSlug,
                          @Nullable String staffUsername, int durationMinutes) {

    public EventTypeRef eventTypeRef() {
        return staffUsername == null || eventTypeSlug == null
                ? EventTypeRef.id(eventTypeId)
                : EventTypeRef.slug(eventTypeSlug, staffUsername);
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
