package io.slotline.sim.calendar;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A slot held for a few minutes (Cal.com's SelectedSlots row). Recorded against one user: the event type's owner,
 * or for a team event type its first host ({@code eventType.hosts[0].userId} in
 * apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts). Advisory: it hides the time from slots
 * answers (see SlotFinder) and refuses nothing.
 *
 * @param userId the user it is recorded against
 * @param seat whether the event type is seated (then it counts as a taken seat instead of hiding the time)
 */
public record Reservation(
        String uid,
        long eventTypeId,
        Instant slotStart,
        Instant slotEnd,
        Instant until,
        int reservationDuration,
        @Nullable String ownerKey,
        long userId,
        boolean seat) {

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
