package io.slotline.calcom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A slots request. {@code start} and {@code end} are explicit UTC instants: Cal.com reads a date-only
 * {@code end} as 23:59:59 UTC, not in {@code timeZone}, which silently drops or adds evening slots.
 */
public record SlotsQuery(
        EventTypeRef eventType,
        Instant start,
        Instant end,
        ZoneId timeZone,
        @Nullable Integer durationMinutes,
        @Nullable String bookingUidToReschedule) {

    public SlotsQuery {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + " / " + end);
        }
        if (durationMinutes != null && durationMinutes <= 0) {
            throw new IllegalArgumentException("durationMinutes must be positive: " + durationMinutes);
        }
    }

    public static SlotsQuery of(EventTypeRef eventType, Instant start, Instant end, ZoneId timeZone) {
        return new SlotsQuery(eventType, start, end, timeZone, null, null);
    }

    /**
     * All slots of the local days {@code firstDay}..{@code lastDay} (inclusive) in {@code zone}: from the first
     * day's local midnight to one second before the local midnight after the last day, so days with a DST
     * change have their true length and no slot of the following day is included.
     */
    public static SlotsQuery forLocalDays(EventTypeRef eventType, LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        Instant end = lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        return of(eventType, start, end, zone);
    }

    public SlotsQuery withDurationMinutes(int minutes) {
        return new SlotsQuery(eventType, start, end, timeZone, minutes, bookingUidToReschedule);
    }

    /** Lets the booking being rescheduled show its own time as free. */
    public SlotsQuery withBookingUidToReschedule(String bookingUid) {
        return new SlotsQuery(eventType, start, end, timeZone, durationMinutes, bookingUid);
    }
}
