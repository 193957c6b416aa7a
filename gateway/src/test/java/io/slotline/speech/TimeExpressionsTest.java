package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Language;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TimeExpressionsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            14:00                 | 14:00
            14.30                 | 14:30
            14:30:00              | 14:30
            um 14:30 Uhr          | 14:30
            14 Uhr                | 14:00
            14Uhr                 | 14:00
            14 Uhr 30             | 14:30
            9 Uhr 5               | 09:05
            vierzehn Uhr dreißig  | 14:30
            vierzehn Uhr          | 14:00
            14h                   | 14:00
            14h30                 | 14:30
            14 h                  | 14:00
            Mittag                | 12:00
            mittag                | 12:00
            12 Uhr mittags        | 12:00
            Mitternacht           | 00:00
            halb drei             | 14:30
            halb 3                | 14:30
            halb neun             | 08:30
            halb eins             | 12:30
            halb zwölf            | 11:30
            halb acht             | 19:30
            viertel nach zwei     | 14:15
            viertel vor drei      | 14:45
            Viertel vor zwölf     | 11:45
            dreiviertel drei      | 14:45
            drei viertel drei     | 14:45
            viertel drei          | 14:15
            zehn nach zwei        | 14:10
            zwanzig vor elf       | 10:40
            5 nach 10             | 10:05
            fünf vor halb drei    | 14:25
            fünf nach halb drei   | 14:35
            um 3                  | 15:00
            um drei               | 15:00
            gegen 10              | 10:00
            3                     | 15:00
            drei                  | 15:00
            14                    | 14:00
            9                     | 09:00
            12                    | 12:00
            7:30                  | 19:30
            07:30                 | 07:30
            08:00                 | 08:00
            0:30                  | 00:30
            8 Uhr abends          | 20:00
            abends um 8           | 20:00
            um 7 morgens          | 07:00
            morgens um sieben     | 07:00
            nachmittags um 1      | 13:00
            2026-11-19T07:00      | 07:00
            2026-11-19T14:00:00Z  | 14:00
            um 10 am Dienstag     | 10:00
            um 7 am Dienstag      | 19:00
            7 am                  | 07:00
            """)
    void parsesGermanTimes(String text, LocalTime expected) {
        assertThat(TimeExpressions.parse(text, Language.DE)).isEqualTo(ParseResult.parsed(expected));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            14:00                 | 14:00
            2pm                   | 14:00
            2 pm                  | 14:00
            2 PM                  | 14:00
            2:30 pm               | 14:30
            2:30pm                | 14:30
            2 p.m.                | 14:00
            9 a.m.                | 09:00
            10 am                 | 10:00
            7 am                  | 07:00
            12 am                 | 00:00
            12 pm                 | 12:00
            12:30 am              | 00:30
            noon                  | 12:00
            12 noon               | 12:00
            midday                | 12:00
            midnight              | 00:00
            half past two         | 14:30
            quarter past two      | 14:15
            a quarter to three    | 14:45
            quarter to 3          | 14:45
            ten past two          | 14:10
            ten after two         | 14:10
            twenty to three       | 14:40
            10 minutes to 3       | 14:50
            two thirty            | 14:30
            two thirty pm         | 14:30
            nine forty-five       | 09:45
            3 o'clock             | 15:00
            three o’clock         | 15:00
            at 3                  | 15:00
            at three              | 15:00
            around 10             | 10:00
            at 7 in the morning   | 07:00
            eight in the evening  | 20:00
            two                   | 14:00
            """)
    void parsesEnglishTimes(String text, LocalTime expected) {
        assertThat(TimeExpressions.parse(text, Language.EN)).isEqualTo(ParseResult.parsed(expected));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            25:00             | IMPOSSIBLE_TIME
            24:00             | IMPOSSIBLE_TIME
            14:75             | IMPOSSIBLE_TIME
            14.60             | IMPOSSIBLE_TIME
            13 pm             | IMPOSSIBLE_TIME
            0 am              | IMPOSSIBLE_TIME
            25 Uhr            | IMPOSSIBLE_TIME
            halb 25           | IMPOSSIBLE_TIME
            14 Uhr oder 15 Uhr | CONFLICTING
            nachmittags       | UNPARSEABLE
            irgendwann        | UNPARSEABLE
            ''                | UNPARSEABLE
            14:30:5           | UNPARSEABLE
            123               | UNPARSEABLE
            """)
    void rejectsImpossibleAndUnclearTimes(String text, ParseFailure reason) {
        assertThat(TimeExpressions.parse(text, Language.DE)).isEqualTo(ParseResult.invalid(reason, text));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aDottedDateIsNotTakenForATime(Language language) {
        assertThat(TimeExpressions.parse("am 19.11. um 14 Uhr", language))
                .isEqualTo(ParseResult.parsed(LocalTime.of(14, 0)));
        assertThat(TimeExpressions.parse("19. November, halb drei", language))
                .isEqualTo(ParseResult.parsed(LocalTime.of(14, 30)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void sameTimeSaidTwiceIsNotAConflict(Language language) {
        assertThat(TimeExpressions.parse("14 Uhr, also 14:00", language))
                .isEqualTo(ParseResult.parsed(LocalTime.of(14, 0)));
    }
}
