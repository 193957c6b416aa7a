package io.slotline.calcom;

import java.time.Instant;
import java.util.Objects;

/** A held slot: nobody else can book it until {@code until}. Pass {@code uid} as the booking's reservedSlotUid. */
public record Reservation(
        String uid, long eventTypeId, Instant slotStart, Instant slotEnd, int slotDurationMinutes, Instant until) {

    public Reservation {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        Objects.requireNonNull(until, "until");
    }
}
