package io.slotline.availability;

import io.slotline.calcom.CalcomAccount;

/**
 * A calendar and slot length as this instance's memory knows them: what identifies the {@link CalendarRef} a caller
 * asked about from a cached {@link DayKey}, which has no {@link CalcomAccount}. Only in memory, never on the wire.
 */
record CalendarId(String calendarKey, int durationMinutes) {

    static CalendarId of(CalendarRef calendar) {
        return new CalendarId(calendar.key(), calendar.durationMinutes());
    }

    static CalendarId of(DayKey key) {
        return new CalendarId(key.calendarKey(), key.durationMinutes());
    }
}
