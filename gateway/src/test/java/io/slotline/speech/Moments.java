package io.slotline.speech;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** Fixed "now" values in the demo branch's zone, named for what they exercise. */
final class Moments {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday 2026-11-16, 10:00. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 16, 10, 0, 0, 0, BERLIN);
    /** Wednesday 2026-11-18, 15:00: Monday and Tuesday of this week are past. */
    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 18, 15, 0, 0, 0, BERLIN);
    /** Sunday 2026-11-22, 10:00: the last day of the week. */
    static final ZonedDateTime SUNDAY = ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, BERLIN);
    /** Saturday 2026-11-21, 10:00. */
    static final ZonedDateTime SATURDAY = ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, BERLIN);
    /** Wednesday 2026-11-18, 23:30 local = 22:30Z, still the 18th in both. */
    static final ZonedDateTime LATE_EVENING =
            Instant.parse("2026-11-18T22:30:00Z").atZone(BERLIN);
    /** Thursday 2026-11-19, 00:30 local = 23:30Z on the 18th: local and UTC dates differ. */
    static final ZonedDateTime AFTER_MIDNIGHT =
            Instant.parse("2026-11-18T23:30:00Z").atZone(BERLIN);
    /** Friday 2026-03-27, before the spring-forward Sunday 2026-03-29. */
    static final ZonedDateTime BEFORE_SPRING_FORWARD = ZonedDateTime.of(2026, 3, 27, 10, 0, 0, 0, BERLIN);
    /** Sunday 2026-03-29, 03:30 summer time, just after the clocks jumped from 02:00 to 03:00. */
    static final ZonedDateTime SPRING_FORWARD_DAY =
            Instant.parse("2026-03-29T01:30:00Z").atZone(BERLIN);
    /** Friday 2026-10-23, before the fall-back Sunday 2026-10-25. */
    static final ZonedDateTime BEFORE_FALL_BACK = ZonedDateTime.of(2026, 10, 23, 10, 0, 0, 0, BERLIN);
    /** Sunday 2026-10-25, the second 02:30 (winter time, 01:30Z). */
    static final ZonedDateTime FALL_BACK_NIGHT =
            Instant.parse("2026-10-25T01:30:00Z").atZone(BERLIN);
    /** Monday 2026-12-28: the week runs into 2027. */
    static final ZonedDateTime YEAR_END = ZonedDateTime.of(2026, 12, 28, 10, 0, 0, 0, BERLIN);

    private static final Map<String, ZonedDateTime> BY_NAME = Map.ofEntries(
            Map.entry("WEDNESDAY", WEDNESDAY),
            Map.entry("SUNDAY", SUNDAY),
            Map.entry("MONDAY", MONDAY),
            Map.entry("SATURDAY", SATURDAY),
            Map.entry("LATE_EVENING", LATE_EVENING),
            Map.entry("AFTER_MIDNIGHT", AFTER_MIDNIGHT),
            Map.entry("BEFORE_SPRING_FORWARD", BEFORE_SPRING_FORWARD),
            Map.entry("SPRING_FORWARD_DAY", SPRING_FORWARD_DAY),
            Map.entry("BEFORE_FALL_BACK", BEFORE_FALL_BACK),
            Map.entry("FALL_BACK_NIGHT", FALL_BACK_NIGHT),
            Map.entry("YEAR_END", YEAR_END));

    private Moments() {}

    static ZonedDateTime named(String name) {
        ZonedDateTime moment = BY_NAME.get(name);
        if (moment == null) {
            throw new IllegalArgumentException("unknown moment " + name);
        }
        return moment;
    }
}
