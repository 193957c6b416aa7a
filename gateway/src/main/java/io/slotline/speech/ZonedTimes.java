package io.slotline.speech;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Wall-clock times of a branch and the instants they denote. The branch's IANA zone defines "today" and what
 * "14 Uhr" means; instants are what gets stored and sent to Cal.com.
 *
 * <p>DST rules: a wall time inside a spring-forward gap (02:30 on 2026-03-29 in Europe/Berlin) does not exist
 * and resolves to {@link ParseFailure#NONEXISTENT_TIME} instead of being shifted, because a shifted time is an
 * appointment the caller never asked for. A wall time that occurs twice at fall-back (02:30 on 2026-10-25)
 * resolves to the earlier instant, the one with the summer offset.
 */
public final class ZonedTimes {

    private ZonedTimes() {}

    public static ZonedDateTime now(Clock clock, ZoneId zone) {
        return clock.instant().atZone(zone);
    }

    public static LocalDate today(Clock clock, ZoneId zone) {
        return now(clock, zone).toLocalDate();
    }

    public static ParseResult<Instant> toInstant(LocalDate date, LocalTime time, ZoneId zone) {
        return toInstant(date.atTime(time), zone);
    }

    /** Strict resolution: gap → {@link ParseFailure#NONEXISTENT_TIME}, overlap → earlier instant. */
    public static ParseResult<Instant> toInstant(LocalDateTime wallTime, ZoneId zone) {
        if (zone.getRules().getValidOffsets(wallTime).isEmpty()) {
            return ParseResult.invalid(ParseFailure.NONEXISTENT_TIME, wallTime.toString());
        }
        return ParseResult.parsed(ZonedDateTime.ofLocal(wallTime, zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant());
    }

    /** Lenient resolution for range bounds: a time inside a gap becomes the first instant after the gap. */
    public static Instant atOrAfter(LocalDateTime wallTime, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallTime);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(wallTime, zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
    }

    /** First instant of the day in the zone (not always 00:00 where DST starts at midnight). */
    public static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
