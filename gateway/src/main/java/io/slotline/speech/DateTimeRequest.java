package io.slotline.speech;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asked for in one phrase: a day (or several, for a period such as "Anfang nächster Woche"), and
 * possibly a time or a window (or both: "Dienstag nachmittag um 3"). Times are wall-clock times in the branch's
 * zone; resolve them with {@link ZonedTimes#toInstant}.
 *
 * @param date        the day, or the first day of a period (days already past are not part of a period)
 * @param lastDate    the last day of a period, inclusive; {@code date} for a single day
 * @param approximate the time was meant roughly ("gegen halb drei", "kurz nach zehn", "around four"): offer times
 *                    near it, never book it as if it were exact
 * @param instead     for a day (or period) that is already past: the day the caller most likely meant ("letzten
 *                    Montag" → the coming Monday, "gestern" → today, "19.11.2025" → 19.11.2026)
 */
public record DateTimeRequest(
        LocalDate date,
        Optional<LocalTime> time,
        Optional<TimeWindow> window,
        LocalDate lastDate,
        boolean approximate,
        Optional<LocalDate> instead) {

    public DateTimeRequest {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lastDate, "lastDate");
        Objects.requireNonNull(instead, "instead");
        if (lastDate.isBefore(date)) {
            throw new IllegalArgumentException("period ends before it starts: " + date + ".." + lastDate);
        }
    }

    /** One day, an exact time or none. */
    public DateTimeRequest(LocalDate date, Optional<LocalTime> time, Optional<TimeWindow> window) {
        this(date, time, window, date, false, Optional.empty());
    }

    public Optional<LocalDateTime> dateTime() {
        return time.map(date::atTime);
    }

    /** More than one day: "nächste Woche", "Ende der Woche", "early December". */
    public boolean isPeriod() {
        return lastDate.isAfter(date);
    }

    /** A single day and an exact time: what can be booked. */
    public boolean isExact() {
        return !isPeriod() && time.isPresent() && !approximate;
    }

    public DateTimeRequest withTime(Optional<LocalTime> newTime, boolean newApproximate) {
        return new DateTimeRequest(date, newTime, window, lastDate, newApproximate, instead);
    }

    public DateTimeRequest withWindow(Optional<TimeWindow> newWindow) {
        return new DateTimeRequest(date, time, newWindow, lastDate, approximate, instead);
    }

    public DateTimeRequest withDate(LocalDate newDate) {
        return new DateTimeRequest(newDate, time, window, newDate, approximate, Optional.empty());
    }
}
