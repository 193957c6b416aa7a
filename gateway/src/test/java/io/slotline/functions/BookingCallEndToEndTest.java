package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole call: inbound, started, a taken slot with alternatives, a held alternative, booked once, ended. */
class BookingCallEndToEndTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    @Test
    void aWholeCallFromRingingToAnalysis() {
        Call call = salonCall();

        Reply inbound = call.inbound();
        assertThat(inbound.status()).isEqualTo(200);
        JsonNode variables = inbound.json().path("call_inbound").path("dynamic_variables");
        assertThat(variables.path("company_name").asString()).isEqualTo("Demo Salon");
        assertThat(variables.path("today").asString()).isEqualTo("2026-11-16");
        assertThat(variables.path("services").asString()).contains("Herrenhaarschnitt", "Färben");

        assertThat(call.webhook("call_started").status()).isEqualTo(204);

        // both hosts are busy at 14:00 on every weekday of the demo data
        Reply taken = call.function(
                "check_availability", Map.of("service", "Herrenschnitt", "date", "morgen", "time", "14 Uhr"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.ok()).isFalse();
        assertThat(taken.reason()).isEqualTo("slot_taken");
        assertThat(taken.message()).startsWith("Morgen um 14 Uhr ist leider schon vergeben. Ich hätte morgen um");
        JsonNode alternatives = taken.json().path("alternatives");
        assertThat(alternatives.size()).isBetween(2, 3);
        List<Instant> freeTuesday = freeStarts("cal_demo", 1001, TUESDAY, BERLIN);
        alternatives.forEach(alternative -> {
            assertThat(alternative.path("date").asString()).isEqualTo("2026-11-17");
            assertThat(freeTuesday).contains(instant(alternative));
        });
        assertThat(taken.json().path("requested").path("start").asString()).isEqualTo("2026-11-17T14:00:00+01:00");

        JsonNode chosen = alternatives.get(0);
        Reply free = call.function(
                "check_availability",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        chosen.path("date").asString(),
                        "time",
                        chosen.path("time").asString()));
        assertThat(free.ok()).isTrue();
        assertThat(free.json().path("available").asBoolean()).isTrue();
        assertThat(free.json().path("hold").path("held").asBoolean()).isTrue();
        assertThat(free.message()).endsWith("ist frei. Soll ich den Termin für Sie buchen?");
        // held for us in Slotline's database, one host taken (no Cal.com reservation for a team event type)
        List<Map<String, Object>> holds = holdsOf(call);
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0).get("status")).isEqualTo("held");
        assertThat(holds.get(0).get("reservation_uid")).isNull();

        Map<String, String> booking = Map.of(
                "service",
                "Herrenhaarschnitt",
                "date",
                chosen.path("date").asString(),
                "time",
                chosen.path("time").asString(),
                "customer_name",
                "Jonas Weber");
        Reply booked = call.function("book_appointment", booking, "tc_book_1");
        assertThat(booked.ok()).isTrue();
        assertThat(booked.message()).startsWith("Vielen Dank, Jonas Weber. Ihr Termin für Herrenhaarschnitt");
        JsonNode appointment = booked.json().path("appointment");
        String uid = appointment.path("booking_uid").asString();
        assertThat(uid).isNotBlank();
        assertThat(appointment.path("start").asString())
                .isEqualTo(chosen.path("start").asString());

        // Retell retries the same tool call, and the LLM re-issues it after a barge-in: still one booking
        Reply retried = call.function("book_appointment", booking, "tc_book_1");
        Reply reissued = call.function("book_appointment", booking, "tc_book_2");
        assertThat(retried.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(uid);
        // the README's promise: `repeated` exactly for repeats
        assertThat(booked.json().has("repeated")).isFalse();
        assertThat(retried.json().path("repeated").asBoolean()).isTrue();
        assertThat(reissued.json().path("repeated").asBoolean()).isTrue();
        assertThat(reissued.ok()).isTrue();
        assertThat(reissued.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(uid);
        List<JsonNode> ours = simBookingsOf("cal_demo", call.from);
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).path("uid").asString()).isEqualTo(uid);
        assertThat(ours.get(0).path("metadata").path("slotlineRequestId").asString())
                .startsWith("booking:");
        assertThat(ours.get(0).path("attendees").path(0).path("timeZone").asString())
                .isEqualTo("Europe/Berlin");
        assertThat(ours.get(0).path("attendees").path(0).path("language").asString())
                .isEqualTo("de");

        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(call.webhook("call_ended").status()).isEqualTo(204);
        assertThat(call.webhook("call_analyzed").status()).isEqualTo(204);

        Map<String, Object> row = jdbc.sql("""
                SELECT c.id AS call_id, c.status, c.summary, cu.id AS customer_id, cu.name, cu.phone,
                       a.call_id AS appointment_call, a.customer_id AS appointment_customer, a.status AS booking_status,
                       a.starts_at, a.ends_at
                FROM appointments a
                JOIN calls c ON c.id = a.call_id
                JOIN customers cu ON cu.id = a.customer_id
                WHERE a.calcom_booking_uid = :uid""").param("uid", uid).query().singleRow();
        assertThat(row.get("status")).isEqualTo("ended");
        assertThat(row.get("summary")).isEqualTo("Caller booked an appointment.");
        assertThat(row.get("name")).isEqualTo("Jonas Weber");
        assertThat(row.get("phone")).isEqualTo(call.from);
        assertThat(row.get("booking_status")).isEqualTo("booked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE call_id = :id")
                        .param("id", row.get("call_id"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(holdsOf(call)).extracting(hold -> hold.get("status")).containsExactly("booked");
    }
}
