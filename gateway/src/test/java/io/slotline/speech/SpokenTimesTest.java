package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.tenancy.Language;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenTimesTest {

    private static final LocalDate MONDAY = Moments.MONDAY.toLocalDate();

    @ParameterizedTest(name = "{0} -> \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            14:00 | 14 Uhr     | 2 pm
            14:30 | 14 Uhr 30  | 2:30 pm
            09:05 | 9 Uhr 5    | 9:05 am
            09:30 | 9 Uhr 30   | 9:30 am
            12:00 | 12 Uhr     | noon
            12:30 | 12 Uhr 30  | 12:30 pm
            00:00 | 0 Uhr      | midnight
            00:15 | 0 Uhr 15   | 12:15 am
            23:45 | 23 Uhr 45  | 11:45 pm
            """)
    void speaksClockTimes(LocalTime time, String german, String english) {
        assertThat(SpokenTimes.time(time, Language.DE)).isEqualTo(german);
        assertThat(SpokenTimes.time(time, Language.EN)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-16T14:00 | heute um 14 Uhr                         | today at 2 pm
            2026-11-17T09:30 | morgen um 9 Uhr 30                      | tomorrow at 9:30 am
            2026-11-18T12:00 | Mittwoch um 12 Uhr                      | Wednesday at noon
            2026-11-22T14:30 | Sonntag um 14 Uhr 30                    | Sunday at 2:30 pm
            2026-11-23T14:00 | Montag, den 23. November, um 14 Uhr     | Monday, November 23 at 2 pm
            2026-12-01T14:30 | Dienstag, den 1. Dezember, um 14 Uhr 30 | Tuesday, December 1 at 2:30 pm
            2027-01-05T10:00 | Dienstag, den 5. Januar, um 10 Uhr      | Tuesday, January 5 at 10 am
            2027-03-03T09:00 | Mittwoch, den 3. März, um 9 Uhr         | Wednesday, March 3 at 9 am
            2027-06-01T09:00 | Dienstag, den 1. Juni 2027, um 9 Uhr    | Tuesday, June 1, 2027 at 9 am
            2026-11-13T14:00 | Freitag, den 13. November, um 14 Uhr    | Friday, November 13 at 2 pm
            """)
    void speaksDayAndTimeRelativeToToday(LocalDateTime slot, String german, String english) {
        assertThat(SpokenTimes.dateTime(slot, MONDAY, Language.DE)).isEqualTo(german);
        assertThat(SpokenTimes.dateTime(slot, MONDAY, Language.EN)).isEqualTo(english);
    }

    @Test
    void pastDayOfAnotherYearSaysTheYear() {
        assertThat(SpokenTimes.day(LocalDate.of(2025, 12, 30), MONDAY, Language.DE))
                .isEqualTo("Dienstag, den 30. Dezember 2025");
        assertThat(SpokenTimes.day(LocalDate.of(2025, 12, 30), MONDAY, Language.EN))
                .isEqualTo("Tuesday, December 30, 2025");
    }

    @Test
    void instantIsSpokenInTheZoneOfNowAcrossTheSpringForward() {
        Instant sundayAfternoon = Instant.parse("2026-03-29T12:00:00Z");
        Instant mondayMorning = Instant.parse("2026-03-30T07:30:00Z");

        assertThat(SpokenTimes.dateTime(sundayAfternoon, Moments.BEFORE_SPRING_FORWARD, Language.DE))
                .isEqualTo("Sonntag um 14 Uhr");
        assertThat(SpokenTimes.dateTime(mondayMorning, Moments.SPRING_FORWARD_DAY, Language.EN))
                .isEqualTo("tomorrow at 9:30 am");
    }

    @Test
    void instantLateInTheLocalEveningIsStillToday() {
        Instant quarterToMidnight = Instant.parse("2026-11-18T22:45:00Z");

        assertThat(SpokenTimes.dateTime(quarterToMidnight, Moments.LATE_EVENING, Language.DE))
                .isEqualTo("heute um 23 Uhr 45");
        assertThat(SpokenTimes.dateTime(Instant.parse("2026-11-19T08:00:00Z"), Moments.AFTER_MIDNIGHT, Language.EN))
                .isEqualTo("today at 9 am");
    }

    @Test
    void listsTimesWithOrBeforeTheLast() {
        List<LocalTime> times = List.of(LocalTime.of(14, 0), LocalTime.of(14, 30), LocalTime.of(15, 0));

        assertThat(SpokenTimes.times(times, Language.DE)).isEqualTo("14 Uhr, 14 Uhr 30 oder 15 Uhr");
        assertThat(SpokenTimes.times(times, Language.EN)).isEqualTo("2 pm, 2:30 pm or 3 pm");
        assertThat(SpokenTimes.times(times.subList(0, 2), Language.DE)).isEqualTo("14 Uhr oder 14 Uhr 30");
        assertThat(SpokenTimes.times(times.subList(0, 1), Language.EN)).isEqualTo("2 pm");
        assertThat(SpokenTimes.times(List.of(), Language.EN)).isEmpty();
    }

    @Test
    void groupsSlotsOfSeveralDaysByDay() {
        List<LocalDateTime> slots = List.of(
                LocalDateTime.parse("2026-11-17T09:00"),
                LocalDateTime.parse("2026-11-17T09:30"),
                LocalDateTime.parse("2026-11-24T14:00"));

        assertThat(SpokenTimes.dateTimes(slots, MONDAY, Language.DE))
                .isEqualTo("morgen um 9 Uhr oder 9 Uhr 30, oder Dienstag, den 24. November, um 14 Uhr");
        assertThat(SpokenTimes.dateTimes(slots, MONDAY, Language.EN))
                .isEqualTo("tomorrow at 9 am or 9:30 am, or Tuesday, November 24 at 2 pm");
        assertThat(SpokenTimes.dateTimes(slots.subList(0, 2), MONDAY, Language.DE))
                .isEqualTo("morgen um 9 Uhr oder 9 Uhr 30");
    }

    @Test
    void joinsNamesWithAnd() {
        assertThat(SpokenTimes.andList(List.of("Herrenhaarschnitt", "Damenhaarschnitt", "Färben"), Language.DE))
                .isEqualTo("Herrenhaarschnitt, Damenhaarschnitt und Färben");
        assertThat(SpokenTimes.orList(List.of("Herrenhaarschnitt", "Damenhaarschnitt"), Language.EN))
                .isEqualTo("Herrenhaarschnitt or Damenhaarschnitt");
    }

    @ParameterizedTest(name = "{0} min -> \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0    | 0 Minuten                  | 0 minutes
            1    | eine Minute                | 1 minute
            30   | 30 Minuten                 | 30 minutes
            60   | eine Stunde                | 1 hour
            75   | eine Stunde und 15 Minuten | 1 hour 15 minutes
            90   | eineinhalb Stunden         | 1 hour 30 minutes
            120  | 2 Stunden                  | 2 hours
            150  | zweieinhalb Stunden        | 2 hours 30 minutes
            121  | 2 Stunden und eine Minute  | 2 hours 1 minute
            1440 | 24 Stunden                 | 24 hours
            2880 | 48 Stunden                 | 48 hours
            """)
    void speaksDurations(long minutes, String german, String english) {
        assertThat(SpokenTimes.duration(Duration.ofMinutes(minutes), Language.DE))
                .isEqualTo(german);
        assertThat(SpokenTimes.duration(Duration.ofMinutes(minutes), Language.EN))
                .isEqualTo(english);
    }

    @Test
    void negativeDurationIsAProgrammingError() {
        assertThatThrownBy(() -> SpokenTimes.duration(Duration.ofMinutes(-5), Language.DE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} -> \"{2}\" / \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            25     | EUR | 25 Euro        | 25 euros
            25.00  | eur | 25 Euro        | 25 euros
            1      | EUR | 1 Euro         | 1 euro
            12.50  | EUR | 12 Euro 50     | 12 euros 50
            12.05  | EUR | 12 Euro 5      | 12 euros 5
            0.50   | EUR | 50 Cent        | 50 cents
            0.01   | EUR | 1 Cent         | 1 cent
            12.499 | EUR | 12 Euro 50     | 12 euros 50
            20     | GBP | 20 Pfund       | 20 pounds
            1.50   | GBP | 1 Pfund 50     | 1 pound 50
            0.80   | GBP | 80 Pence       | 80 pence
            30     | CHF | 30 Franken     | 30 francs
            40     | USD | 40 Dollar      | 40 dollars
            99.90  | SEK | 99,90 SEK      | 99.90 SEK
            """)
    void speaksPrices(BigDecimal amount, String currency, String german, String english) {
        assertThat(SpokenTimes.price(amount, currency, Language.DE)).isEqualTo(german);
        assertThat(SpokenTimes.price(amount, currency, Language.EN)).isEqualTo(english);
    }

    @Test
    void speaksPricesGivenInCents() {
        assertThat(SpokenTimes.priceInMinorUnits(1250, "EUR", Language.DE)).isEqualTo("12 Euro 50");
        assertThat(SpokenTimes.priceInMinorUnits(2500, "EUR", Language.EN)).isEqualTo("25 euros");
    }
}
