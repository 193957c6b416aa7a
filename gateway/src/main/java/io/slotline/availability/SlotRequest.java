package io.slotline.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** @param deadline when the caller stops waiting: past it, stale data or an error is better than silence */
public record SlotRequest(CalendarRef calendar, ZoneId zone, LocalDate from, LocalDate to, Priority priority,
                          Instant deadline) {

    public SlotRequest {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    /** Live function calls go first; prefetch and refresh use spare Cal.com budget only. */
    public enum Priority { LIVE, BACKGROUND }
}
