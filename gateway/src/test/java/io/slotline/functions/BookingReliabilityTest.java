package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cal.com failing around a booking: the caller is told the truth and the booking never happens twice. */
class BookingReliabilityTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    private Map<String, String> booking(Instant slot, String name) {
        return Map.of(
                "service",
                "Herrenhaarschnitt",
                "date",
                "2026-11-17",
                "time",
                slot.atZone(BERLIN).toLocalTime().toString(),
                "customer_name",
                name);
    }

    @Test
    void aBookingWhoseAnswerGotLostIsFoundAgainInsteadOfMadeTwice() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
        Call call = salonCall();
        // Cal.com books, but its answers (the booking and the lookup) arrive broken
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"malformedRate\":1.0}}}");

        Reply lost = call.function("book_appointment", booking(slot, "Hannah Schulz"), "tc_lost");

        // Cal.com may have booked it: not "unreachable" but "taken down, will be confirmed"
        assertThat(lost.ok()).isTrue();
        assertThat(lost.json().path("pending_confirmation").asBoolean()).isTrue();
        assertThat(lost.json().path("booked").asBoolean()).isFalse();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);

        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"malformedRate\":0.0}}}");
        Reply retried = call.function("book_appointment", booking(slot, "Hannah Schulz"), "tc_lost");

        assertThat(retried.ok()).isTrue();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(retried.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(
                        simBookingsOf("cal_demo", call.from).get(0).path("uid").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE calcom_booking_uid = :uid")
                        .param(
                                "uid",
                                retried.json()
                                        .path("appointment")
                                        .path("booking_uid")
                                        .asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void calcomDownMeansNoBookingAndARetryThatWorksLater() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
        Call call = salonCall();
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"errorRate\":1.0}}}");

        Reply down = call.function("book_appointment", booking(slot, "Noah Schröder"), "tc_down");

        assertThat(down.reason()).isEqualTo("calcom_unavailable");
        assertThat(down.message()).startsWith("Ich kann den Kalender gerade leider nicht erreichen.");
        assertThat(simBookingsOf("cal_demo", call.from)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments a JOIN calls c ON c.id = a.call_id "
                                + "WHERE c.retell_call_id = :call")
                        .param("call", call.id)
                        .query(Long.class)
                        .single())
                .isZero();

        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"errorRate\":0.0}}}");
        Reply later = call.function("book_appointment", booking(slot, "Noah Schröder"), "tc_down");

        assertThat(later.ok()).isTrue();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
    }

    @Test
    void concurrentDuplicatesBookOnce() throws Exception {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
        Call call = salonCall();
        Map<String, String> args = booking(slot, "Sophie Richter");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> call.function("book_appointment", args, "tc_a"));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> call.function("book_appointment", args, "tc_b"));
        Reply a = first.get();
        Reply b = second.get();

        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(a.ok() || b.ok()).isTrue();
        String uid = simBookingsOf("cal_demo", call.from).get(0).path("uid").asString();
        for (Reply reply : new Reply[] {a, b}) {
            if (reply.ok()) {
                assertThat(reply.json().path("appointment").path("booking_uid").asString())
                        .isEqualTo(uid);
            } else {
                assertThat(reply.reason()).isEqualTo("in_progress");
            }
        }
    }
}
