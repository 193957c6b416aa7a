package io.slotline.speech;

import java.time.LocalTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A clock time as spoken, before deciding between morning and afternoon.
 *
 * @param literal true when the speaker used 24-hour notation (hour 0 or 13-23, a leading zero as in "07:30", or an
 *     ISO timestamp): the hour is taken as is
 */
record SpokenTime(int hour, int minute, Meridiem meridiem, boolean literal) {

    enum Meridiem {
        NONE,
        AM,
        PM;

        static Meridiem of(@Nullable String token) {
            if (token == null) {
                return NONE;
            }
            return token.startsWith("a") ? AM : PM;
        }
    }

    private static final int LAST_AFTERNOON_HOUR = 7;
    private static final SpokenTime IMPOSSIBLE = new SpokenTime(99, 0, Meridiem.NONE, true);

    static SpokenTime clock(int hour, int minute, Meridiem meridiem, boolean literal) {
        return new SpokenTime(hour, minute, meridiem, literal);
    }

    /** A time given relative to a spoken full hour, e.g. "halb drei" is hour 3 and -30 minutes. */
    static SpokenTime relativeTo(int spokenHour, int deltaMinutes, Meridiem meridiem) {
        if (spokenHour > 23 || Math.abs(deltaMinutes) >= 60) {
            return IMPOSSIBLE;
        }
        if (meridiem == Meridiem.NONE && (spokenHour == 0 || spokenHour >= 13)) {
            int total = Math.floorMod(spokenHour * 60 + deltaMinutes, 24 * 60);
            return new SpokenTime(total / 60, total % 60, Meridiem.NONE, true);
        }
        if (spokenHour > 12) {
            return IMPOSSIBLE;
        }
        int total = spokenHour * 60 + deltaMinutes;
        int hour = Math.floorMod(Math.floorDiv(total, 60), 12);
        return new SpokenTime(hour == 0 ? 12 : hour, Math.floorMod(total, 60), meridiem, false);
    }

    SpokenTime withMeridiem(Meridiem newMeridiem) {
        return new SpokenTime(hour, minute, newMeridiem, literal);
    }

    boolean isAmbiguous() {
        return meridiem == Meridiem.NONE && !literal && hour >= 1 && hour <= 12;
    }

    /**
     * The wall-clock time. An hour from 1 to 12 without am/pm is read in salon hours: 1-7 is afternoon, 8-12 as
     * said; a window that was also said ("abends um 8", "um 7 morgens") overrides that by picking the reading that
     * lies in (or nearest to) the window. Empty when the clock has no such time.
     */
    Optional<LocalTime> resolve(@Nullable TimeWindow hint) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return Optional.empty();
        }
        switch (meridiem) {
            case AM, PM -> {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                return Optional.of(LocalTime.of(hour % 12 + (meridiem == Meridiem.PM ? 12 : 0), minute));
            }
            default -> {
                if (!isAmbiguous()) {
                    return Optional.of(LocalTime.of(hour, minute));
                }
                LocalTime morning = LocalTime.of(hour % 12, minute);
                LocalTime afternoon = LocalTime.of(hour % 12 + 12, minute);
                LocalTime byHabit = hour <= LAST_AFTERNOON_HOUR ? afternoon : LocalTime.of(hour, minute);
                if (hint == null) {
                    return Optional.of(byHabit);
                }
                long morningDistance = hint.minutesOutside(morning);
                long afternoonDistance = hint.minutesOutside(afternoon);
                if (morningDistance == afternoonDistance) {
                    return Optional.of(byHabit);
                }
                return Optional.of(morningDistance < afternoonDistance ? morning : afternoon);
            }
        }
    }
}
