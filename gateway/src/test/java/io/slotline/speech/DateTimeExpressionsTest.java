package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeExpressionsTest {

    @ParameterizedTest(name = "[{0}] \"{1}\" -> {2} {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            DE | morgen nachmittag               | 2026-11-17 | -     | AFTERNOON
            DE | morgen Nachmittag um 3          | 2026-11-17 | 15:00 | AFTERNOON
            DE | Dienstag um 14 Uhr              | 2026-11-17 | 14:00 | -
            DE | Dienstag, 14 Uhr 30             | 2026-11-17 | 14:30 | -
            DE | am Dienstag um halb drei        | 2026-11-17 | 14:30 | -
            DE | Dienstag abends um 8            | 2026-11-17 | 20:00 | EVENING
            DE | Dienstagvormittag               | 2026-11-17 | -     | MORNING
            DE | Dienstag morgen                 | 2026-11-17 | -     | MORNING
            DE | heute morgen                    | 2026-11-16 | -     | MORNING
            DE | morgen früh um 9                | 2026-11-17 | 09:00 | MORNING
            DE | morgen früh um 7                | 2026-11-17 | 07:00 | MORNING
            DE | heute Abend                     | 2026-11-16 | -     | EVENING
            DE | übermorgen ab 15 Uhr            | 2026-11-18 | -     | FROM
            DE | Freitag zwischen 10 und 12      | 2026-11-20 | -     | BETWEEN
            DE | am 19. November ab 15 Uhr       | 2026-11-19 | -     | FROM
            DE | Donnerstag, den 19.11. um 10.30 Uhr | 2026-11-19 | 10:30 | -
            DE | 19.11. 14.30                    | 2026-11-19 | 14:30 | -
            DE | morgen, 14.30                   | 2026-11-17 | 14:30 | -
            DE | morgen um 10.11                 | 2026-11-17 | 10:11 | -
            DE | 19.11 um 14 Uhr                 | 2026-11-19 | 14:00 | -
            DE | viertel nach zwei morgen        | 2026-11-17 | 14:15 | -
            DE | um 10 am Dienstag               | 2026-11-17 | 10:00 | -
            DE | Dienstag nächste Woche um 9     | 2026-11-24 | 09:00 | -
            DE | 2026-11-19T14:00                | 2026-11-19 | 14:00 | -
            DE | 2026-10-02T10:00                | 2026-10-02 | 10:00 | -
            DE | 2026-11-19T07:30:00+01:00       | 2026-11-19 | 07:30 | -
            EN | next Monday at 2:30pm           | 2026-11-23 | 14:30 | -
            EN | tomorrow at 10 am               | 2026-11-17 | 10:00 | -
            EN | tomorrow morning                | 2026-11-17 | -     | MORNING
            EN | this afternoon                  | 2026-11-16 | -     | AFTERNOON
            EN | tonight at 7                    | 2026-11-16 | 19:00 | EVENING
            EN | Tuesday afternoon after 3       | 2026-11-17 | -     | BETWEEN
            EN | on Thursday, November 19 at noon | 2026-11-19 | 12:00 | -
            EN | the 19th of November at half past two | 2026-11-19 | 14:30 | -
            EN | Friday between 2 and 4 pm       | 2026-11-20 | -     | BETWEEN
            EN | Monday next week at 9           | 2026-11-23 | 09:00 | -
            EN | 3pm tomorrow                    | 2026-11-17 | 15:00 | -
            """)
    void parsesDayWithTimeAndWindow(
            Language language, String text, LocalDate date, LocalTime time, TimeWindow.Kind windowKind) {
        ParseResult<DateTimeRequest> result = DateTimeExpressions.parse(text, Moments.MONDAY, language);

        assertThat(result.isParsed()).as("%s", result).isTrue();
        DateTimeRequest request = result.orElseThrow();
        assertThat(request.date()).isEqualTo(date);
        assertThat(request.time()).isEqualTo(Optional.ofNullable(time));
        assertThat(request.window().map(TimeWindow::kind)).isEqualTo(Optional.ofNullable(windowKind));
    }

    @Test
    void keepsTheWindowBoundsSaid() {
        DateTimeRequest request = DateTimeExpressions.parse("Tuesday afternoon after 3", Moments.MONDAY, Language.EN)
                .orElseThrow();

        assertThat(request.window()).contains(TimeWindow.between(LocalTime.of(15, 0), LocalTime.of(17, 0)));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            um 14 Uhr                  | MISSING_DATE
            nachmittags                | MISSING_DATE
            Dienstag 14                | UNPARSEABLE
            Dienstag um 25 Uhr         | IMPOSSIBLE_TIME
            31.02. um 14 Uhr           | IMPOSSIBLE_DATE
            Dienstag um 14 oder 15 Uhr | CONFLICTING
            Dienstag vormittags ab 15 Uhr | CONFLICTING
            Mittwoch, 19.11., 14 Uhr   | CONFLICTING
            """)
    void rejectsWhatItCannotResolve(String text, ParseFailure reason) {
        ParseResult<DateTimeRequest> result = DateTimeExpressions.parse(text, Moments.MONDAY, Language.DE);

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid<DateTimeRequest>) result).reason()).isEqualTo(reason);
    }

    @Test
    void heuteAtHalfPastElevenInTheEveningIsTheLocalDay() {
        DateTimeRequest request = DateTimeExpressions.parse("heute um 23:45", Moments.LATE_EVENING, Language.DE)
                .orElseThrow();

        assertThat(request.dateTime()).contains(LocalDate.of(2026, 11, 18).atTime(23, 45));
        assertThat(ZonedTimes.toInstant(request.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.parsed(Instant.parse("2026-11-18T22:45:00Z")));
    }

    @Test
    void heuteHalfAnHourAfterMidnightIsTheLocalDayNotTheUtcDay() {
        DateTimeRequest request = DateTimeExpressions.parse("heute um 10 Uhr", Moments.AFTER_MIDNIGHT, Language.DE)
                .orElseThrow();

        assertThat(Moments.AFTER_MIDNIGHT.toInstant()).isEqualTo(Instant.parse("2026-11-18T23:30:00Z"));
        assertThat(request.date()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(ZonedTimes.toInstant(request.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.parsed(Instant.parse("2026-11-19T09:00:00Z")));
    }

    @Test
    void sundayAfternoonOfTheSpringForwardWeekendIsInSummerTime() {
        DateTimeRequest request = DateTimeExpressions.parse(
                        "Sonntag um 14 Uhr", Moments.BEFORE_SPRING_FORWARD, Language.DE)
                .orElseThrow();
        DateTimeRequest saturday = DateTimeExpressions.parse(
                        "Samstag um 14 Uhr", Moments.BEFORE_SPRING_FORWARD, Language.DE)
                .orElseThrow();

        assertThat(ZonedTimes.toInstant(request.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.parsed(Instant.parse("2026-03-29T12:00:00Z")));
        assertThat(ZonedTimes.toInstant(saturday.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.parsed(Instant.parse("2026-03-28T13:00:00Z")));
    }

    @Test
    void halfPastTwoInTheNightOfSpringForwardDoesNotExist() {
        DateTimeRequest request = DateTimeExpressions.parse(
                        "2026-03-29T02:30", Moments.BEFORE_SPRING_FORWARD, Language.DE)
                .orElseThrow();

        assertThat(ZonedTimes.toInstant(request.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.invalid(ParseFailure.NONEXISTENT_TIME, "2026-03-29T02:30"));
    }

    @Test
    void mondayAfterFallBackIsInWinterTime() {
        DateTimeRequest request = DateTimeExpressions.parse("Montag um 9 Uhr", Moments.BEFORE_FALL_BACK, Language.DE)
                .orElseThrow();

        assertThat(request.date()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(ZonedTimes.toInstant(request.dateTime().orElseThrow(), Moments.BERLIN))
                .isEqualTo(ParseResult.parsed(Instant.parse("2026-10-26T08:00:00Z")));
    }
}
