package io.slotline.speech;

/** Why a spoken date, time or window could not be turned into a value. */
public enum ParseFailure {
    /**
     * No supported form was recognised, or numbers were left over that belong to no recognised form. Detail:
     * "signed_number" for a number with a sign ("-1").
     */
    UNPARSEABLE,
    /**
     * Recognised as a date, but the calendar has no such day (31.02., 2026-02-30, 32.01.). Detail: the date as
     * "2027-02-30" (the year it would have had), "day-32" for a day no month has, empty for a month that does not
     * exist.
     */
    IMPOSSIBLE_DATE,
    /** Recognised as a time, but the clock has no such time (25:00, 14:75, 13 pm). */
    IMPOSSIBLE_TIME,
    /**
     * Two statements disagree: a weekday that does not match the date, two different days or times, disjoint
     * windows. Detail, when two days were said: both, "2026-11-19 2026-11-17" (for a weekday that does not match
     * the date: the date, then that weekday in its week).
     */
    CONFLICTING,
    /** Times and windows were understood, but no day was named (e.g. only "um 14 Uhr" or "nächste Woche"). */
    MISSING_DATE,
    /** The wall-clock time does not exist in the zone because the clocks jump forward (DST gap). */
    NONEXISTENT_TIME,
    /** A negation ("nicht Montag", "not at 3", "außer Freitag"): what is wanted instead is asked. Detail: the words. */
    NEGATED,
    /**
     * A word that could change the meaning: a date word in a combination no form reads ("Montag Woche"), or an
     * unknown word right next to a date or time ("Dienstag irgendwie"). Detail: the words, space-separated.
     */
    UNCLEAR,
    /** Two readings stay possible ("nächsten Dienstag" said on a Monday). Detail: both days, "2026-11-17 2026-11-24". */
    AMBIGUOUS
}
