package io.slotline.speech;

/** Why a spoken date, time or window could not be turned into a value. */
public enum ParseFailure {
    /** No supported form was recognised, or numbers were left over that belong to no recognised form. */
    UNPARSEABLE,
    /** Recognised as a date, but the calendar has no such day (31.02., 2026-02-30, 32.01.). */
    IMPOSSIBLE_DATE,
    /** Recognised as a time, but the clock has no such time (25:00, 14:75, 13 pm). */
    IMPOSSIBLE_TIME,
    /** Two statements disagree: a weekday that does not match the date, two different days or times, disjoint windows. */
    CONFLICTING,
    /** Times and windows were understood, but no day was named (e.g. only "um 14 Uhr" or "nächste Woche"). */
    MISSING_DATE,
    /** The wall-clock time does not exist in the zone because the clocks jump forward (DST gap). */
    NONEXISTENT_TIME
}
