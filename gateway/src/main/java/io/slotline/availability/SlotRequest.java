package io.slotline.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * @param deadline when the caller stops waiting: past it, stale data or an error is better than silence
 * @param focus    the one time the caller asks about, if any: its day is fetched again when memory cannot be sure
 *                 of that time
 */
public record SlotRequest(
        CalendarRef calendar,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        Priority priority,
        Instant deadline,
        @Nullable Focus focus) {

    public SlotRequest {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (focus != null) {
            LocalDate day = LocalDate.ofInstant(focus.start(), zone);
            if (day.isBefore(from) || day.isAfter(to)) {
                throw new IllegalArgumentException("focus " + focus.start() + " is outside " + from + ".." + to);
            }
        }
    }

    public SlotRequest(
            CalendarRef calendar, ZoneId zone, LocalDate from, LocalDate to, Priority priority, Instant deadline) {
        this(calendar, zone, from, to, priority, deadline, null);
    }

    /** Live function calls go first; prefetch and refresh use spare Cal.com budget only. */
    public enum Priority {
        LIVE,
        BACKGROUND
    }

    /**
     * @param start  the slot start the caller asks about
     * @param verify ask Cal.com for that day whatever memory holds (another caller is confirming an overlapping
     *               time, and Cal.com's reservations are not in our slots); otherwise only when a booking was
     *               freed that day since the fetch and memory does not offer the time
     */
    public record Focus(Instant start, boolean verify) {}

    public SlotRequest focusedOn(Instant start, boolean verify) {
        return new SlotRequest(calendar, zone, from, to, priority, deadline, new Focus(start, verify));
    }
}
