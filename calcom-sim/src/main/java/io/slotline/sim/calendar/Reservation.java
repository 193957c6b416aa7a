package io.slotline.sim.calendar;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A slot held for a few minutes (Cal.com "selected slot") so nobody else can book it while a caller confirms. */
public record Reservation(String uid, long eventTypeId, Instant slotStart, Instant slotEnd, Instant until,
        int reservationDuration, @Nullable String ownerKey) {

    public boolean isActive(Instant now) {
        return until.isAfter(now);
    }

    public boolean overlaps(Instant start, Instant end) {
        return slotStart.isBefore(end) && start.isBefore(slotEnd);
    }

    public int slotDurationMinutes() {
        return (int) Duration.between(slotStart, slotEnd).toMinutes();
    }

    /** Whole seconds until the hold ends, rounded up like Cal.com's message. */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }
}
