package io.slotline.availability;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Cal.com's event type says about how its bookings block time: a slot is free for a host when the slot
 * widened by this event type's buffers does not overlap any of the host's bookings widened by theirs.
 */
public record EventTypeShape(long eventTypeId, int beforeBufferMinutes, int afterBufferMinutes,
                             Set<String> hostUsernames) {

    public EventTypeShape {
        if (beforeBufferMinutes < 0 || afterBufferMinutes < 0) {
            throw new IllegalArgumentException("buffers must be >= 0");
        }
        hostUsernames = hostUsernames.stream().map(CalendarRef::normalized).collect(Collectors.toUnmodifiableSet());
    }
}
