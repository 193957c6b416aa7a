package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An appointment of "Färben" in steps is one appointment to the caller: listed once, cancelled whole, moved whole
 * (or not at all); one step cancelled in Cal.com by someone else needs a person, so the appointment is marked for
 * attention and a callback is requested. Cal.com's webhooks reach the gateway throughout, so our own bookings'
 * echoes are part of every case.
 */
class StepChangesCallsTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final LocalDate WEDNESDAY = TUESDAY.plusDays(1);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private @Nullable String subscription;

    @BeforeEach
    void webhooksReachTheGateway() {
        subscription = sim("POST", "/_sim/webhooks", """
                {"subscriberUrl": "http://localhost:%d/calcom/webhook?company=demo-salon", "secret": "whsec_demo",
                 "apiKey": "cal_demo", "active": true,
                 "triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED"]}
                """.formatted(port))
                .path("data")
                .path("id")
                .asString();
    }

    @AfterEach
    void noMoreWebhooks() {
        if (subscription != null) {
            sim("DELETE", "/_sim/webhooks/" + subscription, null);
        }
    }

    private static Map<String, String> at(Instant start) {
        return Map.of(
                "service",
                "Färben",
                "date",
                start.atZone(BERLIN).toLocalDate().toString(),
                "time",
                start.atZone(BERLIN).toLocalTime().format(HH_MM));
    }

    private long booked(Call call, Instant start, String name) {
        assertThat(call.function("check_availability", at(start))
                        .json()
                        .path("available")
                        .asBoolean())
                .isTrue();
        Map<String, String> args = new java.util.HashMap<>(at(start));
        args.put("customer_name", name);
        Reply booked = call.function("book_appointment", args);
        assertThat(booked.ok()).as(booked.body()).isTrue();
        return booked.json().path("appointment").path("id").asLong();
    }

    private List<String> stepStatuses(String phone) {
        return simBookingsOf("cal_demo", phone).stream()
                .map(b -> b.path("status").asString("").toLowerCase())
                .sorted()
                .toList();
    }

    private String appointmentStatus(long id) {
        return jdbc.sql("SELECT status FROM appointments WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private List<String> appointmentStepStatuses(long id) {
        return jdbc.sql("SELECT status FROM appointment_steps WHERE appointment_id = :id ORDER BY step")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private long callbackRequestsFrom(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM callback_requests WHERE phone = :phone")
                .param("phone", phone)
                .query(Long.class)
                .single();
    }

    private long webhookEchoes() {
        return jdbc.sql("SELECT COUNT(*) FROM calcom_webhook_events")
                .query(Long.class)
                .single();
    }

    private static JsonNode calcom(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("cal-api-version", "2024-08-13")
                .header("Authorization", "Bearer cal_demo")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isLessThan(300);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStepsAreListedAsOneAppointmentAndCancelledTogether() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        long before = webhookEchoes();
        long appointment = booked(call, start, "Clara Berg");
        // Cal.com's webhooks of both steps arrive and are our own echoes: no appointment of their own
        await().atMost(Duration.ofSeconds(10)).until(() -> webhookEchoes() >= before + 2);

        Reply listed = call.function("get_appointments", Map.of());
        assertThat(listed.json().path("appointments")).hasSize(1);
        assertThat(listed.json().at("/appointments/0/appointment_id").asLong()).isEqualTo(appointment);
        assertThat(listed.json().at("/appointments/0/ends").asString())
                .isEqualTo(start.plus(Duration.ofMinutes(120))
                        .atZone(BERLIN)
                        .toLocalTime()
                        .toString());

        Reply cancelled = call.function("cancel_appointment", Map.of());

        assertThat(cancelled.ok()).as(cancelled.body()).isTrue();
        assertThat(cancelled.json().path("cancelled").asBoolean()).isTrue();
        assertThat(stepStatuses(call.from)).containsExactly("cancelled", "cancelled");
        assertThat(appointmentStatus(appointment)).isEqualTo("cancelled");
        assertThat(appointmentStepStatuses(appointment)).containsExactly("cancelled", "cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> webhookEchoes() >= before + 4);
        assertThat(jdbc.sql("SELECT attention FROM appointments WHERE id = :id")
                        .param("id", appointment)
                        .query(String.class)
                        .optional())
                .as("our own cancels are no surprise")
                .isEmpty();
        assertThat(callbackRequestsFrom(call.from)).isZero();
        assertThat(call.function("get_appointments", Map.of()).json().path("appointments"))
                .isEmpty();
    }

    @Test
    void aMoveBooksEveryNewStepThenCancelsTheOldOnes() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Instant later = StepServiceCallsTest.annasColourWithAHaircutInBetween(WEDNESDAY);
        Call call = salonCall();
        long appointment = booked(call, start, "Clara Berg");

        Reply moved = call.function(
                "reschedule_appointment",
                Map.of(
                        "new_date",
                        WEDNESDAY.toString(),
                        "new_time",
                        later.atZone(BERLIN).toLocalTime().format(HH_MM)));

        assertThat(moved.ok()).as(moved.body()).isTrue();
        assertThat(moved.json().path("rescheduled").asBoolean()).isTrue();
        assertThat(stepStatuses(call.from)).containsExactly("accepted", "accepted", "cancelled", "cancelled");
        long replacement =
                moved.json().path("appointment").path("appointment_id").asLong();
        assertThat(replacement).isNotEqualTo(appointment);
        assertThat(appointmentStatus(appointment)).isEqualTo("rescheduled");
        assertThat(jdbc.sql("SELECT rescheduled_from_id FROM appointments WHERE id = :id")
                        .param("id", replacement)
                        .query(Long.class)
                        .single())
                .isEqualTo(appointment);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment_steps WHERE appointment_id = :id AND status = 'booked'")
                        .param("id", replacement)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(call.function("get_appointments", Map.of()).json().path("appointments"))
                .hasSize(1);
    }

    @Test
    void aMoveWhoseLaterStepIsRefusedMovesNothing() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Instant later = StepServiceCallsTest.annasColourWithAHaircutInBetween(WEDNESDAY);
        Call call = salonCall();
        long appointment = booked(call, start, "Clara Berg");
        // the new time is checked and held; then, unheard of (no webhook), a web booker takes the wash's stylist
        assertThat(call.function("check_availability", at(later))
                        .json()
                        .path("available")
                        .asBoolean())
                .isTrue();
        noMoreWebhooks();
        subscription = null;
        Map<String, Object> wash = jdbc.sql("SELECT host, starts_at FROM slot_holds WHERE retell_call_id = :call "
                        + "AND status = 'held' ORDER BY starts_at")
                .param("call", call.id)
                .query()
                .listOfRows()
                .get(1);
        sim("POST", "/_sim/bookings", """
                {"apiKey": "cal_demo", "eventTypeId": %d, "start": "%s",
                 "attendee": {"name": "Web Kunde", "email": "web@example.com", "timeZone": "Europe/Berlin"}}
                """.formatted(
                        "anna-demo".equals(wash.get("host")) ? 1111L : 1121L,
                        wash.get("starts_at") instanceof java.time.OffsetDateTime odt
                                ? odt.toInstant()
                                : ((java.sql.Timestamp) wash.get("starts_at")).toInstant()));

        Reply moved = call.function(
                "reschedule_appointment",
                Map.of(
                        "new_date",
                        WEDNESDAY.toString(),
                        "new_time",
                        later.atZone(BERLIN).toLocalTime().format(HH_MM)));

        assertThat(moved.ok()).as(moved.body()).isFalse();
        assertThat(moved.reason()).isEqualTo("slot_taken");
        // the new colour was booked, then cancelled again; the old steps stand
        assertThat(stepStatuses(call.from)).containsExactly("accepted", "accepted", "cancelled");
        assertThat(appointmentStatus(appointment)).isEqualTo("booked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE rescheduled_from_id = :id")
                        .param("id", appointment)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void oneStepCancelledInCalcomMarksTheAppointmentForAttentionAndRequestsACallback() {
        Instant start = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        long appointment = booked(call, start, "Clara Berg");
        String washUid = jdbc.sql(
                        "SELECT calcom_booking_uid FROM appointment_steps WHERE appointment_id = :id " + "AND step = 1")
                .param("id", appointment)
                .query(String.class)
                .single();

        calcom("POST", "/v2/bookings/" + washUid + "/cancel", "{\"cancellationReason\": \"Ben ist krank\"}");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT attention FROM appointments " + "WHERE id = :id")
                        .param("id", appointment)
                        .query(String.class)
                        .optional()
                        .isPresent());
        assertThat(jdbc.sql("SELECT attention FROM appointments WHERE id = :id")
                        .param("id", appointment)
                        .query(String.class)
                        .single())
                .startsWith("Schritt 2 von Färben")
                .contains("Ben ist krank");
        assertThat(appointmentStatus(appointment)).as("the colour still stands").isEqualTo("booked");
        Map<String, Object> callback = jdbc.sql(
                        "SELECT customer_name, reason FROM callback_requests " + "WHERE phone = :phone")
                .param("phone", call.from)
                .query()
                .singleRow();
        assertThat(callback.get("customer_name")).isEqualTo("Clara Berg");
        assertThat((String) callback.get("reason")).contains("bitte den Kunden zurückrufen");
        assertThat(appointmentStepStatuses(appointment)).containsExactly("booked", "cancelled");

        // the colour cancelled too: nothing of the appointment is left, and still one callback
        String colourUid = jdbc.sql(
                        "SELECT calcom_booking_uid FROM appointment_steps WHERE appointment_id = :id " + "AND step = 0")
                .param("id", appointment)
                .query(String.class)
                .single();
        calcom("POST", "/v2/bookings/" + colourUid + "/cancel", "{\"cancellationReason\": \"Ben ist krank\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> "cancelled".equals(appointmentStatus(appointment)));
        assertThat(callbackRequestsFrom(call.from)).isEqualTo(1);
        assertThat(call.function("get_appointments", Map.of()).json().path("appointments"))
                .isEmpty();
    }
}
