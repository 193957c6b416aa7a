package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phrasings callers and LLM agents actually send, in both languages (lower case, filler words, numbers as
 * words and digits, typos, whole sentences), each with the exact reading expected relative to a fixed "now" in
 * Europe/Berlin ({@link Moments}), or the exact reason it is asked back.
 *
 * <p>Kind {@code D} is a date argument ({@link DateTimeExpressions}), {@code T} a time argument (a time, else a
 * window, as the functions read it). Expected readings: {@code 2026-11-17 14:30} a day and time, {@code ~14:30} a
 * time meant roughly, {@code [12:00-17:00]} a window, {@code 2026-11-23..2026-11-24} a period, {@code instead
 * 2026-11-23} the day meant when the one said is past, {@code ask REASON detail} a failure to ask back.
 */
class SpokenCorpusTest {

    @ParameterizedTest(name = "[{0} {1}] \"{3}\" -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            MONDAY                | DE | D | heute                                            | 2026-11-16
            MONDAY                | DE | D | morgen                                           | 2026-11-17
            MONDAY                | DE | D | übermorgen                                       | 2026-11-18
            MONDAY                | DE | D | uebermorgen                                      | 2026-11-18
            MONDAY                | DE | D | morgen um 14 Uhr                                 | 2026-11-17 14:00
            MONDAY                | DE | D | morgen um 14:30                                  | 2026-11-17 14:30
            MONDAY                | DE | D | morgen 14.30                                     | 2026-11-17 14:30
            MONDAY                | DE | D | Dienstag um halb drei                            | 2026-11-17 14:30
            MONDAY                | DE | D | am Mittwoch um viertel nach zehn                 | 2026-11-18 10:15
            MONDAY                | DE | D | Donnerstag, den 19.11., um 10 Uhr                | 2026-11-19 10:00
            MONDAY                | DE | D | am 19. November                                  | 2026-11-19
            MONDAY                | DE | D | 19.11.2026                                       | 2026-11-19
            MONDAY                | DE | D | 2026-11-19                                       | 2026-11-19
            MONDAY                | DE | D | 2026-11-19T14:00                                 | 2026-11-19 14:00
            MONDAY                | DE | D | Freitag nachmittag                               | 2026-11-20 [12:00-17:00]
            MONDAY                | DE | D | Freitag zwischen 10 und 12                       | 2026-11-20 [10:00-12:00]
            MONDAY                | DE | D | Samstag vormittags                               | 2026-11-21 [08:00-12:00]
            MONDAY                | DE | D | Dienstag nächste Woche                           | 2026-11-24
            MONDAY                | DE | D | Montag nächste Woche um 9                        | 2026-11-23 09:00
            MONDAY                | DE | D | in drei Tagen                                    | 2026-11-19
            MONDAY                | DE | D | in einer Woche                                   | 2026-11-23
            MONDAY                | DE | D | kommenden Donnerstag                             | 2026-11-19
            MONDAY                | DE | D | diesen Freitag                                   | 2026-11-20
            MONDAY                | DE | D | Freitag diese Woche                              | 2026-11-20
            MONDAY                | DE | D | Freitag übernächste Woche                        | 2026-12-04
            MONDAY                | DE | D | morgen früh um 9                                 | 2026-11-17 09:00 [08:00-12:00]
            MONDAY                | DE | D | heute Abend um 7                                 | 2026-11-16 19:00 [17:00-21:00]
            MONDAY                | DE | D | übermorgen ab 15 Uhr                             | 2026-11-18 [15:00-24:00]
            MONDAY                | DE | D | morgen bis 12 Uhr                                | 2026-11-17 [00:00-12:00]
            MONDAY                | DE | D | Donnerstag 19.11. 14 Uhr                         | 2026-11-19 14:00
            MONDAY                | EN | D | today                                            | 2026-11-16
            MONDAY                | EN | D | tomorrow                                         | 2026-11-17
            MONDAY                | EN | D | the day after tomorrow                           | 2026-11-18
            MONDAY                | EN | D | tomorrow at 2pm                                  | 2026-11-17 14:00
            MONDAY                | EN | D | tomorrow at 2:30 pm                              | 2026-11-17 14:30
            MONDAY                | EN | D | Wednesday at 10am                                | 2026-11-18 10:00
            MONDAY                | EN | D | on Thursday, November 19 at noon                 | 2026-11-19 12:00
            MONDAY                | EN | D | the 19th of November                             | 2026-11-19
            MONDAY                | EN | D | November 19th                                    | 2026-11-19
            MONDAY                | EN | D | Friday afternoon                                 | 2026-11-20 [12:00-17:00]
            MONDAY                | EN | D | Friday between 2 and 4 pm                        | 2026-11-20 [14:00-16:00]
            MONDAY                | EN | D | Monday next week                                 | 2026-11-23
            MONDAY                | EN | D | next Monday at 9                                 | 2026-11-23 09:00
            MONDAY                | EN | D | this Friday                                      | 2026-11-20
            MONDAY                | EN | D | this coming Thursday                             | 2026-11-19
            MONDAY                | EN | D | in 3 days                                        | 2026-11-19
            MONDAY                | EN | D | a week from tomorrow                             | 2026-11-24
            MONDAY                | EN | D | tonight at 7                                     | 2026-11-16 19:00 [17:00-21:00]
            MONDAY                | EN | D | tomorrow morning                                 | 2026-11-17 [08:00-12:00]
            MONDAY                | EN | D | tomorrow after 3pm                               | 2026-11-17 [15:00-24:00]
            MONDAY                | DE | D | morgen bitte                                     | 2026-11-17
            MONDAY                | DE | D | äh morgen so um drei                             | 2026-11-17 ~15:00
            MONDAY                | DE | D | also morgen nachmittag wenn möglich              | 2026-11-17 [12:00-17:00]
            MONDAY                | DE | D | der kunde möchte am donnerstag kommen            | 2026-11-19
            MONDAY                | DE | D | Der Kunde hätte gern einen Termin am Freitag um 11 Uhr. | 2026-11-20 11:00
            MONDAY                | DE | D | Die Anruferin wünscht sich Mittwoch vormittag.   | 2026-11-18 [08:00-12:00]
            MONDAY                | DE | D | ja genau, dienstag um 10                         | 2026-11-17 10:00
            MONDAY                | DE | D | am liebsten Donnerstag                           | 2026-11-19
            MONDAY                | DE | D | vielleicht Freitag                               | 2026-11-20
            MONDAY                | DE | D | irgendwann am Mittwoch                           | 2026-11-18
            MONDAY                | EN | D | uh tomorrow at like 3pm                          | 2026-11-17 15:00
            MONDAY                | EN | D | The caller would like to come in on Wednesday at 10 am. | 2026-11-18 10:00
            MONDAY                | EN | D | customer wants thursday afternoon                | 2026-11-19 [12:00-17:00]
            MONDAY                | EN | D | maybe friday                                     | 2026-11-20
            MONDAY                | EN | D | friday please                                    | 2026-11-20
            MONDAY                | EN | D | ideally tomorrow morning                         | 2026-11-17 [08:00-12:00]
            MONDAY                | EN | D | how about wednesday at noon                      | 2026-11-18 12:00
            MONDAY                | EN | D | TOMORROW AT 3 PM                                 | 2026-11-17 15:00
            MONDAY                | DE | D | morgen um drei                                   | 2026-11-17 15:00
            MONDAY                | DE | D | morgen um vierzehn Uhr dreißig                   | 2026-11-17 14:30
            MONDAY                | DE | D | Dienstag um neun Uhr                             | 2026-11-17 09:00
            MONDAY                | DE | D | in zwei Tagen                                    | 2026-11-18
            MONDAY                | DE | D | in zwei Wochen                                   | 2026-11-30
            MONDAY                | DE | D | Dienstag in zwei Wochen                          | 2026-12-01
            MONDAY                | EN | D | tomorrow at three                                | 2026-11-17 15:00
            MONDAY                | EN | D | tomorrow at two thirty                           | 2026-11-17 14:30
            MONDAY                | EN | D | in two weeks                                     | 2026-11-30
            MONDAY                | EN | D | wednesday at nine forty-five                     | 2026-11-18 09:45
            MONDAY                | DE | D | Dienstga                                         | 2026-11-17
            MONDAY                | DE | D | Mittwoh um 10                                    | 2026-11-18 10:00
            MONDAY                | DE | D | Donnerstg                                        | 2026-11-19
            MONDAY                | DE | D | Freitga nachmittag                               | 2026-11-20 [12:00-17:00]
            MONDAY                | DE | D | morgn um 10                                      | 2026-11-17 10:00
            MONDAY                | DE | D | übermorgn                                        | 2026-11-18
            MONDAY                | DE | D | morgen nachmitags                                | 2026-11-17 [12:00-17:00]
            MONDAY                | DE | D | am 3. Dezmber                                    | 2026-12-03
            MONDAY                | DE | D | Samstga vormittag                                | 2026-11-21 [08:00-12:00]
            MONDAY                | EN | D | tomorow at 3pm                                   | 2026-11-17 15:00
            MONDAY                | EN | D | wendesday                                        | 2026-11-18
            MONDAY                | EN | D | thurdsay at 10am                                 | 2026-11-19 10:00
            MONDAY                | EN | D | fridya afternoon                                 | 2026-11-20 [12:00-17:00]
            MONDAY                | EN | D | tommorow                                         | 2026-11-17
            MONDAY                | EN | D | on the 3rd of decmber                            | 2026-12-03
            MONDAY                | DE | D | letzten Montag                                   | 2026-11-09 instead 2026-11-23
            MONDAY                | DE | D | am letzten Montag um 10                          | 2026-11-09 10:00 instead 2026-11-23
            MONDAY                | DE | D | vorigen Dienstag                                 | 2026-11-10 instead 2026-11-17
            MONDAY                | DE | D | vergangenen Freitag                              | 2026-11-13 instead 2026-11-20
            MONDAY                | DE | D | nicht Montag                                     | ask NEGATED nicht
            MONDAY                | DE | D | Montag nicht                                     | ask NEGATED nicht
            MONDAY                | DE | D | nicht am Dienstag                                | ask NEGATED nicht
            MONDAY                | DE | D | Dienstag, aber nicht um 10                       | ask NEGATED nicht
            MONDAY                | DE | D | jeden Dienstag                                   | ask UNCLEAR jeden
            MONDAY                | DE | D | außer Freitag                                    | ask NEGATED ausser
            MONDAY                | DE | D | keinesfalls Montag                               | ask NEGATED keinesfalls
            MONDAY                | DE | D | Dienstag irgendwie                               | ask UNCLEAR irgendwie
            MONDAY                | DE | D | Dienstag Woche                                   | ask UNCLEAR woche
            MONDAY                | DE | D | am Feiertag                                      | ask UNCLEAR feiertag
            MONDAY                | DE | D | morgen in zwei Stunden                           | ask UNPARSEABLE
            MONDAY                | DE | D | Dienstag drei                                    | ask UNPARSEABLE
            MONDAY                | DE | D | Dienstag 14                                      | ask UNPARSEABLE
            MONDAY                | DE | D | ohne Montag                                      | ask NEGATED ohne
            MONDAY                | DE | D | Montag halb                                      | ask UNCLEAR halb
            MONDAY                | DE | D | morgen minus eins                                | ask UNPARSEABLE
            MONDAY                | EN | D | last Monday                                      | 2026-11-09 instead 2026-11-23
            MONDAY                | EN | D | last Friday at 3pm                               | 2026-11-13 15:00 instead 2026-11-20
            MONDAY                | EN | D | previous Tuesday                                 | 2026-11-10 instead 2026-11-17
            MONDAY                | EN | D | not Monday                                       | ask NEGATED not
            MONDAY                | EN | D | Tuesday not at 3                                 | ask NEGATED not
            MONDAY                | EN | D | anything except Friday                           | ask NEGATED except
            MONDAY                | EN | D | every Tuesday                                    | ask UNCLEAR every
            MONDAY                | EN | D | never on a Monday                                | ask NEGATED never
            MONDAY                | EN | D | Tuesday whatever                                 | ask UNCLEAR whatever
            MONDAY                | EN | D | first thing tomorrow                             | ask UNCLEAR thing
            MONDAY                | EN | D | the first available                              | ask UNPARSEABLE
            MONDAY                | EN | D | Tuesday fortnight                                | ask UNCLEAR fortnight
            MONDAY                | EN | D | Tuesday or Wednesday                             | ask CONFLICTING 2026-11-17 2026-11-18
            MONDAY                | DE | D | Dienstag, den 19. November                       | ask CONFLICTING 2026-11-19 2026-11-17
            MONDAY                | DE | D | morgen, Freitag                                  | ask CONFLICTING 2026-11-17 2026-11-20
            MONDAY                | DE | D | morgen oder übermorgen                           | ask CONFLICTING 2026-11-17 2026-11-18
            MONDAY                | DE | D | heute, den 19.11.                                | ask CONFLICTING 2026-11-19 2026-11-16
            MONDAY                | EN | D | Friday, November 19                              | ask CONFLICTING 2026-11-19 2026-11-20
            MONDAY                | DE | D | 19.11. oder 20.11.                               | ask CONFLICTING 2026-11-19 2026-11-20
            MONDAY                | DE | T | -1                                               | ask UNPARSEABLE signed_number
            MONDAY                | DE | T | +2                                               | ask UNPARSEABLE signed_number
            MONDAY                | DE | T | - 1                                              | ask UNPARSEABLE signed_number
            MONDAY                | EN | T | -1                                               | ask UNPARSEABLE signed_number
            MONDAY                | DE | D | morgen -1                                        | ask UNPARSEABLE signed_number
            MONDAY                | DE | D | morgen um -1                                     | ask UNPARSEABLE signed_number
            MONDAY                | DE | T | nicht um 3                                       | ask NEGATED nicht
            MONDAY                | DE | T | um 3 nicht                                       | ask NEGATED nicht
            MONDAY                | EN | T | not at 3                                         | ask NEGATED not
            MONDAY                | DE | T | irgendwann                                       | ask UNPARSEABLE
            MONDAY                | DE | T | drei oder vier                                   | ask CONFLICTING
            MONDAY                | DE | T | 14 Uhr oder 15 Uhr                               | ask CONFLICTING
            MONDAY                | DE | D | gestern                                          | 2026-11-15 instead 2026-11-16
            MONDAY                | DE | D | gestern um 14 Uhr                                | 2026-11-15 14:00 instead 2026-11-16
            MONDAY                | DE | D | vorgestern                                       | 2026-11-14 instead 2026-11-16
            MONDAY                | DE | D | vor drei Tagen                                   | 2026-11-13 instead 2026-11-16
            MONDAY                | DE | D | vor einer Woche                                  | 2026-11-09 instead 2026-11-16
            MONDAY                | DE | D | Montag letzte Woche                              | 2026-11-09 instead 2026-11-23
            MONDAY                | DE | D | letzte Woche Freitag                             | 2026-11-13 instead 2026-11-20
            MONDAY                | DE | D | letzte Woche                                     | 2026-11-09..2026-11-15 instead 2026-11-16
            MONDAY                | DE | D | 19.11.2025                                       | 2025-11-19 instead 2026-11-19
            MONDAY                | DE | D | am 13.11.2026                                    | 2026-11-13 instead 2026-11-20
            MONDAY                | DE | D | heute um 8                                       | 2026-11-16 08:00
            MONDAY                | EN | D | yesterday                                        | 2026-11-15 instead 2026-11-16
            MONDAY                | EN | D | yesterday at 2pm                                 | 2026-11-15 14:00 instead 2026-11-16
            MONDAY                | EN | D | the day before yesterday                         | 2026-11-14 instead 2026-11-16
            MONDAY                | EN | D | 3 days ago                                       | 2026-11-13 instead 2026-11-16
            MONDAY                | EN | D | a week ago                                       | 2026-11-09 instead 2026-11-16
            MONDAY                | EN | D | Friday last week                                 | 2026-11-13 instead 2026-11-20
            MONDAY                | EN | D | last week                                        | 2026-11-09..2026-11-15 instead 2026-11-16
            WEDNESDAY             | DE | D | letzten Montag                                   | 2026-11-16 instead 2026-11-23
            WEDNESDAY             | DE | D | Montag diese Woche                               | 2026-11-16 instead 2026-11-23
            WEDNESDAY             | DE | D | Anfang der Woche                                 | 2026-11-16..2026-11-17 instead 2026-11-23
            WEDNESDAY             | EN | D | last Tuesday                                     | 2026-11-17 instead 2026-11-24
            WEDNESDAY             | EN | D | Monday this week                                 | 2026-11-16 instead 2026-11-23
            SUNDAY                | DE | D | Ende der Woche                                   | 2026-11-19..2026-11-21 instead 2026-11-26
            SUNDAY                | EN | D | end of the week                                  | 2026-11-19..2026-11-21 instead 2026-11-26
            MONDAY                | DE | D | 30. Februar                                      | ask IMPOSSIBLE_DATE 2027-02-30
            MONDAY                | DE | D | am 30.02.                                        | ask IMPOSSIBLE_DATE 2027-02-30
            MONDAY                | DE | D | 31.04.                                           | ask IMPOSSIBLE_DATE 2027-04-31
            MONDAY                | DE | D | 29.02.2026                                       | ask IMPOSSIBLE_DATE 2026-02-29
            MONDAY                | DE | D | am 32.                                           | ask IMPOSSIBLE_DATE day-32
            MONDAY                | DE | D | 2026-13-01                                       | ask IMPOSSIBLE_DATE
            MONDAY                | DE | D | den einunddreißigsten November                   | ask IMPOSSIBLE_DATE 2026-11-31
            MONDAY                | EN | D | February 30                                      | ask IMPOSSIBLE_DATE 2027-02-30
            MONDAY                | EN | D | the 31st of April                                | ask IMPOSSIBLE_DATE 2027-04-31
            MONDAY                | EN | D | November 31                                      | ask IMPOSSIBLE_DATE 2026-11-31
            MONDAY                | DE | D | am zwanzigsten                                   | 2026-11-20
            MONDAY                | DE | D | den zwanzigsten                                  | 2026-11-20
            MONDAY                | DE | D | am ersten                                        | 2026-12-01
            MONDAY                | DE | D | den ersten März                                  | 2027-03-01
            MONDAY                | DE | D | am ersten Dezember                               | 2026-12-01
            MONDAY                | DE | D | den einunddreißigsten                            | 2026-12-31
            MONDAY                | DE | D | am dritten um 10                                 | 2026-12-03 10:00
            MONDAY                | DE | D | zum fünfzehnten                                  | 2026-12-15
            MONDAY                | DE | D | am siebzehnten, also morgen                      | 2026-11-17
            MONDAY                | DE | D | am neunzehnten November um halb drei             | 2026-11-19 14:30
            MONDAY                | DE | D | der zweite Dezember                              | 2026-12-02
            MONDAY                | DE | D | am zweiundzwanzigsten                            | 2026-11-22
            MONDAY                | DE | D | am siebten Januar                                | 2027-01-07
            MONDAY                | DE | D | am siebenten Januar                              | 2027-01-07
            MONDAY                | DE | D | am ersten freien Tag                             | ask UNPARSEABLE
            MONDAY                | DE | D | Donnerstag, den neunzehnten                      | 2026-11-19
            MONDAY                | DE | D | Mittwoch, den zwanzigsten                        | ask CONFLICTING 2026-11-20 2026-11-18
            MONDAY                | EN | D | the twentieth                                    | 2026-11-20
            MONDAY                | EN | D | on the first                                     | 2026-12-01
            MONDAY                | EN | D | the first of March                               | 2027-03-01
            MONDAY                | EN | D | March first                                      | 2027-03-01
            MONDAY                | EN | D | December second                                  | 2026-12-02
            MONDAY                | EN | D | on the thirty-first                              | 2026-12-31
            MONDAY                | EN | D | the twenty first at 10am                         | 2026-11-21 10:00
            MONDAY                | EN | D | the third of December                            | 2026-12-03
            MONDAY                | EN | D | Thursday the nineteenth                          | 2026-11-19
            YEAR_END              | DE | D | am dritten                                       | 2027-01-03
            YEAR_END              | DE | D | den ersten Januar                                | 2027-01-01
            YEAR_END              | EN | D | the second of January                            | 2027-01-02
            MONDAY                | DE | D | morgen um vier am Nachmittag                     | 2026-11-17 16:00 [12:00-17:00]
            MONDAY                | DE | D | morgen um zehn am Vormittag                      | 2026-11-17 10:00 [08:00-12:00]
            MONDAY                | DE | D | Dienstag um acht am Abend                        | 2026-11-17 20:00 [17:00-21:00]
            MONDAY                | DE | D | Dienstag um sieben am Morgen                     | 2026-11-17 07:00 [08:00-12:00]
            MONDAY                | DE | D | um 10 am Dienstag                                | 2026-11-17 10:00
            MONDAY                | DE | D | um 7 am Dienstag                                 | 2026-11-17 19:00
            MONDAY                | DE | D | Dienstag um 7 am                                 | 2026-11-17 07:00
            MONDAY                | DE | D | Dienstag um 3 am Nachmittag                      | 2026-11-17 15:00 [12:00-17:00]
            MONDAY                | DE | T | um vier am Nachmittag                            | 16:00
            MONDAY                | DE | T | um zehn am Vormittag                             | 10:00
            MONDAY                | DE | T | 7 am                                             | 07:00
            MONDAY                | DE | T | 10 am Vormittag                                  | 10:00
            MONDAY                | EN | D | tomorrow at 10 am                                | 2026-11-17 10:00
            MONDAY                | EN | D | tomorrow at 7 am                                 | 2026-11-17 07:00
            MONDAY                | EN | T | 7 am                                             | 07:00
            MONDAY                | EN | T | four in the afternoon                            | 16:00
            MONDAY                | EN | T | half four                                        | 16:30
            MONDAY                | EN | T | half 4                                           | 16:30
            MONDAY                | EN | T | half past four                                   | 16:30
            MONDAY                | EN | T | half ten                                         | 10:30
            MONDAY                | EN | T | half eleven                                      | 11:30
            MONDAY                | EN | D | tomorrow at half four                            | 2026-11-17 16:30
            MONDAY                | EN | D | friday half two                                  | 2026-11-20 14:30
            MONDAY                | EN | T | half four pm                                     | 16:30
            MONDAY                | DE | T | halb vier                                        | 15:30
            MONDAY                | DE | T | halb zehn                                        | 09:30
            MONDAY                | DE | T | half four                                        | ask UNCLEAR half
            MONDAY                | DE | T | viertel vier                                     | 15:15
            MONDAY                | DE | T | dreiviertel vier                                 | 15:45
            MONDAY                | DE | T | viertel nach drei                                | 15:15
            MONDAY                | DE | T | viertel vor vier                                 | 15:45
            MONDAY                | DE | T | fünf vor halb vier                               | 15:25
            MONDAY                | EN | T | quarter to four                                  | 15:45
            MONDAY                | EN | T | quarter past three                               | 15:15
            MONDAY                | DE | T | um 7                                             | 19:00
            MONDAY                | DE | T | um 8                                             | 08:00
            MONDAY                | DE | T | 7 Uhr                                            | 19:00
            MONDAY                | DE | T | 19 Uhr                                           | 19:00
            MONDAY                | DE | T | 07:00                                            | 07:00
            MONDAY                | DE | T | um 7 morgens                                     | 07:00
            MONDAY                | DE | T | abends um 8                                      | 20:00
            MONDAY                | DE | T | um 1                                             | 13:00
            MONDAY                | DE | T | 12                                               | 12:00
            MONDAY                | EN | T | at 7                                             | 19:00
            MONDAY                | EN | T | at 7 in the morning                              | 07:00
            MONDAY                | EN | T | 7pm                                              | 19:00
            MONDAY                | DE | D | Anfang nächster Woche                            | 2026-11-23..2026-11-24
            MONDAY                | DE | D | anfang der nächsten Woche                        | 2026-11-23..2026-11-24
            MONDAY                | DE | D | Anfang der Woche                                 | 2026-11-16..2026-11-17
            MONDAY                | DE | D | Mitte der Woche                                  | 2026-11-17..2026-11-19
            MONDAY                | DE | D | Mitte nächster Woche                             | 2026-11-24..2026-11-26
            MONDAY                | DE | D | Ende der Woche                                   | 2026-11-19..2026-11-21
            MONDAY                | DE | D | gegen Ende der Woche                             | 2026-11-19..2026-11-21
            MONDAY                | DE | D | Ende nächster Woche                              | 2026-11-26..2026-11-28
            MONDAY                | DE | D | Ende der nächsten Woche                          | 2026-11-26..2026-11-28
            MONDAY                | DE | D | Ende übernächster Woche                          | 2026-12-03..2026-12-05
            MONDAY                | DE | D | nächste Woche                                    | 2026-11-23..2026-11-29
            MONDAY                | DE | D | irgendwann nächste Woche                         | 2026-11-23..2026-11-29
            MONDAY                | DE | D | nächste Woche nachmittags                        | 2026-11-23..2026-11-29 [12:00-17:00]
            MONDAY                | DE | D | diese Woche                                      | 2026-11-16..2026-11-22
            MONDAY                | DE | D | diese Woche noch                                 | 2026-11-16..2026-11-22
            MONDAY                | DE | D | am Wochenende                                    | 2026-11-21..2026-11-22
            MONDAY                | DE | D | dieses Wochenende                                | 2026-11-21..2026-11-22
            MONDAY                | DE | D | nächstes Wochenende                              | 2026-11-28..2026-11-29
            MONDAY                | DE | D | Wochenanfang                                     | 2026-11-16..2026-11-17
            MONDAY                | DE | D | in den nächsten Tagen                            | 2026-11-16..2026-11-19
            MONDAY                | DE | D | die nächsten Tage vormittags                     | 2026-11-16..2026-11-19 [08:00-12:00]
            MONDAY                | DE | D | Anfang Dezember                                  | 2026-12-01..2026-12-10
            MONDAY                | DE | D | Mitte Dezember                                   | 2026-12-11..2026-12-20
            MONDAY                | DE | D | Ende November                                    | 2026-11-21..2026-11-30
            MONDAY                | DE | D | Ende des Monats                                  | 2026-11-21..2026-11-30
            MONDAY                | DE | D | Anfang nächsten Monats                           | 2026-12-01..2026-12-10
            MONDAY                | DE | D | im Dezember                                      | 2026-12-01..2026-12-31
            MONDAY                | DE | D | nächsten Monat                                   | 2026-12-01..2026-12-31
            MONDAY                | DE | D | Anfang nächster Woche um 10                      | 2026-11-23..2026-11-24 10:00
            MONDAY                | DE | D | Ende der Woche nachmittags                       | 2026-11-19..2026-11-21 [12:00-17:00]
            MONDAY                | DE | D | Freitag Ende der Woche                           | 2026-11-20
            MONDAY                | DE | D | Montag Ende der Woche                            | ask CONFLICTING
            MONDAY                | EN | D | early next week                                  | 2026-11-23..2026-11-24
            MONDAY                | EN | D | early in the week                                | 2026-11-16..2026-11-17
            MONDAY                | EN | D | later this week                                  | 2026-11-17..2026-11-22
            MONDAY                | EN | D | later in the week                                | 2026-11-17..2026-11-22
            MONDAY                | EN | D | late next week                                   | 2026-11-26..2026-11-28
            MONDAY                | EN | D | end of the week                                  | 2026-11-19..2026-11-21
            MONDAY                | EN | D | end of next week                                 | 2026-11-26..2026-11-28
            MONDAY                | EN | D | the end of the week                              | 2026-11-19..2026-11-21
            MONDAY                | EN | D | towards the end of the week                      | 2026-11-19..2026-11-21
            MONDAY                | EN | D | beginning of next week                           | 2026-11-23..2026-11-24
            MONDAY                | EN | D | middle of the week                               | 2026-11-17..2026-11-19
            MONDAY                | EN | D | midweek                                          | 2026-11-17..2026-11-19
            MONDAY                | EN | D | mid-week                                         | 2026-11-17..2026-11-19
            MONDAY                | EN | D | next week                                        | 2026-11-23..2026-11-29
            MONDAY                | EN | D | sometime next week                               | 2026-11-23..2026-11-29
            MONDAY                | EN | D | this week                                        | 2026-11-16..2026-11-22
            MONDAY                | EN | D | this weekend                                     | 2026-11-21..2026-11-22
            MONDAY                | EN | D | next weekend                                     | 2026-11-28..2026-11-29
            MONDAY                | EN | D | the weekend                                      | 2026-11-21..2026-11-22
            MONDAY                | EN | D | over the weekend                                 | 2026-11-21..2026-11-22
            MONDAY                | EN | D | in the next few days                             | 2026-11-16..2026-11-19
            MONDAY                | EN | D | the coming days                                  | 2026-11-16..2026-11-19
            MONDAY                | EN | D | early December                                   | 2026-12-01..2026-12-10
            MONDAY                | EN | D | mid-December                                     | 2026-12-11..2026-12-20
            MONDAY                | EN | D | late November                                    | 2026-11-21..2026-11-30
            MONDAY                | EN | D | end of the month                                 | 2026-11-21..2026-11-30
            MONDAY                | EN | D | end of next month                                | 2026-12-21..2026-12-31
            MONDAY                | EN | D | next month                                       | 2026-12-01..2026-12-31
            MONDAY                | EN | D | in December                                      | 2026-12-01..2026-12-31
            MONDAY                | EN | D | early next week in the morning                   | 2026-11-23..2026-11-24 [08:00-12:00]
            MONDAY                | EN | D | later this week after 3pm                        | 2026-11-17..2026-11-22 [15:00-24:00]
            WEDNESDAY             | DE | D | Ende der Woche                                   | 2026-11-19..2026-11-21
            WEDNESDAY             | EN | D | later this week                                  | 2026-11-19..2026-11-22
            SATURDAY              | DE | D | Ende der Woche                                   | 2026-11-21
            SATURDAY              | EN | D | later this week                                  | 2026-11-22
            SATURDAY              | DE | D | am Wochenende                                    | 2026-11-21..2026-11-22
            SATURDAY              | DE | D | nächstes Wochenende                              | 2026-11-28..2026-11-29
            SUNDAY                | EN | D | later this week                                  | 2026-11-22
            YEAR_END              | DE | D | Anfang nächster Woche                            | 2027-01-04..2027-01-05
            YEAR_END              | DE | D | Ende der Woche                                   | 2026-12-31..2027-01-02
            YEAR_END              | DE | D | Anfang Januar                                    | 2027-01-01..2027-01-10
            YEAR_END              | EN | D | early next month                                 | 2027-01-01..2027-01-10
            MONDAY                | DE | D | nächsten Dienstag                                | ask AMBIGUOUS 2026-11-17 2026-11-24
            MONDAY                | DE | D | am nächsten Freitag                              | ask AMBIGUOUS 2026-11-20 2026-11-27
            MONDAY                | DE | D | nächsten Sonntag                                 | ask AMBIGUOUS 2026-11-22 2026-11-29
            MONDAY                | DE | D | nächsten Montag                                  | 2026-11-23
            MONDAY                | DE | D | übernächsten Dienstag                            | ask AMBIGUOUS 2026-11-24 2026-12-01
            MONDAY                | DE | D | nächsten Dienstag, den 24.                       | 2026-11-24
            MONDAY                | EN | D | next Tuesday                                     | ask AMBIGUOUS 2026-11-17 2026-11-24
            MONDAY                | EN | D | next Friday at 3pm                               | ask AMBIGUOUS 2026-11-20 2026-11-27
            MONDAY                | EN | D | next Monday                                      | 2026-11-23
            WEDNESDAY             | DE | D | nächsten Dienstag                                | 2026-11-24
            WEDNESDAY             | DE | D | nächsten Freitag                                 | ask AMBIGUOUS 2026-11-20 2026-11-27
            SATURDAY              | DE | D | nächsten Sonntag                                 | ask AMBIGUOUS 2026-11-22 2026-11-29
            SATURDAY              | DE | D | nächsten Montag                                  | 2026-11-23
            SATURDAY              | EN | D | next Saturday                                    | 2026-11-28
            MONDAY                | DE | D | Montag                                           | 2026-11-23
            MONDAY                | DE | D | diesen Montag                                    | 2026-11-16
            SATURDAY              | DE | D | Samstag                                          | 2026-11-28
            SATURDAY              | DE | D | diesen Samstag                                   | 2026-11-21
            MONDAY                | DE | D | morgen um Mitternacht                            | 2026-11-17 00:00
            MONDAY                | DE | D | morgen um 23:59                                  | 2026-11-17 23:59
            MONDAY                | DE | D | heute um Mitternacht                             | 2026-11-16 00:00
            MONDAY                | DE | T | Mitternacht                                      | 00:00
            MONDAY                | DE | T | 0 Uhr                                            | 00:00
            MONDAY                | DE | T | 23:59                                            | 23:59
            MONDAY                | DE | T | 24:00                                            | ask IMPOSSIBLE_TIME
            MONDAY                | EN | T | midnight                                         | 00:00
            MONDAY                | EN | T | 11:59 pm                                         | 23:59
            MONDAY                | EN | T | 12 am                                            | 00:00
            MONDAY                | DE | T | kurz nach zehn                                   | ~10:10
            MONDAY                | DE | T | kurz vor zehn                                    | ~09:50
            MONDAY                | DE | T | gegen halb drei                                  | ~14:30
            MONDAY                | DE | T | gegen drei                                       | ~15:00
            MONDAY                | DE | T | so gegen drei                                    | ~15:00
            MONDAY                | DE | T | so um drei                                       | ~15:00
            MONDAY                | DE | T | um drei rum                                      | ~15:00
            MONDAY                | DE | T | um drei herum                                    | ~15:00
            MONDAY                | DE | T | ungefähr um drei                                 | ~15:00
            MONDAY                | DE | T | etwa 15 Uhr                                      | ~15:00
            MONDAY                | DE | T | ca. 15 Uhr                                       | ~15:00
            MONDAY                | DE | T | circa halb vier                                  | ~15:30
            MONDAY                | DE | T | drei oder so                                     | ~15:00
            MONDAY                | DE | T | kurz vor halb drei                               | ~14:20
            MONDAY                | DE | T | kurz nach 14 Uhr                                 | ~14:10
            MONDAY                | DE | T | gegen Mittag                                     | ~12:00
            MONDAY                | DE | T | gleich nach zehn                                 | ~10:10
            MONDAY                | DE | D | morgen kurz nach zehn                            | 2026-11-17 ~10:10
            MONDAY                | DE | D | Freitag gegen halb drei                          | 2026-11-20 ~14:30
            MONDAY                | DE | D | Mittwoch so gegen 16 Uhr                         | 2026-11-18 ~16:00
            MONDAY                | DE | D | morgen früh so gegen neun                        | 2026-11-17 ~09:00 [08:00-12:00]
            MONDAY                | EN | T | around four                                      | ~16:00
            MONDAY                | EN | T | around 4 pm                                      | ~16:00
            MONDAY                | EN | T | about 3                                          | ~15:00
            MONDAY                | EN | T | at about 3                                       | ~15:00
            MONDAY                | EN | T | roughly 2:30                                     | ~14:30
            MONDAY                | EN | T | 4ish                                             | ~16:00
            MONDAY                | EN | T | fourish                                          | ~16:00
            MONDAY                | EN | T | four-ish                                         | ~16:00
            MONDAY                | EN | T | shortly after 10                                 | ~10:10
            MONDAY                | EN | T | just before 10                                   | ~09:50
            MONDAY                | EN | T | 3 or so                                          | ~15:00
            MONDAY                | EN | D | tomorrow around four                             | 2026-11-17 ~16:00
            MONDAY                | EN | D | friday around noon                               | 2026-11-20 ~12:00
            MONDAY                | EN | D | tomorrow 4ish                                    | 2026-11-17 ~16:00
            MONDAY                | EN | D | tomorrow around lunchtime                        | 2026-11-17 [11:30-14:00]
            MONDAY                | DE | T | nachmittags                                      | [12:00-17:00]
            MONDAY                | DE | T | vormittags                                       | [08:00-12:00]
            MONDAY                | DE | T | ab 15 Uhr                                        | [15:00-24:00]
            MONDAY                | DE | T | nicht vor 10 Uhr                                 | [10:00-24:00]
            MONDAY                | DE | T | nicht nach 16 Uhr                                | [00:00-16:00]
            MONDAY                | DE | T | nicht später als 16 Uhr                          | [00:00-16:00]
            MONDAY                | DE | T | frühestens um 10                                 | [10:00-24:00]
            MONDAY                | DE | T | zwischen 10 und 12                               | [10:00-12:00]
            MONDAY                | DE | T | 10-12 Uhr                                        | [10:00-12:00]
            MONDAY                | EN | T | not after 4                                      | [00:00-16:00]
            MONDAY                | EN | T | not before 10                                    | [10:00-24:00]
            MONDAY                | EN | T | no later than 5pm                                | [00:00-17:00]
            MONDAY                | EN | T | after 3pm                                        | [15:00-24:00]
            MONDAY                | EN | T | in the morning                                   | [08:00-12:00]
            BEFORE_SPRING_FORWARD | DE | D | Sonntag um 14 Uhr                                | 2026-03-29 14:00
            BEFORE_SPRING_FORWARD | DE | D | Sonntag um halb drei                             | 2026-03-29 14:30
            BEFORE_SPRING_FORWARD | DE | D | am Wochenende                                    | 2026-03-28..2026-03-29
            BEFORE_SPRING_FORWARD | DE | D | Anfang nächster Woche                            | 2026-03-30..2026-03-31
            BEFORE_SPRING_FORWARD | EN | D | Sunday at 2:30 am                                | 2026-03-29 02:30
            BEFORE_FALL_BACK      | DE | D | Sonntag um 2:30                                  | 2026-10-25 14:30
            BEFORE_FALL_BACK      | DE | D | Montag um 9                                      | 2026-10-26 09:00
            BEFORE_FALL_BACK      | DE | D | Ende der Woche                                   | 2026-10-23..2026-10-24
            BEFORE_FALL_BACK      | EN | D | next weekend                                     | 2026-10-31..2026-11-01
            """)
    void readsWhatCallersSay(String moment, Language language, String kind, String text, String expected) {
        ParseResult<?> result = kind.equals("D")
                ? DateTimeExpressions.parse(text, Moments.named(moment), language)
                : asTimeArgument(text, language);

        assertThat(describe(result)).isEqualTo(expected);
    }

    /** As the functions read a time argument: a time, else a window. */
    static ParseResult<?> asTimeArgument(String text, Language language) {
        ParseResult<TimeExpressions.SaidTime> time = TimeExpressions.read(text, language);
        if (time.isParsed()) {
            return time;
        }
        ParseResult<TimeWindow> window = TimeWindow.parse(text, language);
        return window.isParsed() ? window : time;
    }

    static String describe(ParseResult<?> result) {
        if (result instanceof ParseResult.Invalid<?> invalid) {
            return "ask " + invalid.reason() + (invalid.detail().isEmpty() ? "" : " " + invalid.detail());
        }
        Object value = result.toOptional().orElseThrow();
        if (value instanceof DateTimeRequest request) {
            StringBuilder said = new StringBuilder(request.date().toString());
            if (request.isPeriod()) {
                said.append("..").append(request.lastDate());
            }
            request.time()
                    .ifPresent(time -> said.append(' ')
                            .append(request.approximate() ? "~" : "")
                            .append(time));
            request.window().ifPresent(window -> said.append(' ').append(window(window)));
            request.instead().ifPresent(day -> said.append(" instead ").append(day));
            return said.toString();
        }
        if (value instanceof TimeExpressions.SaidTime time) {
            return (time.approximate() ? "~" : "") + time.time();
        }
        return window((TimeWindow) value);
    }

    private static String window(TimeWindow window) {
        return "[" + window.start() + "-"
                + (window.endsAtEndOfDay() ? "24:00" : window.end().toString()) + "]";
    }
}
