package io.slotline.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** Consecutive local days [from, to] of one calendar: what one Cal.com slots request covers. */
record DayRange(CalendarRef calendar, ZoneId zone, LocalDate from, LocalDate to) {

    DayRange {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    DayKey key(LocalDate day) {
        return DayKey.of(calendar, zone, day);
    }

    DayRange narrow(LocalDate newFrom, LocalDate newTo) {
        return new DayRange(calendar, zone, newFrom, newTo);
    }

    @Override
    public String toString() {
        return calendar.key() + "/" + calendar.durationMinutes() + "min " + zone + " " + from + ".." + to;
    }
}
