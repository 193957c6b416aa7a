package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.tenancy.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeWindowTest {

    @ParameterizedTest(name = "[{0}] \"{1}\" -> {2} {3}-{4}")
    @CsvSource(delimiter = '|', textBlock = """
            DE | vormittags                  | MORNING   | 08:00 | 12:00
            DE | Vormittag                   | MORNING   | 08:00 | 12:00
            DE | morgens                     | MORNING   | 08:00 | 12:00
            DE | in der Früh                 | MORNING   | 08:00 | 12:00
            EN | in the morning              | MORNING   | 08:00 | 12:00
            DE | mittags                     | MIDDAY    | 11:30 | 14:00
            DE | über Mittag                 | MIDDAY    | 11:30 | 14:00
            EN | around lunchtime            | MIDDAY    | 11:30 | 14:00
            DE | nachmittags                 | AFTERNOON | 12:00 | 17:00
            DE | am Nachmittag               | AFTERNOON | 12:00 | 17:00
            EN | in the afternoon            | AFTERNOON | 12:00 | 17:00
            DE | abends                      | EVENING   | 17:00 | 21:00
            EN | in the evening              | EVENING   | 17:00 | 21:00
            DE | ab 15 Uhr                   | FROM      | 15:00 | 23:59:59.999999999
            DE | ab 15:30                    | FROM      | 15:30 | 23:59:59.999999999
            DE | ab 3                        | FROM      | 15:00 | 23:59:59.999999999
            DE | ab halb drei                | FROM      | 14:30 | 23:59:59.999999999
            DE | ab viertel nach zwei        | FROM      | 14:15 | 23:59:59.999999999
            DE | nach 14 Uhr                 | FROM      | 14:00 | 23:59:59.999999999
            DE | frühestens um 10            | FROM      | 10:00 | 23:59:59.999999999
            EN | after 3pm                   | FROM      | 15:00 | 23:59:59.999999999
            EN | after 3                     | FROM      | 15:00 | 23:59:59.999999999
            EN | from 3 pm                   | FROM      | 15:00 | 23:59:59.999999999
            EN | not before 10               | FROM      | 10:00 | 23:59:59.999999999
            DE | bis 12                      | UNTIL     | 00:00 | 12:00
            DE | bis 12 Uhr                  | UNTIL     | 00:00 | 12:00
            DE | bis Mittag                  | UNTIL     | 00:00 | 12:00
            DE | vor 12 Uhr                  | UNTIL     | 00:00 | 12:00
            DE | spätestens um 11            | UNTIL     | 00:00 | 11:00
            DE | bis 6                       | UNTIL     | 00:00 | 18:00
            EN | before noon                 | UNTIL     | 00:00 | 12:00
            EN | until 11 am                 | UNTIL     | 00:00 | 11:00
            EN | by 5pm                      | UNTIL     | 00:00 | 17:00
            DE | zwischen 10 und 12          | BETWEEN   | 10:00 | 12:00
            DE | zwischen 10 und 12 Uhr      | BETWEEN   | 10:00 | 12:00
            DE | zwischen 2 und 4            | BETWEEN   | 14:00 | 16:00
            DE | zwischen 9 und 5            | BETWEEN   | 09:00 | 17:00
            DE | zwischen 7 und 9            | BETWEEN   | 07:00 | 09:00
            DE | zwischen halb drei und vier | BETWEEN   | 14:30 | 16:00
            DE | von 10 bis 12               | BETWEEN   | 10:00 | 12:00
            DE | 10-12 Uhr                   | BETWEEN   | 10:00 | 12:00
            DE | 14 bis 16 Uhr               | BETWEEN   | 14:00 | 16:00
            EN | between 10 and 12           | BETWEEN   | 10:00 | 12:00
            EN | between 2 and 4 pm          | BETWEEN   | 14:00 | 16:00
            EN | between 11 and 1            | BETWEEN   | 11:00 | 13:00
            EN | between 11 am and 1 pm      | BETWEEN   | 11:00 | 13:00
            EN | from 2 to 4                 | BETWEEN   | 14:00 | 16:00
            EN | from two to four            | BETWEEN   | 14:00 | 16:00
            DE | nachmittags ab 15 Uhr       | BETWEEN   | 15:00 | 17:00
            DE | vormittags bis 11           | BETWEEN   | 08:00 | 11:00
            DE | 10:00-12:30                 | BETWEEN   | 10:00 | 12:30
            DE | 14:00 – 16:00               | BETWEEN   | 14:00 | 16:00
            """)
    void parsesWindows(Language language, String text, TimeWindow.Kind kind, LocalTime start, LocalTime end) {
        assertThat(TimeWindow.parse(text, language)).isEqualTo(ParseResult.parsed(new TimeWindow(kind, start, end)));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vormittags ab 15 Uhr       | CONFLICTING
            morgens oder abends        | CONFLICTING
            zwischen 12 und 10         | CONFLICTING
            bis 0 Uhr                  | CONFLICTING
            ab 25 Uhr                  | IMPOSSIBLE_TIME
            zwischen 10 und 26 Uhr     | IMPOSSIBLE_TIME
            um 14 Uhr                  | UNPARSEABLE
            Dienstag                   | UNPARSEABLE
            ab 15 Uhr für 2            | UNPARSEABLE
            """)
    void rejectsWindowsThatAreNotOrCannotBe(String text, ParseFailure reason) {
        assertThat(TimeWindow.parse(text, Language.DE)).isEqualTo(ParseResult.invalid(reason, text));
    }

    @Test
    void germanAmBetweenNumbersIsNotAnteMeridiem() {
        assertThat(TimeWindow.parse("between 11 am and 1 pm", Language.DE).isParsed())
                .isFalse();
        assertThat(TimeWindow.parse("zwischen 7 am und 9", Language.DE).isParsed())
                .isFalse();
    }

    @Test
    void wordsJoinedByAHyphenAreANumberNotARange() {
        assertThat(TimeExpressions.parse("nine forty-five", Language.EN))
                .isEqualTo(ParseResult.parsed(LocalTime.of(9, 45)));
        assertThat(TimeWindow.parse("nine forty-five", Language.EN).isParsed()).isFalse();
    }

    @Test
    void minutesBeforeNachOrVorAreATimeNotAWindow() {
        assertThat(TimeWindow.parse("viertel nach zwei", Language.DE).isParsed())
                .isFalse();
        assertThat(TimeExpressions.parse("viertel nach zwei", Language.DE))
                .isEqualTo(ParseResult.parsed(LocalTime.of(14, 15)));
        assertThat(TimeExpressions.parse("zehn vor drei", Language.DE))
                .isEqualTo(ParseResult.parsed(LocalTime.of(14, 50)));
    }

    @Test
    void containsIsHalfOpenAndEndOfDayIncludesTheLastMinute() {
        assertThat(TimeWindow.MORNING.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(TimeWindow.MORNING.contains(LocalTime.of(11, 59))).isTrue();
        assertThat(TimeWindow.MORNING.contains(LocalTime.NOON)).isFalse();
        assertThat(TimeWindow.from(LocalTime.of(15, 0)).contains(LocalTime.of(23, 59)))
                .isTrue();
        assertThat(TimeWindow.from(LocalTime.of(15, 0)).endsAtEndOfDay()).isTrue();
    }

    @Test
    void intersectionKeepsTheNarrowerWindowOrBuildsTheOverlap() {
        assertThat(TimeWindow.AFTERNOON.intersect(TimeWindow.between(LocalTime.of(13, 0), LocalTime.of(14, 0))))
                .contains(TimeWindow.between(LocalTime.of(13, 0), LocalTime.of(14, 0)));
        assertThat(TimeWindow.MORNING.intersect(TimeWindow.MIDDAY))
                .contains(TimeWindow.between(LocalTime.of(11, 30), LocalTime.NOON));
        assertThat(TimeWindow.MORNING.intersect(TimeWindow.AFTERNOON)).isEmpty();
    }

    @Test
    void windowThatEndsBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> TimeWindow.between(LocalTime.NOON, LocalTime.of(10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantsOnTheSpringForwardDayUseSummerTimeAndEndAtTheNextDaysStart() {
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        TimeWindow fromThree = TimeWindow.from(LocalTime.of(15, 0));

        assertThat(fromThree.startOn(springForward, Moments.BERLIN)).isEqualTo(Instant.parse("2026-03-29T13:00:00Z"));
        assertThat(fromThree.endOn(springForward, Moments.BERLIN)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(TimeWindow.MORNING.startOn(LocalDate.of(2026, 3, 28), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
    }

    @Test
    void aWindowBoundInsideTheGapStartsWhenTheClocksHaveJumped() {
        TimeWindow night = TimeWindow.between(LocalTime.of(2, 30), LocalTime.of(4, 0));

        assertThat(night.startOn(LocalDate.of(2026, 3, 29), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.endOn(LocalDate.of(2026, 3, 29), Moments.BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void theFallBackDayIsTwentyFiveHoursLong() {
        TimeWindow wholeDay = TimeWindow.from(LocalTime.MIDNIGHT);
        LocalDate fallBack = LocalDate.of(2026, 10, 25);

        assertThat(wholeDay.startOn(fallBack, Moments.BERLIN)).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(wholeDay.endOn(fallBack, Moments.BERLIN)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }
}
