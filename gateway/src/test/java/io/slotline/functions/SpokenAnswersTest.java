package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * What the caller hears when the words go beyond the textbook forms, through the functions: what was understood,
 * and why a day cannot be offered. "Now" is Monday 2026-11-16, 08:00 in Berlin (the salon: Monday to Friday
 * 9-18, Saturday 9-14) and 07:00 in London (Other Cuts: Monday to Friday 9-17).
 */
class SpokenAnswersTest extends LiveCallTest {

    private Reply salonCheck(String date, String time) {
        return salonCall()
                .function("check_availability", Map.of("service", "Herrenhaarschnitt", "date", date, "time", time));
    }

    private Reply englishCheck(String date, String time) {
        return otherCutsCall().function("check_availability", Map.of("service", "Haircut", "date", date, "time", time));
    }

    private static String understoodStart(Reply reply) {
        JsonNode json = reply.json();
        return (json.has("slot") ? json.path("slot") : json.path("requested"))
                .path("start")
                .asString();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "letzten Montag    | 14 Uhr | Montag, den 9. November, um 14 Uhr ist leider schon vorbei. Meinen Sie Montag, den 23. November, um 14 Uhr?",
                "vorigen Dienstag  | ''     | Dienstag, den 10. November ist leider schon vorbei. Meinen Sie morgen?",
                "gestern           | ''     | Gestern ist leider schon vorbei. Meinen Sie heute?",
                "gestern           | 14 Uhr | Gestern um 14 Uhr ist leider schon vorbei. Meinen Sie heute um 14 Uhr?",
                "heute             | 07:00  | Heute um 7 Uhr ist leider schon vorbei. Meinen Sie morgen um 7 Uhr?",
                "19.11.2025        | 10 Uhr | Mittwoch, den 19. November 2025, um 10 Uhr ist leider schon vorbei. Meinen Sie Donnerstag um 10 Uhr?",
            })
    void aPastDayIsSaidWithWhatTheCallerMayHaveMeant(String date, String time, String message) {
        Reply reply = salonCheck(date, time);

        assertThat(reply.reason()).isEqualTo("in_past");
        assertThat(reply.message()).isEqualTo(message);
    }

    @Test
    void englishPastDays() {
        assertThat(englishCheck("yesterday", "2pm").message())
                .isEqualTo("Yesterday at 2 pm has already passed. Did you mean today at 2 pm?");
        Reply last = englishCheck("last Monday", "");
        assertThat(last.reason()).isEqualTo("in_past");
        assertThat(last.message())
                .isEqualTo("Monday, November 9 has already passed. Did you mean Monday, November 23?");
        assertThat(last.json().path("suggested_date").asString()).isEqualTo("2026-11-23");
    }

    @Test
    void anImpossibleDateIsNamedWithTheLastDayOfThatMonth() {
        Reply german = salonCheck("30. Februar", "10 Uhr");
        Reply english = englishCheck("February 30", "10am");

        assertThat(german.reason()).isEqualTo("invalid_date");
        assertThat(german.message()).isEqualTo("Einen 30. Februar gibt es nicht. Meinen Sie Sonntag, den 28. Februar?");
        assertThat(german.json().path("suggested_date").asString()).isEqualTo("2027-02-28");
        assertThat(english.message()).isEqualTo("There is no February 30. Did you mean Sunday, February 28?");
    }

    @Test
    void twoPossibleReadingsAreAskedBackInOneSentence() {
        Reply german = salonCheck("nächsten Dienstag", "10 Uhr");
        Reply english = englishCheck("next Friday", "10am");

        assertThat(german.reason()).isEqualTo("ambiguous_date");
        assertThat(german.message()).isEqualTo("Meinen Sie morgen oder Dienstag, den 24. November?");
        assertThat(german.json().path("options").get(0).asString()).isEqualTo("2026-11-17");
        assertThat(english.message()).isEqualTo("Do you mean Friday or Friday, November 27?");
    }

    @Test
    void aWeekdayThatDoesNotMatchTheDateIsAskedBackWithBothDays() {
        Reply reply = salonCheck("Dienstag, den 19. November", "10 Uhr");

        assertThat(reply.reason()).isEqualTo("conflicting_date");
        assertThat(reply.message()).isEqualTo("Meinen Sie Donnerstag oder morgen?");
        assertThat(reply.json().path("options").get(1).asString()).isEqualTo("2026-11-17");
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "nicht Montag          | 10 Uhr     | negated",
                "Montag                | nicht um 3 | negated",
                "außer Freitag         | ''         | negated",
                "Dienstag irgendwie    | 10 Uhr     | unclear_words",
                "jeden Dienstag        | 10 Uhr     | unclear_words",
                "morgen                | -1         | invalid_time",
                "morgen -1             | ''         | invalid_date",
            })
    void wordsThatCouldChangeTheMeaningAreAskedBackAndNothingIsHeld(String date, String time, String reason) {
        Reply reply = salonCheck(date, time);

        assertThat(reply.reason()).isEqualTo(reason);
        assertThat(reply.json().has("hold")).isFalse();
        assertThat(reply.json().has("slot")).isFalse();
    }

    @Test
    void anUnclearWordIsQuotedBack() {
        Reply reply = salonCheck("Dienstag irgendwie", "10 Uhr");

        assertThat(reply.message())
                .isEqualTo("Wie meinen Sie „irgendwie“ genau? Welchen Tag und welche Uhrzeit hätten Sie gern?");
        assertThat(reply.json().path("words").asString()).isEqualTo("irgendwie");
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "morgen                  | um vier am Nachmittag | 2026-11-17T16:00:00+01:00",
                "morgen um zehn am Vormittag | ''             | 2026-11-17T10:00:00+01:00",
                "am zwanzigsten          | 10 Uhr                | 2026-11-20T10:00:00+01:00",
                "den ersten Dezember     | halb elf              | 2026-12-01T10:30:00+01:00",
                "Freitga                 | 11 Uhr                | 2026-11-20T11:00:00+01:00",
            })
    void germanFormsBeyondTheTextbook(String date, String time, String start) {
        assertThat(understoodStart(salonCheck(date, time))).isEqualTo(start);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tomorrow        | half four  | 2026-11-17T16:30:00Z",
                "tomorrow        | half ten   | 2026-11-17T10:30:00Z",
                "the twentieth   | 11am       | 2026-11-20T11:00:00Z",
                "thursday        | 10 am      | 2026-11-19T10:00:00Z",
            })
    void englishFormsBeyondTheTextbook(String date, String time, String start) {
        assertThat(understoodStart(englishCheck(date, time))).isEqualTo(start);
    }

    @Test
    void aPeriodIsOfferedAsTimesOnItsDays() {
        Reply german = salonCheck("Anfang nächster Woche", "");
        Reply english = englishCheck("later this week", "in the morning");

        assertThat(german.ok()).isTrue();
        assertThat(german.message()).startsWith("Ich hätte Montag, den 23. November, um ");
        assertThat(german.json().path("free_times").size()).isBetween(2, 4);
        german.json()
                .path("free_times")
                .forEach(slot -> assertThat(LocalDate.parse(slot.path("date").asString()))
                        .isBetween(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24)));
        assertThat(english.ok()).isTrue();
        english.json().path("free_times").forEach(slot -> {
            assertThat(LocalDate.parse(slot.path("date").asString()))
                    .isBetween(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 22));
            assertThat(LocalTime.parse(slot.path("time").asString())).isBefore(LocalTime.NOON);
        });
    }

    @Test
    void alternativesForAPeriodStayInIt() {
        Reply reply = salonCall()
                .function(
                        "get_alternatives",
                        Map.of("service", "Herrenhaarschnitt", "date", "Ende der Woche", "preference", "nachmittags"));

        assertThat(reply.ok()).isTrue();
        assertThat(reply.json().path("alternatives").size()).isEqualTo(3);
        reply.json().path("alternatives").forEach(slot -> {
            assertThat(LocalDate.parse(slot.path("date").asString()))
                    .isBetween(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 21));
            assertThat(LocalTime.parse(slot.path("time").asString())).isAfterOrEqualTo(LocalTime.NOON);
        });
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "morgen              | Mitternacht | Morgen um 0 Uhr haben wir leider geschlossen.",
                "morgen              | 23:59       | Morgen um 23 Uhr 59 haben wir leider geschlossen.",
                "heute um Mitternacht | ''         | Morgen um 0 Uhr haben wir leider geschlossen.",
            })
    void midnightIsClosedNotTaken(String date, String time, String message) {
        Reply reply = salonCheck(date, time);

        assertThat(reply.reason()).isEqualTo("closed_time");
        assertThat(reply.message()).startsWith(message + " Ich hätte ");
        assertThat(reply.json().path("closed_at_time").asBoolean()).isTrue();
    }

    @Test
    void englishMidnightIsClosedToo() {
        Reply reply = englishCheck("tomorrow", "midnight");

        assertThat(reply.reason()).isEqualTo("closed_time");
        assertThat(reply.message()).startsWith("I'm sorry, we're closed tomorrow at midnight. I could offer ");
    }

    @Test
    void anApproximateTimeListsTheFreeTimesNearItAndHoldsNothing() {
        Reply german = salonCheck("morgen", "gegen halb drei");
        Reply english = englishCheck("tomorrow", "around four");

        assertThat(german.ok()).isTrue();
        assertThat(german.message()).startsWith("Morgen hätte ich um diese Zeit ");
        assertThat(german.json().has("hold")).isFalse();
        assertThat(german.json().path("free_times").size()).isEqualTo(3);
        german.json()
                .path("free_times")
                .forEach(slot ->
                        assertThat(minutesBetween(slot, LocalTime.of(14, 30))).isLessThanOrEqualTo(60));
        assertThat(english.message()).startsWith("Around that time tomorrow I could offer ");
        english.json()
                .path("free_times")
                .forEach(slot ->
                        assertThat(minutesBetween(slot, LocalTime.of(16, 0))).isLessThanOrEqualTo(60));
    }

    @Test
    void shortlyAfterTenStartsNearTenPastTen() {
        Reply reply = salonCheck("morgen", "kurz nach zehn");

        assertThat(reply.json().path("around").asString()).isEqualTo("10:10");
        assertThat(reply.json().path("free_times").get(0).path("time").asString())
                .isIn("09:30", "10:00");
    }

    @Test
    void anApproximateTimeOrAPeriodIsNeverBooked() {
        Call call = salonCall();

        Reply approximate =
                call.function("book_appointment", booking("Herrenhaarschnitt", "morgen", "gegen 10", "Eva Ungefähr"));
        Reply period = call.function(
                "book_appointment", booking("Herrenhaarschnitt", "Anfang nächster Woche", "10 Uhr", "Eva Ungefähr"));

        assertThat(approximate.reason()).isEqualTo("exact_time_needed");
        assertThat(period.reason()).isEqualTo("exact_time_needed");
        assertThat(approximate.message())
                .isEqualTo(
                        "Für die Buchung brauche ich einen genauen Tag und eine genaue Uhrzeit. Welche darf ich eintragen?");
        assertThat(simBookingsOf("cal_demo", call.from)).isEmpty();
    }

    private static long minutesBetween(JsonNode slot, LocalTime target) {
        LocalTime time = OffsetDateTime.parse(slot.path("start").asString()).toLocalTime();
        return Math.abs(Duration.between(target, time).toMinutes());
    }
}
