package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.booking.BookingReconciler;
import io.slotline.booking.BookingService;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cal.com that does not confirm in time, and an instance that dies between Cal.com's 201 and our insert: the caller
 * is answered before Retell gives up, the booking Cal.com made is recorded exactly once, and no retry books twice.
 */
class BookingDeadlineTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    /** The timeout_ms of the tool definitions Slotline generates: past it Retell gives up on us. */
    private static final Duration RETELL_TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    BookingReconciler reconciler;

    @Autowired
    FunctionIdempotency claims;

    @Autowired
    FunctionDispatcher dispatcher;

    @AfterEach
    void calcomAnswersAgain() {
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":0.0}}}");
    }

    private Map<String, String> booking(Instant slot, String name) {
        return Map.of(
                "service",
                "Herrenhaarschnitt",
                "date",
                TUESDAY.toString(),
                "time",
                slot.atZone(BERLIN).toLocalTime().toString(),
                "customer_name",
                name);
    }

    @Test
    void aHangingCalcomIsAnsweredBeforeTheDeadlineAndTheBookingItMadeIsRecordedOnce() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
        Call call = salonCall();
        // Cal.com books at once but holds every bookings answer for 30 s
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":1.0,\"timeoutMs\":30000}}}");

        long started = System.nanoTime();
        Reply first = call.function("book_appointment", booking(slot, "Greta Vogel"), "tc_hang");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Duration deadline =
                dispatcher.deadline(dispatcher.handler("book_appointment").orElseThrow());
        assertThat(deadline.plusMillis(1500)).isLessThanOrEqualTo(RETELL_TIMEOUT);
        assertThat(took).isLessThan(RETELL_TIMEOUT);
        assertThat(first.ok()).isTrue();
        assertThat(first.json().path("pending_confirmation").asBoolean()).isTrue();
        assertThat(first.json().path("booked").asBoolean()).isFalse();
        assertThat(first.message())
                .startsWith("Vielen Dank, Greta Vogel. Ich habe Ihren Wunsch für " + "Herrenhaarschnitt aufgenommen:")
                .contains("bestätigen wir Ihnen den Termin");
        long callbackId = first.json().path("callback_request_id").asLong();
        assertThat(jdbc.sql("SELECT reason FROM callback_requests WHERE id = :id")
                        .param("id", callbackId)
                        .query(String.class)
                        .single())
                .startsWith("Buchung nicht rechtzeitig von Cal.com bestätigt");
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);

        // Cal.com answers again; Retell (or the agent) repeats the very same tool call
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":0.0}}}");
        Reply retried = call.function("book_appointment", booking(slot, "Greta Vogel"), "tc_hang");

        String uid = simBookingsOf("cal_demo", call.from).get(0).path("uid").asString();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(retried.ok()).isTrue();
        assertThat(retried.json().path("booked").asBoolean()).isTrue();
        assertThat(retried.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(uid);
        assertThat(appointmentsWithUid(uid)).isEqualTo(1L);
        Map<String, Object> callback = jdbc.sql("SELECT outcome, appointment_id FROM callback_requests WHERE id = :id")
                .param("id", callbackId)
                .query()
                .singleRow();
        assertThat((String) callback.get("outcome")).startsWith("Gebucht: Cal.com " + uid);
        assertThat(((Number) callback.get("appointment_id")).longValue())
                .isEqualTo(retried.json().path("appointment").path("id").asLong());
    }

    @Test
    void aRepeatWhileCalcomStillHangsHearsTheSamePromiseAndReconciliationRecordsOneAppointment() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(1);
        Call call = salonCall();
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":1.0,\"timeoutMs\":30000}}}");

        Reply first = call.function("book_appointment", booking(slot, "Jonas Berg"), "tc_a");
        Reply again = call.function("book_appointment", booking(slot, "Jonas Berg"), "tc_b");

        assertThat(first.json().path("pending_confirmation").asBoolean()).isTrue();
        assertThat(again.json().path("pending_confirmation").asBoolean()).isTrue();
        assertThat(again.json().path("callback_request_id").asLong())
                .isEqualTo(first.json().path("callback_request_id").asLong());
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);

        // nobody asks again: the attempt's own lookup still hangs, the reconciler settles it once Cal.com answers
        sim("POST", "/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":0.0}}}");
        String uid = simBookingsOf("cal_demo", call.from).get(0).path("uid").asString();
        // the attempt's own lookup times out first, and Cal.com's breaker may stay open a while after the hang
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    reconciler.reconcileAll();
                    return appointmentsWithUid(uid) == 1L;
                });
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(jdbc.sql("SELECT outcome FROM callback_requests WHERE id = :id")
                        .param("id", first.json().path("callback_request_id").asLong())
                        .query(String.class)
                        .single())
                .startsWith("Gebucht: Cal.com " + uid);
    }

    @Test
    void aBookingWhoseInstanceDiedAfterCalcomsAnswerIsFoundByTheRetryOnAnotherInstance() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(2);
        Call call = salonCall();
        String key = diedAfterCalcomBooked(call, slot, "Mila Hoffmann");

        Reply retried = call.function("book_appointment", booking(slot, "Mila Hoffmann"), "tc_retry");

        List<JsonNode> inCalcom = simBookingsOf("cal_demo", call.from);
        assertThat(inCalcom).hasSize(1);
        assertThat(retried.ok()).isTrue();
        assertThat(retried.json().path("repeated").asBoolean()).isTrue();
        assertThat(retried.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(inCalcom.get(0).path("uid").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void theReconcilerRecordsABookingWhoseInstanceDiedWithoutWaitingForARetry() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(3);
        Call call = salonCall();
        String key = diedAfterCalcomBooked(call, slot, "Paul Krüger");

        BookingReconciler.Round round = reconciler.reconcileAll();

        assertThat(round.booked()).isEqualTo(1);
        String uid = simBookingsOf("cal_demo", call.from).get(0).path("uid").asString();
        assertThat(jdbc.sql("SELECT calcom_booking_uid FROM appointments WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(String.class)
                        .single())
                .isEqualTo(uid);
        assertThat(reconciler.reconcileAll().booked()).isZero();

        Reply retried = call.function("book_appointment", booking(slot, "Paul Krüger"), "tc_later");
        assertThat(retried.json().path("appointment").path("booking_uid").asString())
                .isEqualTo(uid);
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        assertThat(appointmentsWithUid(uid)).isEqualTo(1L);
    }

    @Test
    void anAttemptThatNeverReachedCalcomIsSettledAsNotBookedAndARetryBooksOnce() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(4);
        Call call = salonCall();
        String key = diedBeforeCalcom(call, slot, "Lea Wolf");
        CLOCK.set(MONDAY_0800_BERLIN.plusSeconds(60));

        // the scheduled round may get there first: either way the attempt ends settled, once
        reconciler.reconcileNow();

        assertThat(jdbc.sql("SELECT state FROM booking_attempts WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(String.class)
                        .single())
                .isEqualTo("not_booked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isZero();

        Reply retried = call.function("book_appointment", booking(slot, "Lea Wolf"), "tc_after");
        assertThat(retried.ok()).isTrue();
        assertThat(retried.json().path("booked").asBoolean()).isTrue();
        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
    }

    /**
     * What an instance killed right after Cal.com's 201 leaves behind: the attempt written before the request,
     * its claim in flight, the booking in Cal.com with our request id, and no appointment.
     */
    private String diedAfterCalcomBooked(Call call, Instant slot, String name) {
        String key = diedBeforeCalcom(call, slot, name);
        ObjectNode body = JSON.createObjectNode();
        body.put("apiKey", "cal_demo");
        body.put("eventTypeId", 1001);
        body.put("start", slot.toString());
        ObjectNode attendee = body.putObject("attendee");
        attendee.put("name", name);
        attendee.put("phoneNumber", call.from);
        // as the gateway sends a caller without an email to an event type that requires one (Cal.com's default)
        attendee.put("email", call.from.replaceAll("\\D", "") + "@phone.slotline.invalid");
        attendee.put("timeZone", "Europe/Berlin");
        body.putObject("metadata").put("slotlineRequestId", key);
        sim("POST", "/_sim/bookings", JSON.writeValueAsString(body));
        return key;
    }

    private String diedBeforeCalcom(Call call, Instant slot, String name) {
        call.function("list_services", Map.of());
        Company salon = tenants.companyBySlug("demo-salon").orElseThrow();
        Service haircut = tenants.activeServices(salon.id()).stream()
                .filter(s -> s.name().equals("Herrenhaarschnitt"))
                .findFirst()
                .orElseThrow();
        String key = BookingService.requestKey(call.id, haircut.id(), null, slot);
        Map<String, Object> row = jdbc.sql("SELECT id, branch_id FROM calls WHERE retell_call_id = :id")
                .param("id", call.id)
                .query()
                .singleRow();
        jdbc.sql("""
                INSERT INTO booking_attempts (idempotency_key, company_id, branch_id, call_id, retell_call_id,
                    service_id, starts_at, customer_name, phone, state, created_at, updated_at)
                VALUES (:key, :company, :branch, :call, :retell, :service, :start, :name, :phone, 'pending', :now, :now)""")
                .param("key", key)
                .param("company", salon.id())
                .param("branch", row.get("branch_id"))
                .param("call", row.get("id"))
                .param("retell", call.id)
                .param("service", haircut.id())
                .param("start", java.time.OffsetDateTime.ofInstant(slot, java.time.ZoneOffset.UTC))
                .param("name", name)
                .param("phone", call.from)
                .param("now", java.time.OffsetDateTime.ofInstant(CLOCK.instant(), java.time.ZoneOffset.UTC))
                .update();
        assertThat(claims.tryBegin(key, salon.id(), "booking")).isEmpty();
        return key;
    }

    private long appointmentsWithUid(String uid) {
        return jdbc.sql("SELECT COUNT(*) FROM appointments WHERE calcom_booking_uid = :uid")
                .param("uid", uid)
                .query(Long.class)
                .single();
    }
}
