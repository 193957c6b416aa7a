package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Language;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DateExpressionsTest {

    @ParameterizedTest(name = "[{0}] \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MONDAY | 2026-11-19                  | 2026-11-19
            MONDAY | 19.11.2026                  | 2026-11-19
            MONDAY | 19.11.26                    | 2026-11-19
            MONDAY | 19.11.                      | 2026-11-19
            MONDAY | 19.11                       | 2026-11-19
            MONDAY | 19/11                       | 2026-11-19
            MONDAY | 11/19/2026                  | 2026-11-19
            MONDAY | 2026-11-19T14:00            | 2026-11-19
            MONDAY | 2026-11-19T14:00:00Z        | 2026-11-19
            MONDAY | 2026-11-19 14:00            | 2026-11-19
            MONDAY | heute                       | 2026-11-16
            MONDAY | HEUTE!                      | 2026-11-16
            MONDAY | morgen                      | 2026-11-17
            MONDAY | übermorgen                  | 2026-11-18
            MONDAY | Übermorgen                  | 2026-11-18
            MONDAY | uebermorgen                 | 2026-11-18
            MONDAY | Dienstag                    | 2026-11-17
            MONDAY | am Dienstag                 | 2026-11-17
            MONDAY | kommenden Dienstag am 17.   | 2026-11-17
            MONDAY | nächsten Dienstag, den 17.  | 2026-11-17
            MONDAY | kommenden Dienstag          | 2026-11-17
            MONDAY | Dienstag nächste Woche      | 2026-11-24
            MONDAY | nächste Woche Dienstag      | 2026-11-24
            MONDAY | Dienstag in der nächsten Woche | 2026-11-24
            MONDAY | Montag nächste Woche        | 2026-11-23
            MONDAY | Montag                      | 2026-11-23
            MONDAY | nächsten Montag             | 2026-11-23
            MONDAY | diesen Montag               | 2026-11-16
            MONDAY | heute, Montag               | 2026-11-16
            MONDAY | diesen Freitag              | 2026-11-20
            MONDAY | Freitag diese Woche         | 2026-11-20
            MONDAY | übernächsten Montag         | 2026-11-30
            MONDAY | Freitag übernächste Woche   | 2026-12-04
            MONDAY | Dienstag in zwei Wochen     | 2026-12-01
            MONDAY | dienstags                   | 2026-11-17
            MONDAY | Di.                         | 2026-11-17
            MONDAY | Di., 17.11.                 | 2026-11-17
            MONDAY | Dienstagnachmittag          | 2026-11-17
            MONDAY | Dienstag, 14 Uhr            | 2026-11-17
            MONDAY | morgen früh                 | 2026-11-17
            MONDAY | in 3 Tagen                  | 2026-11-19
            MONDAY | in drei Tagen               | 2026-11-19
            MONDAY | in einer Woche              | 2026-11-23
            MONDAY | heute in einer Woche        | 2026-11-23
            MONDAY | morgen in einer Woche       | 2026-11-24
            MONDAY | in 14 Tagen                 | 2026-11-30
            MONDAY | am 19. November             | 2026-11-19
            MONDAY | 19. November                | 2026-11-19
            MONDAY | den 19. Nov.                | 2026-11-19
            MONDAY | 19 November 2026            | 2026-11-19
            MONDAY | Donnerstag, den 19. November | 2026-11-19
            MONDAY | am 19.                      | 2026-11-19
            MONDAY | den 19.                     | 2026-11-19
            MONDAY | am 3. März                  | 2027-03-03
            MONDAY | 3. Maerz                    | 2027-03-03
            MONDAY | 3. Mrz.                     | 2027-03-03
            MONDAY | 14. Februar                 | 2027-02-14
            MONDAY | 1. Dezember                 | 2026-12-01
            MONDAY | today                       | 2026-11-16
            MONDAY | tomorrow                    | 2026-11-17
            MONDAY | day after tomorrow          | 2026-11-18
            MONDAY | the day after tomorrow      | 2026-11-18
            MONDAY | next Monday                 | 2026-11-23
            MONDAY | this Friday                 | 2026-11-20
            MONDAY | this coming Tuesday         | 2026-11-17
            MONDAY | Monday next week            | 2026-11-23
            MONDAY | next week Monday            | 2026-11-23
            MONDAY | next week on Tuesday        | 2026-11-24
            MONDAY | Tuesday the week after next | 2026-12-01
            MONDAY | on Tuesday                  | 2026-11-17
            MONDAY | Tue                         | 2026-11-17
            MONDAY | November 19                 | 2026-11-19
            MONDAY | November 19th, 2026         | 2026-11-19
            MONDAY | Nov 19                      | 2026-11-19
            MONDAY | the 19th of November        | 2026-11-19
            MONDAY | 19th November               | 2026-11-19
            MONDAY | Thursday the 19th           | 2026-11-19
            MONDAY | the 19th                    | 2026-11-19
            MONDAY | in 3 days                   | 2026-11-19
            MONDAY | in two weeks                | 2026-11-30
            MONDAY | a week from today           | 2026-11-23
            MONDAY | a week from tomorrow        | 2026-11-24
            MONDAY | March 3                     | 2027-03-03
            SATURDAY | Montag                    | 2026-11-23
            SATURDAY | nächsten Montag           | 2026-11-23
            SATURDAY | Montag nächste Woche      | 2026-11-23
            SATURDAY | Samstag                   | 2026-11-28
            SATURDAY | diesen Samstag            | 2026-11-21
            SATURDAY | heute                     | 2026-11-21
            SATURDAY | morgen                    | 2026-11-22
            SATURDAY | Sonntag                   | 2026-11-22
            SATURDAY | Sonntag nächste Woche     | 2026-11-29
            SATURDAY | Montag diese Woche        | 2026-11-16
            SATURDAY | this Friday               | 2026-11-27
            SATURDAY | next Saturday             | 2026-11-28
            LATE_EVENING | heute                 | 2026-11-18
            LATE_EVENING | today                 | 2026-11-18
            LATE_EVENING | morgen                | 2026-11-19
            LATE_EVENING | Donnerstag            | 2026-11-19
            AFTER_MIDNIGHT | heute               | 2026-11-19
            AFTER_MIDNIGHT | morgen              | 2026-11-20
            AFTER_MIDNIGHT | Donnerstag          | 2026-11-26
            AFTER_MIDNIGHT | heute, Donnerstag   | 2026-11-19
            AFTER_MIDNIGHT | 19.11.              | 2026-11-19
            BEFORE_SPRING_FORWARD | Sonntag      | 2026-03-29
            BEFORE_SPRING_FORWARD | übermorgen   | 2026-03-29
            BEFORE_SPRING_FORWARD | Montag nächste Woche | 2026-03-30
            SPRING_FORWARD_DAY | heute           | 2026-03-29
            SPRING_FORWARD_DAY | morgen          | 2026-03-30
            SPRING_FORWARD_DAY | Sonntag         | 2026-04-05
            BEFORE_FALL_BACK | Sonntag           | 2026-10-25
            BEFORE_FALL_BACK | diesen Sonntag    | 2026-10-25
            FALL_BACK_NIGHT | heute              | 2026-10-25
            FALL_BACK_NIGHT | morgen             | 2026-10-26
            YEAR_END | am 3. Januar              | 2027-01-03
            YEAR_END | 3.1.                      | 2027-01-03
            YEAR_END | January 3rd               | 2027-01-03
            YEAR_END | am 28. Dezember           | 2026-12-28
            YEAR_END | 27.12.                    | 2027-12-27
            YEAR_END | 31.12.                    | 2026-12-31
            YEAR_END | am 2.                     | 2027-01-02
            YEAR_END | Freitag                   | 2027-01-01
            YEAR_END | Montag nächste Woche      | 2027-01-04
            YEAR_END | in einer Woche            | 2027-01-04
            YEAR_END | 29.02.2028                | 2028-02-29
            YEAR_END | 19.11.2025                | 2025-11-19
            """)
    void parsesSpokenDates(String moment, String text, LocalDate expected) {
        assertThat(DateExpressions.parse(text, Moments.named(moment), Language.DE))
                .isEqualTo(ParseResult.parsed(expected));
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MONDAY   | 31.02.                       | IMPOSSIBLE_DATE
            MONDAY   | 2026-02-30                   | IMPOSSIBLE_DATE
            MONDAY   | 2026-13-01                   | IMPOSSIBLE_DATE
            MONDAY   | 30. Februar                  | IMPOSSIBLE_DATE
            MONDAY   | 32.01.                       | IMPOSSIBLE_DATE
            MONDAY   | 31.04.                       | IMPOSSIBLE_DATE
            MONDAY   | 29.02.2026                   | IMPOSSIBLE_DATE
            MONDAY   | 29.02.                       | IMPOSSIBLE_DATE
            MONDAY   | the 32nd                     | IMPOSSIBLE_DATE
            MONDAY   | November 31                  | IMPOSSIBLE_DATE
            MONDAY   | Dienstag, den 19. November   | CONFLICTING
            MONDAY   | Tuesday 2026-11-19           | CONFLICTING
            MONDAY   | morgen, Freitag              | CONFLICTING
            MONDAY   | Montag oder Dienstag         | CONFLICTING
            MONDAY   | morgen oder übermorgen       | CONFLICTING
            MONDAY   | 19.11. oder 20.11.           | CONFLICTING
            MONDAY   | heute, den 19.11.            | CONFLICTING
            MONDAY   | nächsten Dienstag            | AMBIGUOUS
            MONDAY   | am nächsten Dienstag         | AMBIGUOUS
            MONDAY   | übernächsten Dienstag        | AMBIGUOUS
            MONDAY   | next Tuesday                 | AMBIGUOUS
            MONDAY   | nächste Woche                | MISSING_DATE
            MONDAY   | um 14 Uhr                    | MISSING_DATE
            MONDAY   | nachmittags                  | MISSING_DATE
            MONDAY   | irgendwann                   | UNPARSEABLE
            MONDAY   | '   '                        | UNPARSEABLE
            MONDAY   | Dienstag 14                  | UNPARSEABLE
            MONDAY   | für 2 Personen               | UNPARSEABLE
            MONDAY   | 12345                        | UNPARSEABLE
            YEAR_END | 29.02.                       | IMPOSSIBLE_DATE
            """)
    void rejectsDatesItCannotOrMustNotResolve(String moment, String text, ParseFailure reason) {
        ParseResult<LocalDate> result = DateExpressions.parse(text, Moments.named(moment), Language.DE);

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid<LocalDate>) result).reason()).isEqualTo(reason);
        assertThat(((ParseResult.Invalid<LocalDate>) result).text()).isEqualTo(text);
    }

    @Test
    void twentyNinthOfFebruaryWithoutYearIsTheNextLeapDayOnceThatIsTheNextOccurrence() {
        assertThat(DateExpressions.parse("29.02.", Moments.YEAR_END.plusYears(1), Language.DE))
                .isEqualTo(ParseResult.parsed(LocalDate.of(2028, 2, 29)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void vocabularyOfBothLanguagesIsUnderstoodInEither(Language language) {
        assertThat(DateExpressions.parse("kommenden Dienstag", Moments.MONDAY, language)
                        .toOptional())
                .contains(LocalDate.of(2026, 11, 17));
        assertThat(DateExpressions.parse("this coming Tuesday", Moments.MONDAY, language)
                        .toOptional())
                .contains(LocalDate.of(2026, 11, 17));
    }

    @Test
    void aWholeTranscriptIsNotADateArgument() {
        String padded = " ".repeat(ExpressionScanner.MAX_TEXT_LENGTH - "Dienstag".length()) + "Dienstag";

        assertThat(DateExpressions.parse(padded, Moments.MONDAY, Language.DE).toOptional())
                .contains(LocalDate.of(2026, 11, 17));
        assertThat(DateExpressions.parse(" " + padded, Moments.MONDAY, Language.DE))
                .isEqualTo(ParseResult.invalid(ParseFailure.UNPARSEABLE, " " + padded));
    }

    @Test
    void findsTheDayInASentenceAnLlmWrote() {
        assertThat(DateTimeExpressions.parse(
                                "Der Kunde möchte gern am Dienstag, den 17.11., gegen halb drei kommen.",
                                Moments.MONDAY,
                                Language.DE)
                        .orElseThrow())
                .isEqualTo(new DateTimeRequest(
                        LocalDate.of(2026, 11, 17),
                        Optional.of(LocalTime.of(14, 30)),
                        Optional.empty(),
                        LocalDate.of(2026, 11, 17),
                        true,
                        Optional.empty()));
    }

    @Test
    void invalidResultKeepsTheOriginalTextForTheAnswer() {
        ParseResult<LocalDate> result = DateExpressions.parse("  Am 31.02., bitte ", Moments.MONDAY, Language.DE);

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid<LocalDate>) result).text()).isEqualTo("  Am 31.02., bitte ");
    }
}
