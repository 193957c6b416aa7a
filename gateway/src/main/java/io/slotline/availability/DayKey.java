package io.slotline.availability;

import java.time.LocalDate;
import java.time.ZoneId;

/** One cached local day of one calendar (event type, staff or any) for one slot length, in one zone. */
record DayKey(long companyId, String calendarKey, int durationMinutes, ZoneId zone, LocalDate day) {

    static DayKey of(CalendarRef calendar, ZoneId zone, LocalDate day) {
        return new DayKey(calendar.companyId(), calendar.key(), calendar.durationMinutes(), zone, day);
    }

    boolean within(long company, LocalDate from, LocalDate to) {
        return companyId == company && !day.isBefore(from) && !day.isAfter(to);
    }
}
