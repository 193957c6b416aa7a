package io.slotline.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** One cached local day of one calendar (event type, staff or any) for one slot length, in one zone. */
record DayKey(
        long companyId,
        String calendarKey,
        long eventTypeId,
        @Nullable String staffUsername,
        int durationMinutes,
        ZoneId zone,
        LocalDate day) {

    static DayKey of(CalendarRef calendar, ZoneId zone, LocalDate day) {
        String staff = calendar.staffUsername();
        return new DayKey(
                calendar.companyId(),
                calendar.key(),
                calendar.eventTypeId(),
                staff == null ? null : CalendarRef.normalized(staff),
                calendar.durationMinutes(),
                zone,
                day);
    }

    boolean within(long company, LocalDate from, LocalDate to) {
        return companyId == company && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The same event type, day and slot length, for one staff member. */
    DayKey forStaff(String username) {
        return new DayKey(
                companyId,
                CalendarRef.key(companyId, eventTypeId, username),
                eventTypeId,
                CalendarRef.normalized(username),
                durationMinutes,
                zone,
                day);
    }
}
