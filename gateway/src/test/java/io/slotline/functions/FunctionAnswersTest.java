package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each function's answers, successful and not, in German (Demo Salon) and English (Other Cuts). */
class FunctionAnswersTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    private static LocalTime localTime(JsonNode slot) {
        return OffsetDateTime.parse(slot.path("start").asString()).toLocalTime();
    }

    @Nested
    class CheckAvailability {

        @Test
        void englishFreeSlotIsHeld() {
            Reply free = otherCutsCall()
                    .function("check_availability", Map.of("service", "haircut", "date", "tomorrow", "time", "11am"));

            assertThat(free.ok()).isTrue();
            assertThat(free.message()).isEqualTo("Tomorrow at 11 am is available. Shall I book it for you?");
            assertThat(free.json().path("slot").path("start").asString()).isEqualTo("2026-11-17T11:00:00Z");
            assertThat(free.json().path("hold").path("held").asBoolean()).isTrue();
        }

        @Test
        void englishTakenSlotComesWithAlternatives() {
            // Carl's demo bookings: 10:00 and 13:00 every weekday
            Reply taken = otherCutsCall()
                    .function("check_availability", Map.of("service", "Haircut", "date", "tomorrow", "time", "10:00"));

            assertThat(taken.ok()).isFalse();
            assertThat(taken.reason()).isEqualTo("slot_taken");
            assertThat(taken.message())
                    .startsWith("Tomorrow at 10 am is already taken, I'm afraid. I could offer " + "tomorrow at ");
            assertThat(taken.json().path("alternatives").findValuesAsString("time"))
                    .hasSize(3)
                    .doesNotContain("10:00")
                    .contains("10:30", "09:30");
        }

        @Test
        void germanClosedDayOffersOtherDays() {
            Reply closed = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "Sonntag", "time", "11 Uhr"));

            assertThat(closed.ok()).isFalse();
            assertThat(closed.reason()).isEqualTo("closed_day");
            assertThat(closed.message()).startsWith("Sonntag haben wir leider geschlossen. Ich hätte ");
            assertThat(closed.json().path("closed").asBoolean()).isTrue();
            assertThat(closed.json().path("alternatives").findValuesAsString("date"))
                    .doesNotContain("2026-11-22");
        }

        @Test
        void englishClosedDay() {
            Reply closed = otherCutsCall()
                    .function("check_availability", Map.of("service", "Haircut", "date", "Saturday", "time", "11am"));

            assertThat(closed.reason()).isEqualTo("closed_day");
            assertThat(closed.message()).startsWith("I'm sorry, we're closed Saturday. I could offer ");
        }

        @Test
        void aDayAndWindowWithoutTimeListsThatDaysFreeTimes() {
            Reply options = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "vormittags"));

            assertThat(options.ok()).isTrue();
            assertThat(options.message())
                    .startsWith("Morgen hätte ich ")
                    .endsWith(" frei. Welche Uhrzeit passt Ihnen?");
            JsonNode times = options.json().path("free_times");
            assertThat(times.size()).isPositive();
            times.forEach(slot -> assertThat(localTime(slot)).isBetween(LocalTime.of(8, 0), LocalTime.of(11, 59)));
            List<Instant> free = freeStarts("cal_demo", 1001, TUESDAY, BERLIN);
            times.forEach(slot -> assertThat(free).contains(instant(slot)));
        }
    }

    @Nested
    class GetAlternatives {

        @Test
        void germanAlternativesKeepToThePreferredPartOfTheDay() {
            Reply offered = salonCall()
                    .function(
                            "get_alternatives",
                            Map.of(
                                    "service",
                                    "Herrenhaarschnitt",
                                    "date",
                                    "morgen",
                                    "time",
                                    "14 Uhr",
                                    "preference",
                                    "nachmittags"));

            assertThat(offered.ok()).isTrue();
            assertThat(offered.message()).startsWith("Ich hätte ").endsWith(" frei. Was passt Ihnen am besten?");
            JsonNode alternatives = offered.json().path("alternatives");
            assertThat(alternatives.size()).isEqualTo(3);
            alternatives.forEach(slot -> {
                assertThat(localTime(slot)).isBetween(LocalTime.NOON, LocalTime.of(16, 59));
                assertThat(slot.path("time").asString()).isNotEqualTo("14:00");
            });
            assertThat(alternatives.get(0).path("date").asString()).isEqualTo("2026-11-17");
        }

        @Test
        void englishCountIsCappedAtFive() {
            Reply offered = otherCutsCall()
                    .function(
                            "get_alternatives",
                            Map.of(
                                    "service",
                                    "Haircut",
                                    "date",
                                    "tomorrow",
                                    "preference",
                                    "in the morning",
                                    "count",
                                    9));

            assertThat(offered.ok()).isTrue();
            assertThat(offered.message()).startsWith("I could offer ").endsWith(". Which would suit you best?");
            JsonNode alternatives = offered.json().path("alternatives");
            assertThat(alternatives.size()).isEqualTo(5);
            alternatives.forEach(slot -> assertThat(localTime(slot)).isBefore(LocalTime.NOON));
            assertThat(alternatives.findValuesAsString("start")).doesNotHaveDuplicates();
        }

        @Test
        void germanPastDayIsSaid() {
            Reply past = salonCall()
                    .function("get_alternatives", Map.of("service", "Herrenhaarschnitt", "date", "2026-11-13"));

            assertThat(past.reason()).isEqualTo("in_past");
            assertThat(past.message())
                    .isEqualTo("Freitag, den 13. November ist leider schon vorbei. " + "Meinen Sie Freitag?");
        }

        @Test
        void englishPastDayIsSaid() {
            Reply past =
                    otherCutsCall().function("get_alternatives", Map.of("service", "Haircut", "date", "2026-11-13"));

            assertThat(past.reason()).isEqualTo("in_past");
            assertThat(past.message()).isEqualTo("Friday, November 13 has already passed. Did you mean Friday?");
        }

        @Test
        void beyondTheBookingWindowIsSaid() {
            Reply far = salonCall()
                    .function("get_alternatives", Map.of("service", "Herrenhaarschnitt", "date", "2027-03-01"));

            assertThat(far.reason()).isEqualTo("outside_booking_window");
            assertThat(far.message()).startsWith("Termine kann ich leider nur bis ");
            assertThat(far.json().path("latest_date").asString()).isEqualTo("2027-01-15");
        }
    }

    @Nested
    class FindNextAvailable {

        @Test
        void germanNextSlotIsTheEarliestFreeOneAfterTheMinimumNotice() {
            Reply next = salonCall().function("find_next_available", Map.of("service", "Herrenhaarschnitt"));

            assertThat(next.ok()).isTrue();
            assertThat(next.message()).startsWith("Der nächste freie Termin ist heute um ");
            Instant first = freeStarts("cal_demo", 1001, LocalDate.of(2026, 11, 16), BERLIN)
                    .get(0);
            assertThat(instant(next.json().path("slot"))).isEqualTo(first);
            assertThat(next.json().path("slots").size()).isEqualTo(3);
        }

        @Test
        void englishNextSlotFromAGivenDayAndWindow() {
            Reply next = otherCutsCall()
                    .function(
                            "find_next_available",
                            Map.of("service", "Haircut", "after", "Wednesday afternoon", "max_days", 3));

            assertThat(next.ok()).isTrue();
            assertThat(next.message()).startsWith("The next available appointment is Wednesday at ");
            next.json()
                    .path("slots")
                    .forEach(slot -> assertThat(localTime(slot)).isAfterOrEqualTo(LocalTime.NOON));
            assertThat(next.json().path("searched_until").asString()).isEqualTo("2026-11-20");
        }

        @Test
        void germanCalendarDown() {
            sim("POST", "/_sim/config", "{\"faults\":{\"slots\":{\"errorRate\":1.0}}}");

            Reply down = salonCall().function("find_next_available", Map.of("service", "Färben"));

            assertThat(down.status()).isEqualTo(200);
            assertThat(down.reason()).isEqualTo("calcom_unavailable");
            assertThat(down.message()).startsWith("Ich kann den Kalender gerade leider nicht erreichen.");
        }

        @Test
        void englishCalendarDown() {
            sim("POST", "/_sim/config", "{\"faults\":{\"slots\":{\"errorRate\":1.0}}}");

            Reply down = otherCutsCall().function("find_next_available", Map.of("service", "Haircut"));

            assertThat(down.reason()).isEqualTo("calcom_unavailable");
            assertThat(down.message()).startsWith("I can't reach the calendar right now");
        }

        @Test
        void unknownStaffIsAskedBack() {
            Reply unknown = salonCall()
                    .function("find_next_available", Map.of("service", "Herrenhaarschnitt", "staff", "Carl"));

            assertThat(unknown.reason()).isEqualTo("unknown_staff");
            assertThat(unknown.message())
                    .isEqualTo("Bei Carl kann ich Herrenhaarschnitt leider nicht buchen. "
                            + "Möglich ist es bei Anna oder Ben. Bei wem hätten Sie den Termin gern?");
        }
    }

    @Nested
    class BookAppointment {

        @Test
        void englishBookingWithTheOneHost() {
            Call call = otherCutsCall();
            Reply booked = call.function(
                    "book_appointment",
                    booking("Haircut", "tomorrow", "11am", "Amelia Jones", "customer_email", "amelia@example.com"));

            assertThat(booked.ok()).isTrue();
            assertThat(booked.message())
                    .isEqualTo("Thank you, Amelia Jones. Your Haircut with Carl is booked for "
                            + "tomorrow at 11 am. We look forward to seeing you!");
            JsonNode attendee = simBookingsOf("cal_other", call.from)
                    .get(0)
                    .path("attendees")
                    .path(0);
            assertThat(attendee.path("email").asString()).isEqualTo("amelia@example.com");
            assertThat(attendee.path("language").asString()).isEqualTo("en");
            assertThat(attendee.path("timeZone").asString()).isEqualTo("Europe/London");
        }

        @Test
        void englishSlotTakenComesWithFreshAlternatives() {
            Call call = otherCutsCall();
            Reply taken = call.function("book_appointment", booking("Haircut", "tomorrow", "1pm", "George Taylor"));

            assertThat(taken.ok()).isFalse();
            assertThat(taken.reason()).isEqualTo("slot_taken");
            assertThat(taken.message()).startsWith("I'm sorry, tomorrow at 1 pm was just taken. I could offer ");
            assertThat(taken.json().path("alternatives").findValuesAsString("time"))
                    .contains("12:30", "13:30");
            assertThat(simBookingsOf("cal_other", call.from)).isEmpty();
        }

        @Test
        void germanBookingNeedsAName() {
            Reply nameless =
                    salonCall().function("book_appointment", booking("Herrenhaarschnitt", "morgen", "9 Uhr", " "));

            assertThat(nameless.reason()).isEqualTo("missing_name");
            assertThat(nameless.message()).isEqualTo("Auf welchen Namen darf ich den Termin buchen?");
        }

        @Test
        void germanUnreadablePhoneIsAskedAgain() {
            Reply unreadable = salonCall()
                    .function(
                            "book_appointment",
                            booking("Herrenhaarschnitt", "morgen", "9 Uhr", "Leon Koch", "customer_phone", "12 34"));

            assertThat(unreadable.reason()).isEqualTo("invalid_phone");
            assertThat(unreadable.message()).startsWith("Die Telefonnummer habe ich leider nicht richtig verstanden.");
        }

        @Test
        void englishUnreadableEmailIsAskedAgain() {
            Reply unreadable = otherCutsCall()
                    .function(
                            "book_appointment",
                            booking("Haircut", "tomorrow", "11am", "Isla Brown", "customer_email", "isla at home"));

            assertThat(unreadable.reason()).isEqualTo("invalid_email");
            assertThat(unreadable.message())
                    .isEqualTo("Sorry, I didn't quite get the email address. " + "Could you spell it for me?");
        }

        @Test
        void anAnonymousCallerIsAskedForANumber() {
            Call anonymous = new Call("anonymous", SALON_NUMBER, SALON_KEY);
            Reply booked = anonymous.function(
                    "book_appointment", booking("Herrenhaarschnitt", "morgen", "9 Uhr", "Marie Wolf"));

            assertThat(booked.reason()).isEqualTo("missing_contact");
            assertThat(booked.message()).isEqualTo("Unter welcher Telefonnummer können wir Sie erreichen?");
        }

        @Test
        void aNumberTheCallerGivesIsTheCustomersNumber() {
            Call call = salonCall();
            Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
            Reply booked = call.function(
                    "book_appointment",
                    Map.of(
                            "service",
                            "Herrenhaarschnitt",
                            "date",
                            "2026-11-17",
                            "time",
                            slot.atZone(BERLIN).toLocalTime().toString(),
                            "customer_name",
                            "Felix Schwarz",
                            "customer_phone",
                            "0170 1234567",
                            "notes",
                            "Bitte kurz"));

            assertThat(booked.ok()).isTrue();
            assertThat(simBookingsOf("cal_demo", "+491701234567")).hasSize(1);
            assertThat(jdbc.sql("SELECT name FROM customers WHERE phone = '+491701234567'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Felix Schwarz");
            assertThat(Duration.between(
                            OffsetDateTime.parse(booked.json()
                                    .path("appointment")
                                    .path("start")
                                    .asString()),
                            OffsetDateTime.parse(booked.json()
                                    .path("appointment")
                                    .path("end")
                                    .asString())))
                    .isEqualTo(Duration.ofMinutes(30));
        }
    }
}
