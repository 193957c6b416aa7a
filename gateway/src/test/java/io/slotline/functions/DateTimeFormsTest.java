package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Dates, times and windows as callers and LLMs pass them, through check_availability: what the gateway understood
 * is the slot it answers about (free or taken). "Now" is Monday 2026-11-16, 08:00 in Berlin and 07:00 in London
 * unless a test moves it.
 */
class DateTimeFormsTest extends LiveCallTest {

    /** The slot the answer is about, whether free ({@code slot}) or taken ({@code requested}). */
    private static JsonNode understood(Reply reply) {
        JsonNode json = reply.json();
        return json.has("slot") ? json.path("slot") : json.path("requested");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "heute                | 14:30      | 2026-11-16T14:30:00+01:00",
                "morgen               | 14 Uhr     | 2026-11-17T14:00:00+01:00",
                "Übermorgen           | 9 Uhr      | 2026-11-18T09:00:00+01:00",
                "kommenden Dienstag   | 10:30      | 2026-11-17T10:30:00+01:00",
                "Montag nächste Woche | 15 Uhr     | 2026-11-23T15:00:00+01:00",
                "am 19. November      | halb drei  | 2026-11-19T14:30:00+01:00",
                "2026-11-20           | 11:00      | 2026-11-20T11:00:00+01:00",
                "morgen um 16 Uhr 30  | ''         | 2026-11-17T16:30:00+01:00",
                "2026-11-20T09:30     | ''         | 2026-11-20T09:30:00+01:00",
            })
    void germanForms(String date, String time, String expectedStart) {
        Reply reply = salonCall()
                .function("check_availability", Map.of("service", "Herrenhaarschnitt", "date", date, "time", time));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(understood(reply).path("start").asString()).isEqualTo(expectedStart);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "today            | 2pm      | 2026-11-16T14:00:00Z",
                "tomorrow         | 2:30 pm  | 2026-11-17T14:30:00Z",
                "next Monday      | 11am     | 2026-11-23T11:00:00Z",
                "on November 19   | 3 pm     | 2026-11-19T15:00:00Z",
                "Friday           | 14:30    | 2026-11-20T14:30:00Z",
            })
    void englishForms(String date, String time, String expectedStart) {
        Reply reply = otherCutsCall()
                .function("check_availability", Map.of("service", "Haircut", "date", date, "time", time));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(understood(reply).path("start").asString()).isEqualTo(expectedStart);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vormittags          | 08:00 | 11:59",
                "nachmittags         | 12:00 | 16:59",
                "abends              | 17:00 | 20:59",
                "ab 15 Uhr           | 15:00 | 23:59",
                "zwischen 10 und 12  | 10:00 | 11:59",
            })
    void germanWindowsListThatDaysFreeTimesInside(String window, LocalTime from, LocalTime until) {
        Reply reply = salonCall()
                .function(
                        "check_availability", Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", window));

        assertThat(reply.ok()).isTrue();
        JsonNode times = reply.json().path("free_times");
        assertThat(times.size()).isPositive();
        times.forEach(slot -> assertThat(
                        OffsetDateTime.parse(slot.path("start").asString()).toLocalTime())
                .isBetween(from, until));
    }

    @Test
    void englishMorning() {
        Reply reply = otherCutsCall()
                .function(
                        "check_availability",
                        Map.of("service", "Haircut", "date", "tomorrow", "time", "in the morning"));

        assertThat(reply.message()).startsWith("For tomorrow I could offer ");
        reply.json()
                .path("free_times")
                .forEach(slot -> assertThat(
                                OffsetDateTime.parse(slot.path("start").asString())
                                        .toLocalTime())
                        .isBefore(LocalTime.NOON));
    }

    @Test
    void unreadableDateAndTimeAreAskedAgain() {
        Reply date = salonCall()
                .function(
                        "check_availability",
                        Map.of("service", "Herrenhaarschnitt", "date", "irgendwann bald", "time", "14 Uhr"));
        Reply time = salonCall()
                .function(
                        "check_availability",
                        Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "um 27 Uhr"));

        assertThat(date.reason()).isEqualTo("invalid_date");
        assertThat(date.message()).startsWith("Das Datum habe ich leider nicht verstanden.");
        assertThat(time.reason()).isEqualTo("invalid_time");
        assertThat(time.message()).startsWith("Die Uhrzeit habe ich leider nicht verstanden.");
    }

    @Nested
    class AcrossTheDaylightSavingChange {

        /** Friday 2026-10-23, 09:00 in Berlin (summer time); clocks go back on Sunday the 25th. */
        private static final Instant FRIDAY_BEFORE_FALL_BACK = Instant.parse("2026-10-23T07:00:00Z");

        @Test
        void mondayAfterTheChangeIsInWinterTime() {
            moveTimeTo(FRIDAY_BEFORE_FALL_BACK);

            Reply friday = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "heute", "time", "14 Uhr"));
            Reply monday = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "Montag", "time", "14 Uhr"));

            assertThat(understood(friday).path("start").asString()).isEqualTo("2026-10-23T14:00:00+02:00");
            assertThat(understood(monday).path("start").asString()).isEqualTo("2026-10-26T14:00:00+01:00");
        }

        @Test
        void aBookingAfterTheChangeIsStoredAtTheRightInstant() {
            moveTimeTo(FRIDAY_BEFORE_FALL_BACK);
            Call call = salonCall();
            Reply next = call.function(
                    "find_next_available", Map.of("service", "Herrenhaarschnitt", "after", "Montag ab 11 Uhr"));
            JsonNode slot = next.json().path("slot");
            assertThat(slot.path("date").asString()).isEqualTo("2026-10-26");

            Reply booked = call.function(
                    "book_appointment",
                    Map.of(
                            "service",
                            "Herrenhaarschnitt",
                            "date",
                            "Montag",
                            "time",
                            slot.path("time").asString(),
                            "customer_name",
                            "Elias Klein"));

            assertThat(booked.ok()).isTrue();
            Instant expected =
                    OffsetDateTime.parse(slot.path("start").asString()).toInstant();
            assertThat(slot.path("start").asString()).endsWith("+01:00");
            assertThat(jdbc.sql("SELECT starts_at FROM appointments WHERE calcom_booking_uid = :uid")
                            .param(
                                    "uid",
                                    booked.json()
                                            .path("appointment")
                                            .path("booking_uid")
                                            .asString())
                            .query(OffsetDateTime.class)
                            .single()
                            .toInstant())
                    .isEqualTo(expected);
            assertThat(instant(simBookingsOf("cal_demo", call.from).get(0))).isEqualTo(expected);
        }

        @Test
        void londonChangesTheSameWeekend() {
            moveTimeTo(FRIDAY_BEFORE_FALL_BACK);

            Reply monday = otherCutsCall()
                    .function("check_availability", Map.of("service", "Haircut", "date", "Monday", "time", "2pm"));

            assertThat(understood(monday).path("start").asString()).isEqualTo("2026-10-26T14:00:00Z");
        }

        @Test
        void aTimeTheSpringForwardSkipsIsAskedAgain() {
            moveTimeTo(Instant.parse("2026-03-27T08:00:00Z"));

            Reply skipped = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "2026-03-29", "time", "02:30"));

            assertThat(skipped.reason()).isEqualTo("invalid_time");
        }
    }

    @Nested
    class LateInTheEvening {

        /** Monday 2026-11-16, 23:30 in Berlin. */
        private static final Instant BERLIN_2330 = Instant.parse("2026-11-16T22:30:00Z");

        @Test
        void todayIsStillMondayAndItsAfternoonIsPast() {
            moveTimeTo(BERLIN_2330);

            Reply past = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "heute", "time", "14 Uhr"));
            Reply tomorrow = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "9 Uhr"));

            assertThat(past.reason()).isEqualTo("in_past");
            assertThat(past.message())
                    .isEqualTo("Heute um 14 Uhr ist leider schon vorbei. Meinen Sie morgen um 14 Uhr?");
            assertThat(understood(tomorrow).path("start").asString()).isEqualTo("2026-11-17T09:00:00+01:00");
        }

        @Test
        void nothingIsLeftTodaySoTheAlternativesStartTomorrow() {
            moveTimeTo(BERLIN_2330);

            Reply offered =
                    salonCall().function("get_alternatives", Map.of("service", "Herrenhaarschnitt", "date", "heute"));

            assertThat(offered.ok()).isTrue();
            assertThat(offered.json().path("alternatives").path(0).path("date").asString())
                    .isEqualTo("2026-11-17");
            assertThat(offered.message()).startsWith("Ich hätte morgen um ");
        }

        @Test
        void londonAtHalfPastElevenToo() {
            moveTimeTo(Instant.parse("2026-11-16T23:30:00Z"));

            Reply past = otherCutsCall()
                    .function("check_availability", Map.of("service", "Haircut", "date", "today", "time", "2pm"));
            Reply tomorrow = otherCutsCall()
                    .function("check_availability", Map.of("service", "Haircut", "date", "tomorrow", "time", "9am"));

            assertThat(past.reason()).isEqualTo("in_past");
            assertThat(past.message()).isEqualTo("Today at 2 pm has already passed. Did you mean tomorrow at 2 pm?");
            assertThat(understood(tomorrow).path("start").asString()).isEqualTo("2026-11-17T09:00:00Z");
        }
    }
}
