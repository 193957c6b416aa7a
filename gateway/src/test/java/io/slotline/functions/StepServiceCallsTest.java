package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Färben" of the demo salon in steps: the colour (45 min), 30-60 minutes of processing in which the stylist is free
 * for others, then washing and finishing (45 min) by the same or another stylist. Each step is its own event type
 * in the simulator (1004 and 1005, with Anna's and Ben's own children).
 */
class StepServiceCallsTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static Map<String, String> at(String service, Instant start, String... staff) {
        Map<String, String> args = new java.util.HashMap<>(Map.of(
                "service",
                service,
                "date",
                start.atZone(BERLIN).toLocalDate().toString(),
                "time",
                start.atZone(BERLIN).toLocalTime().format(HH_MM)));
        if (staff.length > 0) {
            args.put("staff", staff[0]);
        }
        return args;
    }

    /** A start where Anna can colour, then cut someone's hair in the processing time, then wash and finish. */
    static Instant annasColourWithAHaircutInBetween(LocalDate day) {
        List<Instant> colour = freeStartsOf("cal_demo", "faerben-farbe-stylist", "anna-demo", day, BERLIN);
        List<Instant> cut = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", day, BERLIN);
        List<Instant> finish = freeStartsOf("cal_demo", "faerben-finish-stylist", "anna-demo", day, BERLIN);
        return colour.stream()
                .filter(start -> cut.contains(start.plus(Duration.ofMinutes(45))))
                .filter(start -> finish.contains(start.plus(Duration.ofMinutes(75))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no such start on " + day));
    }

    List<Map<String, Object>> stepHolds(Call call) {
        return jdbc.sql("SELECT host, starts_at, ends_at, status FROM slot_holds WHERE retell_call_id = :call "
                        + "AND status = 'held' ORDER BY starts_at")
                .param("call", call.id)
                .query()
                .listOfRows();
    }

    private static Instant instantOf(Object timestamp) {
        return timestamp instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    @Test
    void aFreeStartHoldsEveryStepButNotThePauseWhichAnotherCallerMayBook() {
        Instant start = annasColourWithAHaircutInBetween(TUESDAY);
        Call colouring = salonCall();
        Call haircut = salonCall();

        Reply free = colouring.function("check_availability", at("Färben", start, "Anna"));

        assertThat(free.json().path("available").asBoolean()).as(free.body()).isTrue();
        Instant end = start.plus(Duration.ofMinutes(45 + 30 + 45));
        assertThat(instant(free.json().path("ends"))).isEqualTo(end);
        assertThat(free.message()).contains("bei Anna frei").contains("fertig");
        List<Map<String, Object>> holds = stepHolds(colouring);
        assertThat(holds).hasSize(2);
        assertThat(holds.get(0).get("host")).isEqualTo("anna-demo");
        assertThat(instantOf(holds.get(0).get("starts_at"))).isEqualTo(start);
        assertThat(instantOf(holds.get(0).get("ends_at"))).isEqualTo(start.plus(Duration.ofMinutes(45)));
        assertThat(instantOf(holds.get(1).get("starts_at"))).isEqualTo(start.plus(Duration.ofMinutes(75)));
        assertThat(instantOf(holds.get(1).get("ends_at"))).isEqualTo(end);

        // Anna's processing time is hers to give: another caller gets her for a haircut then
        Instant inThePause = start.plus(Duration.ofMinutes(45));
        Reply cut = haircut.function("check_availability", at("Herrenhaarschnitt", inThePause, "Anna"));
        assertThat(cut.json().path("available").asBoolean()).as(cut.body()).isTrue();
        Reply booked = haircut.function(
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        inThePause.atZone(BERLIN).toLocalDate().toString(),
                        "time",
                        inThePause.atZone(BERLIN).toLocalTime().format(HH_MM),
                        "staff",
                        "Anna",
                        "customer_name",
                        "Max Muster"));
        assertThat(booked.ok()).as(booked.body()).isTrue();

        // a third caller asking for Anna's colour at the same time finds it taken (the steps are held)
        Reply third = salonCall().function("check_availability", at("Färben", start, "Anna"));
        assertThat(third.json().path("available").asBoolean()).isFalse();
        assertThat(third.json().path("alternatives").findValuesAsString("start"))
                .doesNotContain(free.json().path("slot").path("start").asString());
    }

    @Test
    void aStartIsOfferedOnlyWhereTheLaterStepFitsWithinThePause() {
        Instant start = annasColourWithAHaircutInBetween(TUESDAY);
        // someone books Anna and Ben on the web for the whole time the wash could start in (60-105 min after)
        Instant from = start.plus(Duration.ofMinutes(75));
        for (long womensCutOfStylist : List.of(1112L, 1122L)) {
            sim("POST", "/_sim/bookings", """
                    {"apiKey": "cal_demo", "eventTypeId": %d, "start": "%s",
                     "attendee": {"name": "Web Kundin", "email": "web@example.com", "timeZone": "Europe/Berlin"}}
                    """.formatted(womensCutOfStylist, from));
        }
        Call call = salonCall();

        Reply answer = call.function("check_availability", at("Färben", start, "Anna"));

        assertThat(answer.json().path("available").asBoolean())
                .as(answer.body())
                .isFalse();
        assertThat(stepHolds(call)).isEmpty();
        for (JsonNode alternative : answer.json().path("alternatives")) {
            Instant offered = instant(alternative);
            assertThat(offered).isNotEqualTo(start);
        }
    }

    @Test
    void warmCallsAreAnsweredFromTheStylistsCalendarsInMemory() {
        Call call = salonCall();
        assertThat(call.inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
        long before = slotsRequests();

        Reply next = call.function("find_next_available", Map.of("service", "Färben"));
        Reply alternatives =
                call.function("get_alternatives", Map.of("service", "Färben", "date", "morgen", "time", "14:00"));
        Instant start = annasColourWithAHaircutInBetween(TUESDAY);
        long afterOwnLookups = slotsRequests();
        Reply check = call.function("check_availability", at("Färben", start));

        assertThat(next.ok()).as(next.body()).isTrue();
        assertThat(alternatives.ok()).as(alternatives.body()).isTrue();
        assertThat(check.json().path("available").asBoolean()).as(check.body()).isTrue();
        assertThat(afterOwnLookups - before)
                .as("only the test's own look-ups at the simulator")
                .isEqualTo(3);
        assertThat(slotsRequests())
                .as("no Cal.com request for a warm service in steps")
                .isEqualTo(afterOwnLookups);
        // every start offered is a start of the colour for a stylist
        List<Instant> colourStarts = new java.util.ArrayList<>();
        for (String stylist : List.of("anna-demo", "ben-demo")) {
            colourStarts.addAll(freeStartsOf(
                    "cal_demo",
                    "faerben-farbe-stylist",
                    stylist,
                    instant(next.json().path("slot")).atZone(BERLIN).toLocalDate(),
                    BERLIN));
        }
        assertThat(colourStarts).contains(instant(next.json().path("slot")));
    }
}
