package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.booking.BookingReconciler;
import io.slotline.booking.BookingService;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Booking "Färben" in steps: one Cal.com booking per step, in order, as one appointment; a refused later step
 * cancels the earlier ones again; retries never book a step twice; a half-booked attempt left by a crash is
 * reconciled.
 */
class StepBookingCallsTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    BookingReconciler reconciler;

    private static Map<String, String> booking(Instant start, String name) {
        return Map.of(
                "service",
                "Färben",
                "date",
                start.atZone(BERLIN).toLocalDate().toString(),
                "time",
                start.atZone(BERLIN).toLocalTime().format(HH_MM),
                "customer_name",
                name);
    }

    /** The state of the booking attempt under an idempotency key, and of its steps. */
    private String attemptState(String key) {
        return jdbc.sql("SELECT state FROM booking_attempts WHERE idempotency_key = :key")
                .param("key", key)
                .query(String.class)
                .single();
    }

    private List<String> attemptStepStates(String key) {
        return jdbc.sql("SELECT state FROM booking_attempt_steps WHERE idempotency_key = :key ORDER BY step")
                .param("key", key)
                .query(String.class)
                .list();
    }

    private static Map<String, String> check(Instant start) {
        return Map.of(
                "service",
                "Färben",
                "date",
                start.atZone(BERLIN).toLocalDate().toString(),
                "time",
                start.atZone(BERLIN).toLocalTime().format(HH_MM));
    }

    /** The simulator's active (not cancelled) bookings of an attendee. */
    static List<JsonNode> active(String phone) {
        return simBookingsOf("cal_demo", phone).stream()
                .filter(b -> !"cancelled".equalsIgnoreCase(b.path("status").asString("")))
                .toList();
    }

    private List<Map<String, Object>> heldSteps(Call call) {
        return jdbc.sql("SELECT host, starts_at, ends_at FROM slot_holds WHERE retell_call_id = :call "
                        + "AND status = 'held' ORDER BY starts_at")
                .param("call", call.id)
                .query()
                .listOfRows();
    }

    /** A salon call in which check_availability said the time is free (and held it). */
    private Call callerToldItIsFree(Instant start) {
        Call call = salonCall();
        assertThat(call.function("check_availability", check(start))
                        .json()
                        .path("available")
                        .asBoolean())
                .isTrue();
        return call;
    }

    private static Instant instantOf(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    @Test
    void everyStepIsBookedInOrderAsOneAppointmentAndTheCallerHearsStartAndEnd() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = callerToldItIsFree(start);

        Reply booked = call.function("book_appointment", booking(start, "Clara Berg"), "tc_colour");

        assertThat(booked.ok()).as(booked.body()).isTrue();
        Instant end = start.plus(Duration.ofMinutes(120));
        assertThat(booked.message())
                .isEqualTo("Vielen Dank, Clara Berg. Ihr Termin für Färben ist gebucht: "
                        + "morgen um " + spokenTime(start) + ", Sie sind etwa um " + spokenTime(end)
                        + " fertig. Wir freuen uns auf Sie!");
        List<JsonNode> inCalcom = active(call.from);
        assertThat(inCalcom).hasSize(2);
        assertThat(inCalcom)
                .extracting(b -> b.path("metadata").path("slotlineRequestId").asString())
                .allMatch(id -> id.matches("booking:[0-9a-f]{64}#[01]"));
        long appointmentId = booked.json().path("appointment").path("id").asLong();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE customer_id = (SELECT customer_id FROM "
                                + "appointments WHERE id = :id)")
                        .param("id", appointmentId)
                        .query(Long.class)
                        .single())
                .as("one appointment for the caller")
                .isEqualTo(1);
        List<Map<String, Object>> steps = jdbc.sql("SELECT step, starts_at, ends_at, calcom_booking_uid FROM "
                        + "appointment_steps WHERE appointment_id = :id ORDER BY step")
                .param("id", appointmentId)
                .query()
                .listOfRows();
        assertThat(steps).hasSize(2);
        assertThat(instantOf(steps.get(0).get("starts_at"))).isEqualTo(start);
        assertThat(instantOf(steps.get(1).get("ends_at"))).isEqualTo(end);
        assertThat(inCalcom)
                .extracting(b -> b.path("uid").asString())
                .containsExactlyInAnyOrder((String) steps.get(0).get("calcom_booking_uid"), (String)
                        steps.get(1).get("calcom_booking_uid"));
        assertThat(jdbc.sql("SELECT status FROM slot_holds WHERE retell_call_id = :call")
                        .param("call", call.id)
                        .query(String.class)
                        .list())
                .containsOnly("booked");

        // Retell repeats the tool call, and the agent asks again in a new one: the same booking, no step twice
        Reply repeated = call.function("book_appointment", booking(start, "Clara Berg"), "tc_colour");
        Reply again = call.function("book_appointment", booking(start, "Clara Berg"));
        assertThat(repeated.message()).isEqualTo(booked.message());
        assertThat(repeated.json().path("appointment")).isEqualTo(booked.json().path("appointment"));
        assertThat(again.ok()).isTrue();
        assertThat(again.json().path("appointment").path("id").asLong()).isEqualTo(appointmentId);
        assertThat(active(call.from)).hasSize(2);
    }

    @Test
    void aRefusedLaterStepCancelsTheEarlierOnesSoNothingIsHalfBooked() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = callerToldItIsFree(start);
        Map<String, Object> wash = heldSteps(call).get(1);
        // a web booker takes the stylist held for the wash in Cal.com (a hold is Slotline's own)
        long washersHaircut = "anna-demo".equals(wash.get("host")) ? 1111L : 1121L;
        sim("POST", "/_sim/bookings", """
                {"apiKey": "cal_demo", "eventTypeId": %d, "start": "%s",
                 "attendee": {"name": "Web Kunde", "email": "web@example.com", "timeZone": "Europe/Berlin"}}
                """.formatted(washersHaircut, instantOf(wash.get("starts_at"))));

        Reply answer = call.function("book_appointment", booking(start, "Ida Kern"));

        assertThat(answer.ok()).as(answer.body()).isFalse();
        assertThat(answer.reason()).isEqualTo("slot_taken");
        assertThat(active(call.from))
                .as("the colour booked first was cancelled again")
                .isEmpty();
        List<JsonNode> cancelled = simBookingsOf("cal_demo", call.from);
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).path("status").asString()).isEqualToIgnoringCase("cancelled");
        String key = jdbc.sql("SELECT idempotency_key FROM booking_attempts WHERE retell_call_id = :call")
                .param("call", call.id)
                .query(String.class)
                .single();
        assertThat(attemptState(key)).isEqualTo("not_booked");
        assertThat(attemptStepStates(key)).containsExactly("cancelled", "not_booked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(heldSteps(call)).as("the holds are given back").isEmpty();
    }

    @Test
    void aHalfBookedAttemptLeftByACrashIsCompensatedByTheReconciler() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        call.function("list_services", Map.of());
        Company salon = tenants.companyBySlug("demo-salon").orElseThrow();
        Service colouring = tenants.activeServices(salon.id()).stream()
                .filter(s -> s.name().equals("Färben"))
                .findFirst()
                .orElseThrow();
        long anna = tenants.allStaff(salon.id()).stream()
                .filter(s -> s.name().equals("Anna"))
                .findFirst()
                .orElseThrow()
                .id();
        String key = BookingService.requestKey(call.id, colouring.id(), null, start);
        Map<String, Object> row = jdbc.sql("SELECT id, branch_id FROM calls WHERE retell_call_id = :id")
                .param("id", call.id)
                .query()
                .singleRow();
        OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        // the instance wrote the attempt and its plan, sent the colour (Cal.com booked it) and died
        jdbc.sql("""
                INSERT INTO booking_attempts (idempotency_key, company_id, branch_id, call_id, retell_call_id,
                    service_id, starts_at, customer_name, phone, state, created_at, updated_at)
                VALUES (:key, :company, :branch, :call, :retell, :service, :start, 'Nora Lenz', :phone, 'pending',
                    :now, :now)""")
                .param("key", key)
                .param("company", salon.id())
                .param("branch", row.get("branch_id"))
                .param("call", row.get("id"))
                .param("retell", call.id)
                .param("service", colouring.id())
                .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .param("phone", call.from)
                .param("now", now)
                .update();
        for (int step = 0; step < 2; step++) {
            Instant from = start.plus(Duration.ofMinutes(step == 0 ? 0 : 75));
            jdbc.sql("""
                    INSERT INTO booking_attempt_steps (idempotency_key, step, staff_id, host, starts_at, ends_at,
                        state, updated_at)
                    VALUES (:key, :step, :staff, 'anna-demo', :start, :end, :state, :now)""")
                    .param("key", key)
                    .param("step", step)
                    .param("staff", anna)
                    .param("start", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                    .param("end", OffsetDateTime.ofInstant(from.plus(Duration.ofMinutes(45)), ZoneOffset.UTC))
                    .param("state", step == 0 ? "pending" : "planned")
                    .param("now", now)
                    .update();
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("apiKey", "cal_demo");
        body.put("eventTypeId", 1114);
        body.put("start", start.toString());
        ObjectNode attendee = body.putObject("attendee");
        attendee.put("name", "Nora Lenz");
        attendee.put("phoneNumber", call.from);
        attendee.put("email", call.from.replaceAll("\\D", "") + "@phone.slotline.invalid");
        attendee.put("timeZone", "Europe/Berlin");
        body.putObject("metadata").put("slotlineRequestId", key + "#0");
        sim("POST", "/_sim/bookings", JSON.writeValueAsString(body));
        assertThat(active(call.from)).hasSize(1);

        // young: looked up, kept for a retry that may still book on
        reconciler.reconcileAll();
        assertThat(active(call.from)).hasSize(1);
        assertThat(attemptStepStates(key)).containsExactly("booked", "planned");

        // nobody booked on: the colour is cancelled again, and again changes nothing
        CLOCK.set(CLOCK.instant().plus(Duration.ofMinutes(2)));
        reconciler.reconcileNow();
        reconciler.reconcileNow();

        assertThat(active(call.from)).isEmpty();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(attemptState(key)).isEqualTo("not_booked");
        assertThat(attemptStepStates(key)).containsExactly("cancelled", "cancelled");

        // the caller's retry is answered without booking anything half
        Reply retried = call.function("book_appointment", booking(start, "Nora Lenz"));
        assertThat(retried.ok()).as(retried.body()).isTrue();
        assertThat(active(call.from))
                .as("a retry after the compensation books the whole again")
                .hasSize(2);
    }

    @Test
    void aStepWhoseAnswerGotLostIsLookedUpOnTheRetryInsteadOfBookedTwice() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = callerToldItIsFree(start);
        // Cal.com books the colour, but its answers (the booking and the lookup) arrive broken
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"malformedRate\":1.0}}}");
        Reply lost;
        try {
            lost = call.function("book_appointment", booking(start, "Hannah Schulz"), "tc_lost");
        } finally {
            sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"malformedRate\":0.0}}}");
        }

        // Cal.com may hold it: "taken down, will be confirmed", the second step not sent
        assertThat(lost.ok()).as(lost.body()).isTrue();
        assertThat(lost.json().path("pending_confirmation").asBoolean()).isTrue();
        assertThat(active(call.from)).hasSize(1);

        Reply retried = call.function("book_appointment", booking(start, "Hannah Schulz"), "tc_lost");

        assertThat(retried.ok()).as(retried.body()).isTrue();
        assertThat(retried.json().path("booked").asBoolean()).isTrue();
        List<JsonNode> inCalcom = active(call.from);
        assertThat(inCalcom)
                .as("the colour found by its request id, not booked again")
                .hasSize(2);
        assertThat(inCalcom)
                .extracting(b -> b.path("metadata").path("slotlineRequestId").asString())
                .doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment_steps WHERE appointment_id = :id")
                        .param(
                                "id",
                                retried.json().path("appointment").path("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesBookEveryStepOnce() throws Exception {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        Map<String, String> args = booking(start, "Sophie Richter");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> call.function("book_appointment", args, "tc_a"));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> call.function("book_appointment", args, "tc_b"));
        Reply a = first.get();
        Reply b = second.get();

        assertThat(a.ok() || b.ok()).as("%s / %s", a.body(), b.body()).isTrue();
        for (Reply reply : new Reply[] {a, b}) {
            if (!reply.ok()) {
                assertThat(reply.reason()).isIn("in_progress", "slot_taken");
            }
        }
        // on a slow machine an answer may be the deadline's "taken down" promise while the steps are still booked
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    assertThat(active(call.from)).hasSize(2);
                    assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments a JOIN calls c ON c.id = a.call_id "
                                            + "WHERE c.retell_call_id = :call")
                                    .param("call", call.id)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1);
                });
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(active(call.from)).as("and never a third").hasSize(2));
    }

    private static String spokenTime(Instant instant) {
        java.time.LocalTime time = instant.atZone(BERLIN).toLocalTime();
        return time.getMinute() == 0 ? time.getHour() + " Uhr" : time.getHour() + " Uhr " + time.getMinute();
    }
}
