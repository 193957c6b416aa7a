package io.slotline.sim.calendar;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bookable service. Team event types ({@code teamId} set) are round robin over their hosts: a slot is offered when
 * at least one host is free and a booking goes to one free host. Personal event types have exactly one host.
 *
 * @param ownerKey the API key of the tenant that owns it (its bookings are listed for that key)
 * @param ownerUserId the owning user for personal event types, null for team event types
 * @param lengthOptions further allowed lengths (Cal.com "multiple durations"); empty for a single length
 * @param slotInterval minutes between slot starts; null means the slot length
 * @param bookingWindowDays rolling number of days into the future that can be booked; null means unlimited
 * @param locationAddress an in-person address shown as the booking location, or null for Cal Video
 */
public record EventType(long id, String ownerKey, @Nullable Long ownerUserId, @Nullable Long teamId, String title,
        String slug, String description, int lengthInMinutes, List<Integer> lengthOptions,
        @Nullable Integer slotInterval, int minimumBookingNotice, int beforeEventBuffer, int afterEventBuffer,
        List<Long> hostIds, @Nullable Integer bookingWindowDays, boolean hidden, @Nullable String locationAddress) {

    public EventType {
        lengthOptions = List.copyOf(lengthOptions);
        hostIds = List.copyOf(hostIds);
        if (lengthInMinutes <= 0) {
            throw new IllegalArgumentException("lengthInMinutes must be positive");
        }
        if (slotInterval != null && slotInterval <= 0) {
            throw new IllegalArgumentException("slotInterval must be positive");
        }
        if (minimumBookingNotice < 0 || beforeEventBuffer < 0 || afterEventBuffer < 0) {
            throw new IllegalArgumentException("notice and buffers must not be negative");
        }
        if (hostIds.isEmpty()) {
            throw new IllegalArgumentException("an event type needs at least one host");
        }
        if (teamId == null && hostIds.size() != 1) {
            throw new IllegalArgumentException("a personal event type (no teamId) has exactly one host");
        }
    }

    public boolean isTeam() {
        return teamId != null;
    }

    public boolean hasMultipleDurations() {
        return !lengthOptions.isEmpty();
    }

    public boolean allowsLength(int minutes) {
        return minutes == lengthInMinutes || lengthOptions.contains(minutes);
    }

    public int stepMinutes(int duration) {
        return slotInterval != null ? slotInterval : duration;
    }

    public String location() {
        return locationAddress != null ? locationAddress : "integrations:daily";
    }
}
