package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZonedTimesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin | 2026-11-19T14:00 | 2026-11-19T13:00:00Z
            Europe/Berlin | 2026-07-01T14:00 | 2026-07-01T12:00:00Z
            Europe/Berlin | 2026-03-29T01:59 | 2026-03-29T00:59:00Z
            Europe/Berlin | 2026-03-29T03:00 | 2026-03-29T01:00:00Z
            Europe/Berlin | 2026-10-25T01:59 | 2026-10-24T23:59:00Z
            Europe/Berlin | 2026-10-25T02:30 | 2026-10-25T00:30:00Z
            Europe/Berlin | 2026-10-25T03:00 | 2026-10-25T02:00:00Z
            Europe/London | 2026-11-19T14:00 | 2026-11-19T14:00:00Z
            Europe/London | 2026-07-01T14:00 | 2026-07-01T13:00:00Z
            """)
    void resolvesWallTimesInTheBranchZone(ZoneId zone, LocalDateTime wallTime, Instant expected) {
        assertThat(ZonedTimes.toInstant(wallTime, zone)).isEqualTo(ParseResult.parsed(expected));
    }

    @ParameterizedTest(name = "{0} {1} does not exist")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin | 2026-03-29T02:00
            Europe/Berlin | 2026-03-29T02:30
            Europe/Berlin | 2026-03-29T02:59
            Europe/London | 2026-03-29T01:30
            """)
    void wallTimesInTheSpringForwardGapAreRejectedNotShifted(ZoneId zone, LocalDateTime wallTime) {
        assertThat(ZonedTimes.toInstant(wallTime, zone))
                .isEqualTo(ParseResult.invalid(ParseFailure.NONEXISTENT_TIME, wallTime.toString()));
    }

    @Test
    void ambiguousFallBackTimeTakesTheEarlierInstantWithTheSummerOffset() {
        Instant resolved = ZonedTimes.toInstant(LocalDate.of(2026, 10, 25), LocalTime.of(2, 30), Moments.BERLIN)
                .orElseThrow();

        assertThat(resolved).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(resolved.atZone(Moments.BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void lenientResolutionMovesAGapTimeToTheEndOfTheGap() {
        assertThat(ZonedTimes.atOrAfter(LocalDateTime.parse("2026-03-29T02:30"), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(ZonedTimes.atOrAfter(LocalDateTime.parse("2026-03-29T04:00"), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void todayFollowsTheBranchZoneNotUtc() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-18T22:30:00Z"), ZoneOffset.UTC);
        Clock afterMidnight = Clock.fixed(Instant.parse("2026-11-18T23:30:00Z"), ZoneOffset.UTC);

        assertThat(ZonedTimes.now(lateEvening, Moments.BERLIN).toLocalTime()).isEqualTo(LocalTime.of(23, 30));
        assertThat(ZonedTimes.today(lateEvening, Moments.BERLIN)).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(ZonedTimes.today(afterMidnight, Moments.BERLIN)).isEqualTo(LocalDate.of(2026, 11, 19));
    }

    @Test
    void startOfDayIsTheZonesMidnight() {
        assertThat(ZonedTimes.startOfDay(LocalDate.of(2026, 3, 29), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(ZonedTimes.startOfDay(LocalDate.of(2026, 3, 30), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }
}
