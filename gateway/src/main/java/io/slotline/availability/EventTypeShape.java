package io.slotline.availability;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Cal.com's event type says about how its bookings block time: a slot is free for a host when the slot
 * widened by this event type's buffers does not overlap any of the host's bookings widened by theirs.
 * {@code lengths} are the lengths a booker may choose when the event type offers several (Cal.com's multiple
 * durations), empty for a single length: only then does a slots request name a duration, since Cal.com's
 * {@code duration} changes the length and the step of the slots of any event type, while its bookings keep the event
 * type's own length (apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots-input.service.ts).
 */
public record EventTypeShape(
        long eventTypeId,
        int beforeBufferMinutes,
        int afterBufferMinutes,
        Set<String> hostUsernames,
        Set<Integer> lengths) {

    public EventTypeShape {
        if (beforeBufferMinutes < 0 || afterBufferMinutes < 0) {
            throw new IllegalArgumentException("buffers must be >= 0");
        }
        hostUsernames = hostUsernames.stream().map(CalendarRef::normalized).collect(Collectors.toUnmodifiableSet());
        lengths = Set.copyOf(lengths);
    }

    /** A single-length event type's shape. */
    public EventTypeShape(
            long eventTypeId, int beforeBufferMinutes, int afterBufferMinutes, Set<String> hostUsernames) {
        this(eventTypeId, beforeBufferMinutes, afterBufferMinutes, hostUsernames, Set.of());
    }

    /** Whether a booker may choose {@code minutes} among several lengths (then it is named in slots requests). */
    public boolean offersLength(int minutes) {
        return lengths.size() > 1 && lengths.contains(minutes);
    }
}
