package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.availability.Availability;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.InvalidationSource;
import io.slotline.availability.SlotRequest;
import io.slotline.calls.CallbackRequest;
import io.slotline.calls.CallbackRequests;
import io.slotline.customers.Customers;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import io.slotline.support.MutableClock;
import io.slotline.support.RetellClient;
import io.slotline.tenancy.ChangeVerification;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySpec;
import io.slotline.tenancy.FeeRule;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantImporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Managing appointments by phone, end to end: signed Retell function calls against the running gateway, which
 * talks to an embedded Cal.com simulator frozen at the same instant as the gateway's clock.
 *
 * <p>"Now" is Monday 2026-03-23, 09:00 in Berlin. Demo Salon's policies are set to: cancel and move up to 12 hours
 * before; from 48 hours free, from 24 hours 10 euros, else 15 euros; at most two moves. Each test has its own
 * callers and slots, so tests do not see each other's appointments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManageAppointmentsEndToEndTest {

    static final Instant NOW = Instant.parse("2026-03-23T08:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String DEMO_NUMBER = "+4930120000";
    static final String OTHER_NUMBER = "+442071230000";
    static final String CANCEL_STAT = "POST /v2/bookings/{uid}/cancel";
    static final String RESCHEDULE_STAT = "POST /v2/bookings/{uid}/reschedule";

    static final CalcomSimulator SIM =
            CalcomSimulator.start(SimOptions.defaults().withFixedNow(NOW));
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void calcom(DynamicPropertyRegistry registry) {
        registry.add("slotline.calcom.base-url", SIM::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @TestConfiguration
    static class Fixtures {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        @Bean
        @Primary
        RecordingAvailability recordingAvailability() {
            return new RecordingAvailability();
        }
    }

    /** Remembers what our own changes invalidated; answers no availability question (none is asked here). */
    static final class RecordingAvailability implements AvailabilityService {

        record Invalidation(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {}

        final List<Invalidation> invalidations = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<BusyChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void apply(BusyChange change, InvalidationSource source) {
            assertThat(source).isEqualTo(InvalidationSource.OWN_BOOKING);
            changes.add(change);
        }

        @Override
        public Availability freeSlots(SlotRequest request) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public java.util.Optional<Availability> peek(SlotRequest request) {
            return java.util.Optional.empty();
        }

        @Override
        public void invalidate(CalendarRef calendar, LocalDate from, LocalDate to, InvalidationSource source) {
            invalidations.add(new Invalidation(calendar.companyId(), from, to, source));
        }

        @Override
        public void invalidateCompany(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
            invalidations.add(new Invalidation(companyId, from, to, source));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingAvailability availability;

    @Autowired
    TenantImporter importer;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    Customers customers;

    @Autowired
    Appointments appointments;

    @Autowired
    CallbackRequests callbacks;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    Company demo;
    TenantContext demoTenant;
    TenantContext otherTenant;

    @BeforeEach
    void tenantsAndClocks() {
        clock.set(NOW);
        simControl("/_sim/clock", "{\"now\":\"" + NOW + "\"}");
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        importer.apply(new ClassPathResource("demo/other-tenant.yaml"));
        Company loaded = tenants.companyBySlug("demo-salon").orElseThrow();
        tenants.updateCompany(
                loaded.id(),
                new CompanySpec(
                        loaded.slug(),
                        loaded.name(),
                        loaded.language(),
                        loaded.defaultTimeZone(),
                        new Policies(
                                12, 12, 2, List.of(new FeeRule(48, 0), new FeeRule(24, 1000), new FeeRule(0, 1500))),
                        loaded.bookingWindowDays(),
                        true));
        demo = tenants.companyBySlug("demo-salon").orElseThrow();
        demoTenant = tenants.byDialledNumber(DEMO_NUMBER).orElseThrow();
        otherTenant = tenants.byDialledNumber(OTHER_NUMBER).orElseThrow();
        availability.invalidations.clear();
        availability.changes.clear();
    }

    // --- cancel ---

    @Test
    void callerWithTwoAppointmentsIsAskedWhichOneThenCancelsTheOneNamed() {
        String caller = newCaller();
        Appointment haircut = book(demoTenant, caller, "Max Mustermann", 1001, "2026-03-26T12:00");
        Appointment colour = book(demoTenant, caller, "Max Mustermann", 1003, "2026-03-27T09:00");
        String call = newCallId();

        JsonNode which = demoCall(caller, call, "cancel_appointment", "{}");

        assertThat(which.get("ok").asBoolean()).isFalse();
        assertRefused(
                which,
                "which_appointment",
                "Ich sehe mehrere Termine: Herrenhaarschnitt am "
                        + "Donnerstag um 12 Uhr oder Färben am Freitag um 9 Uhr. Welchen meinen Sie?");
        assertThat(which.get("appointments")).hasSize(2);
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("accepted");

        JsonNode cancelled =
                demoCall(caller, call, "cancel_appointment", "{\"date\":\"Donnerstag\",\"reason\":\"krank\"}");

        assertDone(
                cancelled,
                "Ich habe Ihren Termin storniert: "
                        + "Herrenhaarschnitt, Donnerstag um 12 Uhr. Kann ich sonst noch etwas für Sie tun?");
        assertThat(cancelled.at("/appointment/appointment_id").asLong()).isEqualTo(haircut.id());
        JsonNode inCalcom = simBooking(haircut);
        assertThat(inCalcom.get("status").asString()).isEqualTo("cancelled");
        assertThat(inCalcom.get("cancellationReason").asString()).isEqualTo("krank");
        Appointment ours = appointments.findById(demo.id(), haircut.id()).orElseThrow();
        assertThat(ours.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(ours.cancellationReason()).isEqualTo("krank");
        // the cache hears which time was freed, of which event type and host, instead of dropping the day
        assertThat(availability.invalidations).isEmpty();
        assertThat(availability.changes)
                .containsExactly(BusyChange.freed(
                        demo.id(), haircut.startsAt(), haircut.endsAt(), BERLIN, 1001L, hostOf(haircut)));
        assertThat(simBooking(colour).get("status").asString()).isEqualTo("accepted");
        assertThat(statusInDemo(colour)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void retriedCancelActsOnceAndAnswersTheSame() {
        String caller = newCaller();
        Appointment haircut = book(demoTenant, caller, "Erik Retry", 1001, "2026-03-26T09:30");
        String call = newCallId();
        long cancelsBefore = simCount(CANCEL_STAT, 200);

        JsonNode first = demoCall(caller, call, "cancel_appointment", "{}", "tool_cancel_1");
        JsonNode retry = demoCall(caller, call, "cancel_appointment", "{}", "tool_cancel_1");

        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(retry).isEqualTo(first);
        assertThat(simCount(CANCEL_STAT, 200) - cancelsBefore).isEqualTo(1);
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("cancelled");

        // the LLM re-issues it as a new tool call after a barge-in: nothing else is cancelled
        JsonNode reissued = demoCall(caller, call, "cancel_appointment", "{\"date\":\"Donnerstag\"}", "tool_cancel_2");

        assertThat(reissued.get("ok").asBoolean()).isTrue();
        assertThat(reissued.get("already_cancelled").asBoolean()).isTrue();
        assertThat(reissued.get("message").asString())
                .isEqualTo("Ihr Termin für Herrenhaarschnitt, Donnerstag um 9 Uhr 30, ist bereits storniert.");
        assertThat(simCount(CANCEL_STAT, 200) - cancelsBefore).isEqualTo(1);
    }

    @Test
    void lateCancellationNamesTheFeeAndCancelsOnlyAfterTheCallerAgrees() {
        String caller = newCaller();
        // Tuesday 10:00 is 25 hours away: 10 euros
        Appointment haircut = book(demoTenant, caller, "Fee Payer", 1001, "2026-03-24T10:30");
        String call = newCallId();

        JsonNode notice = demoCall(caller, call, "cancel_appointment", "{}");

        assertThat(notice.get("ok").asBoolean()).isFalse();
        assertRefused(
                notice,
                "fee_confirmation_required",
                "Bitte beachten Sie: Bei einer Absage weniger als "
                        + "48 Stunden vor dem Termin berechnen wir 10 Euro. Möchten Sie trotzdem stornieren?");
        assertThat(notice.get("fee_cents").asInt()).isEqualTo(1000);
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("accepted");

        JsonNode cancelled = demoCall(caller, call, "cancel_appointment", "{\"confirm_fee\":true}");

        assertDone(
                cancelled,
                "Ich habe Ihren Termin storniert: "
                        + "Herrenhaarschnitt, morgen um 10 Uhr 30. Wie besprochen berechnen wir dafür 10 Euro.");
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void cancellationAfterTheDeadlineIsRefusedWithACallbackOffer() {
        String caller = newCaller();
        Appointment today = book(demoTenant, caller, "Late Comer", 1001, "2026-03-23T17:30");

        JsonNode refused = demoCall(caller, newCallId(), "cancel_appointment", "{\"confirm_fee\":true}");

        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertRefused(
                refused,
                "deadline_passed",
                "Änderungen und Absagen sind leider nur bis "
                        + "12 Stunden vor dem Termin möglich. Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(refused.get("callback_offered").asBoolean()).isTrue();
        assertThat(simBooking(today).get("status").asString()).isEqualTo("accepted");
    }

    @Test
    void noAppointmentUnderTheNumberAsksForTheName() {
        JsonNode answer = demoCall(newCaller(), newCallId(), "cancel_appointment", "{}");

        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertRefused(
                answer,
                "not_found",
                "Ich finde leider keinen Termin unter Ihrer "
                        + "Telefonnummer. Auf welchen Namen und unter welcher Telefonnummer wurde er gebucht?");
        assertThat(answer.get("needs")).extracting(JsonNode::asString).containsExactly("customer_name", "booked_phone");
    }

    @Test
    void aDayWithoutAppointmentSaysSoAndListsTheCallersAppointments() {
        String caller = newCaller();
        book(demoTenant, caller, "Wrong Day", 1001, "2026-03-26T16:30");

        JsonNode answer = demoCall(caller, newCallId(), "cancel_appointment", "{\"date\":\"Freitag\"}");

        assertRefused(
                answer,
                "not_found",
                "Für Freitag finde ich keinen Termin. Ich sehe "
                        + "Herrenhaarschnitt am Donnerstag um 16 Uhr 30. Welchen meinen Sie?");
    }

    @Test
    void calendarRefusalHasItsOwnMessageAndChangesNothing() {
        String caller = newCaller();
        var customer = customers.upsertByPhone(demo.id(), caller, "Ghost Booking", null);
        Instant start = local("2026-03-27T10:00");
        Appointment unknownToCalcom = appointments
                .insert(new NewAppointment(
                        demo.id(),
                        demoTenant.branchId(),
                        service(demo.id(), 1001).id(),
                        null,
                        customer.id(),
                        null,
                        start,
                        start.plusSeconds(1800),
                        "uid-that-calcom-never-saw-" + SEQUENCE.incrementAndGet(),
                        AppointmentStatus.BOOKED,
                        AppointmentSource.ADMIN,
                        null,
                        null))
                .appointment();

        JsonNode answer = demoCall(caller, newCallId(), "cancel_appointment", "{}");

        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertRefused(
                answer,
                "calcom_refused",
                "Der Kalender hat die Absage leider nicht "
                        + "angenommen. Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(statusInDemo(unknownToCalcom)).isEqualTo(AppointmentStatus.BOOKED);

        JsonNode move = demoCall(
                caller, newCallId(), "reschedule_appointment", "{\"new_date\":\"2026-03-30\",\"new_time\":\"12:30\"}");

        assertRefused(
                move,
                "calcom_refused",
                "Der Kalender hat die Verschiebung leider nicht "
                        + "angenommen, Ihr Termin bleibt unverändert. Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(statusInDemo(unknownToCalcom)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void calendarDownChangesNothingAndTheRetriedToolCallThenActs() {
        String caller = newCaller();
        Appointment haircut = book(demoTenant, caller, "Down Time", 1001, "2026-03-30T10:30");
        String call = newCallId();
        JsonNode unavailable;
        simControl("/_sim/config", "{\"faults\":{\"bookings\":{\"errorRate\":1.0}}}");
        try {
            unavailable = demoCall(caller, call, "cancel_appointment", "{}", "tool_down_1");
        } finally {
            simControl("/_sim/config", "{\"faults\":{\"bookings\":{\"errorRate\":0.0}}}");
        }

        assertThat(unavailable.get("ok").asBoolean()).isFalse();
        assertRefused(
                unavailable,
                "calcom_unavailable",
                "Ich kann den Kalender gerade leider nicht "
                        + "erreichen. Darf ich Sie zurückrufen, sobald es wieder geht?");
        assertThat(statusInDemo(haircut)).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("accepted");

        JsonNode retried = demoCall(caller, call, "cancel_appointment", "{}", "tool_down_1");

        assertThat(retried.get("ok").asBoolean()).isTrue();
        assertThat(simBooking(haircut).get("status").asString()).isEqualTo("cancelled");
        assertThat(statusInDemo(haircut)).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void cancelOfABookingCancelledOnTheWebFollowsCalcom() {
        String caller = newCaller();
        Appointment haircut = book(demoTenant, caller, "Web First", 1001, "2026-03-30T15:30");
        simPost("/v2/bookings/" + haircut.calcomBookingUid() + "/cancel", "{\"cancellationReason\":\"online\"}");

        JsonNode answer = demoCall(caller, newCallId(), "cancel_appointment", "{}");

        assertDone(
                answer,
                "Ich habe Ihren Termin storniert: Herrenhaarschnitt, "
                        + "Montag, den 30. März, um 15 Uhr 30. Kann ich sonst noch etwas für Sie tun?");
        Appointment ours = appointments.findById(demo.id(), haircut.id()).orElseThrow();
        assertThat(ours.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(ours.cancellationReason()).isEqualTo("online");
    }

    @Test
    void aMoveCalcomAlreadyMadeIsRecordedWhenTheCallerAsksForIt() {
        String caller = newCaller();
        Appointment friday = book(demoTenant, caller, "Lost Answer", 1001, "2026-03-27T16:30");
        Instant target = local("2026-03-31T16:30");
        // the first attempt reached Cal.com but its answer never came back
        String movedUid = json.readTree(simPost(
                        "/v2/bookings/" + friday.calcomBookingUid() + "/reschedule", "{\"start\":\"" + target + "\"}"))
                .at("/data/uid")
                .asString();

        JsonNode answer = demoCall(
                caller, newCallId(), "reschedule_appointment", "{\"new_date\":\"2026-03-31\",\"new_time\":\"16:30\"}");

        assertDone(
                answer,
                "Ich habe Ihren Termin verschoben. Ihr neuer Termin: " + "Dienstag, den 31. März, um 16 Uhr 30.");
        Appointment replacement =
                appointments.findByBookingUid(demo.id(), movedUid).orElseThrow();
        assertThat(replacement.id())
                .isEqualTo(answer.at("/appointment/appointment_id").asLong());
        assertThat(replacement.rescheduledFromId()).isEqualTo(friday.id());
        assertThat(replacement.startsAt()).isEqualTo(target);
        assertThat(statusInDemo(friday)).isEqualTo(AppointmentStatus.RESCHEDULED);
    }

    @Test
    void appointmentCancelledOnTheWebIsRecordedAsCancelledWhenTheCallerWantsToMoveIt() {
        String caller = newCaller();
        Appointment haircut = book(demoTenant, caller, "Web Canceller", 1001, "2026-03-27T12:30");
        simPost("/v2/bookings/" + haircut.calcomBookingUid() + "/cancel", "{\"cancellationReason\":\"web\"}");

        JsonNode answer = demoCall(
                caller, newCallId(), "reschedule_appointment", "{\"new_date\":\"2026-03-30\",\"new_time\":\"12:00\"}");

        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertRefused(
                answer,
                "no_longer_active",
                "Ihr Termin für Herrenhaarschnitt, Freitag um "
                        + "12 Uhr 30, wurde bereits storniert und kann nicht mehr verschoben werden. Soll ich einen neuen "
                        + "Termin für Sie suchen?");
        Appointment ours = appointments.findById(demo.id(), haircut.id()).orElseThrow();
        assertThat(ours.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(ours.cancellationReason()).isEqualTo("web");
    }

    // --- reschedule ---

    @Test
    void rescheduleOutsideTheDeadlineNamesTheFeeFirstThenMovesAndKeepsTheChainButNotInsideTheDeadline() {
        String caller = newCaller();
        Appointment tuesday = book(demoTenant, caller, "Mover Mann", 1001, "2026-03-24T12:00");
        String call = newCallId();

        JsonNode notice =
                demoCall(caller, call, "reschedule_appointment", "{\"new_date\":\"Mittwoch\",\"new_time\":\"12:00\"}");

        assertThat(notice.get("ok").asBoolean()).isFalse();
        assertRefused(
                notice,
                "fee_confirmation_required",
                "Bitte beachten Sie: Bei einer Verschiebung weniger "
                        + "als 48 Stunden vor dem Termin berechnen wir 10 Euro. Möchten Sie den Termin trotzdem verschieben?");
        assertThat(simBooking(tuesday).get("status").asString()).isEqualTo("accepted");

        JsonNode moved = demoCall(
                caller,
                call,
                "reschedule_appointment",
                "{\"new_date\":\"Mittwoch\",\"new_time\":\"12:00\",\"confirm_fee\":true}");

        assertDone(
                moved,
                "Ich habe Ihren Termin verschoben. Ihr neuer Termin: "
                        + "Mittwoch um 12 Uhr. Wie besprochen berechnen wir dafür 10 Euro.");
        long newId = moved.at("/appointment/appointment_id").asLong();
        Appointment replacement = appointments.findById(demo.id(), newId).orElseThrow();
        assertThat(replacement.startsAt()).isEqualTo(local("2026-03-25T12:00"));
        assertThat(replacement.rescheduledFromId()).isEqualTo(tuesday.id());
        assertThat(replacement.rescheduleCount()).isEqualTo(1);
        assertThat(replacement.customerId()).isEqualTo(tuesday.customerId());
        assertThat(replacement.serviceId()).isEqualTo(tuesday.serviceId());
        assertThat(statusInDemo(tuesday)).isEqualTo(AppointmentStatus.RESCHEDULED);
        JsonNode old = simBooking(tuesday);
        assertThat(old.get("status").asString()).isEqualTo("cancelled");
        assertThat(old.get("rescheduledToUid").asString()).isEqualTo(replacement.calcomBookingUid());
        JsonNode successor = simBooking(replacement);
        assertThat(successor.get("status").asString()).isEqualTo("accepted");
        assertThat(successor.get("rescheduledFromUid").asString()).isEqualTo(tuesday.calcomBookingUid());
        assertThat(availability.invalidations).isEmpty();
        assertThat(availability.changes)
                .extracting(BusyChange::kind, BusyChange::start, BusyChange::eventTypeId)
                .containsExactlyInAnyOrder(
                        tuple(BusyChange.Kind.FREED, tuesday.startsAt(), 1001L),
                        tuple(BusyChange.Kind.BOOKED, local("2026-03-25T12:00"), 1001L));
        assertThat(availability.changes)
                .filteredOn(change -> change.kind() == BusyChange.Kind.BOOKED)
                .singleElement()
                .extracting(BusyChange::hostUsername)
                .isEqualTo(successor.at("/hosts/0/username").asString());

        // Wednesday 02:00: the new appointment is 10 hours away, inside the 12-hour deadline
        moveClocksTo(Instant.parse("2026-03-25T01:00:00Z"));

        JsonNode tooLate = demoCall(
                caller,
                call,
                "reschedule_appointment",
                "{\"new_date\":\"Donnerstag\",\"new_time\":\"12 Uhr\",\"confirm_fee\":true}");

        assertThat(tooLate.get("ok").asBoolean()).isFalse();
        assertRefused(
                tooLate,
                "deadline_passed",
                "Änderungen und Absagen sind leider nur bis "
                        + "12 Stunden vor dem Termin möglich. Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(simBooking(replacement).get("status").asString()).isEqualTo("accepted");
        assertThat(appointments.findById(demo.id(), newId).orElseThrow().status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void retriedRescheduleActsOnce() {
        String caller = newCaller();
        Appointment friday = book(demoTenant, caller, "Twice Sent", 1001, "2026-03-27T13:00");
        String call = newCallId();
        long movesBefore = simCount(RESCHEDULE_STAT, 201);
        String args = "{\"new_date\":\"2026-03-30\",\"new_time\":\"13:00\"}";

        JsonNode first = demoCall(caller, call, "reschedule_appointment", args, "tool_move_1");
        JsonNode retry = demoCall(caller, call, "reschedule_appointment", args, "tool_move_1");
        JsonNode reissued = demoCall(
                caller,
                call,
                "reschedule_appointment",
                "{\"date\":\"Freitag\",\"new_date\":\"2026-03-30\",\"new_time\":\"13:00\"}",
                "tool_move_2");

        assertDone(first, "Ich habe Ihren Termin verschoben. Ihr neuer Termin: Montag, den 30. März, um 13 Uhr.");
        assertThat(retry).isEqualTo(first);
        assertDone(reissued, first.get("message").asString());
        assertThat(simCount(RESCHEDULE_STAT, 201) - movesBefore).isEqualTo(1);
        assertThat(simBooking(friday).get("status").asString()).isEqualTo("cancelled");
        // across the change to summer time on March 29: 13:00 in Berlin is 11:00 UTC on the 30th
        assertThat(appointments
                        .findById(
                                demo.id(),
                                first.at("/appointment/appointment_id").asLong())
                        .orElseThrow()
                        .startsAt())
                .isEqualTo(Instant.parse("2026-03-30T11:00:00Z"));
        assertThat(first.at("/appointment/time").asString()).isEqualTo("13:00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE rescheduled_from_id = :id")
                        .param("id", friday.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTakenNewTimeLeavesTheAppointmentAndSuggestsAlternatives() {
        String caller = newCaller();
        Appointment thursday = book(demoTenant, caller, "Busy Time", 1001, "2026-03-26T17:00");

        // both hosts are busy at 14:00 on every open day of the demo scenario
        JsonNode answer = demoCall(
                caller, newCallId(), "reschedule_appointment", "{\"new_date\":\"Freitag\",\"new_time\":\"14:00\"}");

        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertRefused(
                answer,
                "slot_taken",
                "Freitag um 14 Uhr ist leider nicht frei, Ihr Termin "
                        + "bleibt unverändert. Soll ich nach freien Zeiten schauen?");
        assertThat(answer.get("suggest").asString()).isEqualTo("get_alternatives");
        assertThat(simBooking(thursday).get("status").asString()).isEqualTo("accepted");
        assertThat(statusInDemo(thursday)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void anAppointmentMovedTheMaximumNumberOfTimesStays() {
        String caller = newCaller();
        Appointment moved = book(demoTenant, caller, "Often Moved", 1001, "2026-03-30T09:00");
        jdbc.sql("UPDATE appointments SET reschedule_count = 2 WHERE id = :id")
                .param("id", moved.id())
                .update();

        JsonNode answer = demoCall(
                caller, newCallId(), "reschedule_appointment", "{\"new_date\":\"2026-03-31\",\"new_time\":\"09:00\"}");

        assertRefused(
                answer,
                "reschedule_limit",
                "Dieser Termin wurde schon zweimal verschoben, öfter "
                        + "geht es leider nicht. Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(simBooking(moved).get("status").asString()).isEqualTo("accepted");
    }

    // --- asking, recognising ---

    @Test
    void callerHearsTheirAppointmentsIncludingOnesBookedOnTheWeb() {
        String caller = newCaller();
        book(demoTenant, caller, "Web Und Telefon", 1002, "2026-03-26T10:30");
        Appointment web =
                book(demoTenant, caller, "Web Und Telefon", 1001, "2026-03-24T16:30", AppointmentSource.CALCOM);

        JsonNode answer = demoCall(caller, newCallId(), "get_appointments", "{}");

        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("message").asString())
                .startsWith("Sie haben 2 anstehende Termine: Herrenhaarschnitt " + "morgen um 16 Uhr 30 bei ")
                .contains(" und Damenhaarschnitt am Donnerstag um 10 Uhr 30 bei ");
        assertThat(answer.get("appointments")).hasSize(2);
        assertThat(answer.at("/appointments/0/appointment_id").asLong()).isEqualTo(web.id());
        assertThat(answer.at("/appointments/0/source").asString()).isEqualTo("calcom");
        assertThat(answer.at("/appointments/0/date").asString()).isEqualTo("2026-03-24");
        assertThat(answer.at("/appointments/0/time").asString()).isEqualTo("16:30");
    }

    @Test
    void knownCallerIsGreetedByNameWithTheirUsualService() {
        String caller = newCaller();
        var customer = customers.upsertByPhone(demo.id(), caller, "Max Stammkunde", null);
        pastAppointment(customer.id(), 1001, "2026-01-10T10:00");
        pastAppointment(customer.id(), 1001, "2026-02-14T10:00");
        pastAppointment(customer.id(), 1003, "2026-03-01T10:00");
        book(demoTenant, caller, "Max Stammkunde", 1002, "2026-03-31T12:00");

        JsonNode answer = demoCall(caller, newCallId(), "check_customer", "{}");

        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("known").asBoolean()).isTrue();
        assertThat(answer.get("customer_name").asString()).isEqualTo("Max Stammkunde");
        assertThat(answer.get("usual_service").asString()).isEqualTo("Herrenhaarschnitt");
        assertThat(answer.get("usual_service_bookings").asInt()).isEqualTo(2);
        assertThat(answer.get("upcoming_appointments")).hasSize(1);
        assertThat(answer.get("message").asString())
                .isEqualTo("Hallo Max Stammkunde, willkommen zurück bei Demo "
                        + "Salon! Sie haben am Dienstag, den 31. März, um 12 Uhr einen Termin für Damenhaarschnitt. "
                        + "Möchten Sie wieder einen Termin für Herrenhaarschnitt?");
    }

    @Test
    void unknownAndAnonymousCallersAreAskedForTheirName() {
        JsonNode unknown = demoCall(newCaller(), newCallId(), "check_customer", "{}");
        JsonNode anonymous = demoCall(null, newCallId(), "check_customer", "{}");

        assertThat(unknown.get("known").asBoolean()).isFalse();
        assertThat(unknown.get("message").asString())
                .isEqualTo("Ihre Nummer habe ich noch nicht bei uns " + "gespeichert. Darf ich Ihren Namen erfahren?");
        assertThat(anonymous.get("known").asBoolean()).isFalse();
        assertThat(anonymous.get("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.get("message").asString())
                .isEqualTo("Ihre Rufnummer wird leider nicht übertragen, "
                        + "daher kann ich Sie nicht zuordnen. Darf ich Ihren Namen erfahren?");
    }

    @Test
    void servicesAreListedWithDurationAndPrice() {
        JsonNode german = demoCall(newCaller(), newCallId(), "list_services", "{}");
        JsonNode english = call(OTHER_NUMBER, "key_other", newCaller(), newCallId(), "list_services", "{}", null);

        assertThat(german.get("message").asString())
                .isEqualTo("Wir bieten an: Herrenhaarschnitt (30 Minuten, "
                        + "28 Euro), Damenhaarschnitt (eine Stunde, 45 Euro) und Färben (eineinhalb Stunden, 65 Euro). "
                        + "Was darf es für Sie sein?");
        assertThat(german.at("/services/0/price_cents").asInt()).isEqualTo(2800);
        assertThat(german.at("/services/2/duration_minutes").asInt()).isEqualTo(90);
        assertThat(english.get("message").asString()).isEqualTo("We offer Haircut (30 minutes). What would you like?");
        assertThat(english.get("services")).hasSize(1);
    }

    // --- anonymous callers ---

    @Test
    void anonymousCallerIsAskedForNameAndBookedNumberAndOtherwiseGetsACallbackRequest() {
        String call = newCallId();

        JsonNode who = demoCall(null, call, "cancel_appointment", "{}");

        assertRefused(
                who,
                "verification_required",
                "Einen Termin kann ich nur ändern, wenn Sie von der "
                        + "Nummer anrufen, unter der er gebucht wurde, oder mir diese Nummer und den vollständigen Namen "
                        + "nennen, auf den er gebucht ist. Wie lauten der Name und die Telefonnummer?");
        assertThat(who.get("needs")).extracting(JsonNode::asString).containsExactly("customer_name", "booked_phone");

        JsonNode noMatch = demoCall(
                null,
                call,
                "cancel_appointment",
                "{\"customer_name\":\"Nobody Known\",\"booked_phone\":\"0171 5550000\",\"date\":\"Donnerstag\"}");

        assertRefused(
                noMatch,
                "needs_phone",
                "Diesen Termin kann ich am Telefon leider nicht "
                        + "selbst ändern. Jemand aus unserem Team ruft Sie gern zurück: Unter welcher Nummer erreichen wir Sie?");

        int openBefore = callbacks.open(demo.id()).size();
        JsonNode recorded = demoCall(
                null,
                call,
                "cancel_appointment",
                "{\"customer_name\":\"Nobody Known\","
                        + "\"booked_phone\":\"0171 5550000\",\"date\":\"Donnerstag\",\"phone\":\"0171 555 12 34\"}");

        assertThat(recorded.get("ok").asBoolean()).isFalse();
        assertRefused(
                recorded,
                "callback_recorded",
                "Diesen Termin kann ich am Telefon leider nicht "
                        + "selbst ändern. Ich habe Ihr Anliegen mit Ihren Angaben für unser Team notiert, jemand ruft Sie "
                        + "zurück.");
        List<CallbackRequest> open = callbacks.open(demo.id());
        assertThat(open).hasSize(openBefore + 1);
        CallbackRequest callback = open.get(open.size() - 1);
        assertThat(callback.id()).isEqualTo(recorded.get("callback_id").asLong());
        assertThat(callback.customerName()).isEqualTo("Nobody Known");
        assertThat(callback.phone()).isEqualTo("01715551234");
        assertThat(callback.reason()).contains("cancel").contains("2026-03-26").contains("0171 5550000");
    }

    /** The reproduction: a name and a day from an unrelated or withheld number change nothing. */
    @Test
    void aStrangerWithNameAndDayCannotCancelOrMoveSomeoneElsesAppointment() {
        String owner = newCaller();
        Appointment monday = book(demoTenant, owner, "Letzter Montag", 1001, "2026-03-30T10:00");
        String stranger = newCaller();
        long cancelsBefore = simCount(CANCEL_STAT, 200);
        long movesBefore = simCount(RESCHEDULE_STAT, 201) + simCount(RESCHEDULE_STAT, 200);
        int callbacksBefore = callbacks.open(demo.id()).size();

        JsonNode fromOtherNumber = demoCall(
                stranger,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Letzter Montag\",\"date\":\"2026-03-30\",\"confirm_fee\":true}");
        JsonNode withheld = demoCall(
                null,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Letzter Montag\",\"date\":\"2026-03-30\",\"confirm_fee\":true}");
        JsonNode oneWordWithNumber = demoCall(
                stranger,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Montag\",\"booked_phone\":\"" + owner + "\",\"confirm_fee\":true}");
        JsonNode move = demoCall(
                stranger,
                newCallId(),
                "reschedule_appointment",
                "{\"customer_name\":\"Letzter Montag\",\"date\":\"2026-03-30\",\"new_date\":\"2026-03-31\","
                        + "\"new_time\":\"11:00\",\"confirm_fee\":true}");
        JsonNode wrongNumber = demoCall(
                stranger,
                newCallId(),
                "reschedule_appointment",
                "{\"customer_name\":\"Letzter Montag\",\"booked_phone\":\"+4917099999999\","
                        + "\"new_date\":\"2026-03-31\",\"new_time\":\"11:00\",\"confirm_fee\":true}");

        assertThat(fromOtherNumber.get("reason").asString()).isEqualTo("verification_required");
        assertThat(withheld.get("reason").asString()).isEqualTo("verification_required");
        assertThat(move.get("reason").asString()).isEqualTo("verification_required");
        // a failed verification and an unknown name sound the same: a callback request, never the change
        assertThat(oneWordWithNumber.get("reason").asString()).isEqualTo("callback_recorded");
        assertThat(wrongNumber.get("reason").asString()).isEqualTo("callback_recorded");
        assertThat(oneWordWithNumber.get("message")).isEqualTo(wrongNumber.get("message"));
        for (JsonNode answer : List.of(fromOtherNumber, withheld, oneWordWithNumber, move, wrongNumber)) {
            assertThat(answer.get("ok").asBoolean()).isFalse();
            assertThat(answer.toString()).doesNotContain("Herrenhaarschnitt").doesNotContain("10 Uhr");
        }
        assertThat(simBooking(monday).get("status").asString()).isEqualTo("accepted");
        assertThat(simCount(CANCEL_STAT, 200)).isEqualTo(cancelsBefore);
        assertThat(simCount(RESCHEDULE_STAT, 201) + simCount(RESCHEDULE_STAT, 200))
                .isEqualTo(movesBefore);
        assertThat(statusInDemo(monday)).isEqualTo(AppointmentStatus.BOOKED);
        List<CallbackRequest> open = callbacks.open(demo.id());
        assertThat(open).hasSize(callbacksBefore + 2);
        assertThat(open.get(open.size() - 1).phone()).isEqualTo(stranger);
        assertThat(open.get(open.size() - 1).reason()).contains("+4917099999999");
    }

    @Test
    void callerStatingTheFullNameAndTheBookedNumberCanCancelFromAnotherPhone() {
        String bookedFrom = "+49170" + (5_000_000 + SEQUENCE.incrementAndGet());
        Appointment erika = book(demoTenant, bookedFrom, "Erika Musterfrau", 1002, "2026-03-26T15:30");
        // a national form of the booked number, as callers say it; a withheld caller takes the branch's country
        String spoken = "0" + bookedFrom.substring(3, 6) + " " + bookedFrom.substring(6);

        JsonNode cancelled = demoCall(
                null,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Frau Musterfrau Erika\",\"booked_phone\":\"" + spoken + "\"}");

        assertThat(cancelled.get("ok").asBoolean()).as(cancelled.toString()).isTrue();
        assertThat(cancelled.get("message").asString())
                .isEqualTo("Ich habe Ihren Termin storniert: "
                        + "Damenhaarschnitt, Donnerstag um 15 Uhr 30. Kann ich sonst noch etwas für Sie tun?");
        assertThat(simBooking(erika).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void callerStatingTheFullNameAndTheBookedNumberCanMoveFromAnotherPhone() {
        String bookedFrom = newCaller();
        Appointment mona = book(demoTenant, bookedFrom, "Mona Verschieber", 1001, "2026-03-27T10:00");

        JsonNode moved = demoCall(
                newCaller(),
                newCallId(),
                "reschedule_appointment",
                "{\"customer_name\":\"Mona Verschieber\",\"booked_phone\":\"" + bookedFrom + "\","
                        + "\"new_date\":\"2026-03-27\",\"new_time\":\"11:00\"}");

        assertThat(moved.get("ok").asBoolean()).as(moved.toString()).isTrue();
        assertThat(moved.get("rescheduled").asBoolean()).isTrue();
        assertThat(statusInDemo(mona)).isEqualTo(AppointmentStatus.RESCHEDULED);
    }

    @Test
    void companiesThatAllowChangesOnlyFromTheBookedNumberRecordACallbackInstead() {
        String bookedFrom = newCaller();
        Appointment anna = book(demoTenant, bookedFrom, "Anna Vorsicht", 1001, "2026-03-26T13:00");
        Company loaded = tenants.companyBySlug("demo-salon").orElseThrow();
        Policies policies = loaded.policies();
        tenants.updateCompany(
                loaded.id(),
                new CompanySpec(
                        loaded.slug(),
                        loaded.name(),
                        loaded.language(),
                        loaded.defaultTimeZone(),
                        new Policies(
                                policies.cancellationDeadlineHours(),
                                policies.rescheduleDeadlineHours(),
                                policies.maxReschedules(),
                                policies.cancellationFees(),
                                ChangeVerification.CALLBACK),
                        loaded.bookingWindowDays(),
                        true));
        String stranger = newCaller();

        JsonNode asked = demoCall(stranger, newCallId(), "cancel_appointment", "{}");
        JsonNode recorded = demoCall(
                stranger,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Anna Vorsicht\",\"booked_phone\":\"" + bookedFrom + "\","
                        + "\"date\":\"2026-03-26\"}");
        JsonNode own = demoCall(bookedFrom, newCallId(), "cancel_appointment", "{\"date\":\"2026-03-26\"}");

        assertRefused(
                asked,
                "not_found",
                "Ich finde leider keinen Termin unter Ihrer " + "Telefonnummer. Auf welchen Namen wurde er gebucht?");
        assertThat(recorded.get("reason").asString()).isEqualTo("callback_recorded");
        assertThat(callbacks
                        .findById(demo.id(), recorded.get("callback_id").asLong())
                        .orElseThrow()
                        .reason())
                .contains("2026-03-26")
                .contains(bookedFrom);
        // the booked number itself still may
        assertThat(own.get("ok").asBoolean()).as(own.toString()).isTrue();
        assertThat(simBooking(anna).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void callbackRequestIsRecordedOnceWithTheCallersNumber() {
        String caller = newCaller();
        String call = newCallId();
        int openBefore = callbacks.open(demo.id()).size();
        String args = "{\"customer_name\":\"Rita Rueckruf\",\"reason\":\"Frage zur Rechnung\","
                + "\"preferred_time\":\"morgen vormittag\"}";

        JsonNode first = demoCall(caller, call, "request_callback", args, "tool_cb_1");
        JsonNode retry = demoCall(caller, call, "request_callback", args, "tool_cb_1");

        assertDone(
                first,
                "Alles klar, ich habe Ihren Rückrufwunsch notiert. " + "Wir melden uns so bald wie möglich bei Ihnen.");
        assertThat(retry).isEqualTo(first);
        List<CallbackRequest> open = callbacks.open(demo.id());
        assertThat(open).hasSize(openBefore + 1);
        assertThat(open.get(open.size() - 1).phone()).isEqualTo(caller);
        assertThat(open.get(open.size() - 1).preferredTime()).isEqualTo("morgen vormittag");

        JsonNode noNumber = demoCall(
                null, newCallId(), "request_callback", "{\"customer_name\":\"Anna Nym\",\"reason\":\"Termin\"}");

        assertRefused(noNumber, "needs_phone", "Unter welcher Telefonnummer können wir Sie zurückrufen?");
    }

    // --- tenants and languages ---

    @Test
    void anotherCompanySeesNothingOfDemoSalonsAppointmentsForTheSameNumber() {
        String caller = newCaller();
        Appointment demoAppointment = book(demoTenant, caller, "Two Salons", 1001, "2026-03-26T11:30");
        String call = newCallId();

        JsonNode listed = call(OTHER_NUMBER, "key_other", caller, call, "get_appointments", "{}", null);
        JsonNode greeted = call(OTHER_NUMBER, "key_other", caller, call, "check_customer", "{}", null);
        JsonNode cancel = call(
                OTHER_NUMBER,
                "key_other",
                caller,
                call,
                "cancel_appointment",
                "{\"appointment_id\":" + demoAppointment.id() + "}",
                null);
        JsonNode byName = call(
                OTHER_NUMBER,
                "key_other",
                null,
                newCallId(),
                "cancel_appointment",
                "{\"customer_name\":\"Two Salons\",\"date\":\"2026-03-26\"}",
                null);

        assertThat(listed.get("appointments")).isEmpty();
        assertThat(listed.get("message").asString())
                .isEqualTo("I can't see any upcoming appointments under your "
                        + "phone number. Would you like to book one?");
        assertThat(greeted.get("known").asBoolean()).isFalse();
        assertThat(greeted.toString()).doesNotContain("Two Salons").doesNotContain("Herrenhaarschnitt");
        assertRefused(
                cancel,
                "not_found",
                "I can't find an appointment under your phone "
                        + "number. What name and which phone number was it booked under?");
        assertThat(byName.get("reason").asString()).isEqualTo("verification_required");
        assertThat(simBooking(demoAppointment).get("status").asString()).isEqualTo("accepted");
        assertThat(statusInDemo(demoAppointment)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void englishCallerListsCancelsAndHitsTheDeadline() {
        String caller = newCaller();
        Appointment thursday = book(otherTenant, caller, "Olivia Other", 2001, "2026-03-26T11:30");
        Appointment today = book(otherTenant, caller, "Olivia Other", 2001, "2026-03-23T15:00");
        String call = newCallId();

        JsonNode listed = call(OTHER_NUMBER, "key_other", caller, call, "get_appointments", "{}", null);
        JsonNode tooLate =
                call(OTHER_NUMBER, "key_other", caller, call, "cancel_appointment", "{\"date\":\"today\"}", null);
        JsonNode cancelled = call(
                OTHER_NUMBER,
                "key_other",
                caller,
                call,
                "cancel_appointment",
                "{\"date\":\"Thursday\",\"time\":\"11:30\"}",
                null);

        assertThat(listed.get("message").asString())
                .isEqualTo("You have 2 upcoming appointments: Haircut today at "
                        + "3 pm with Carl and Haircut on Thursday at 11:30 am with Carl.");
        assertRefused(
                tooLate,
                "deadline_passed",
                "I'm sorry, changes and cancellations are only "
                        + "possible up to 24 hours before the appointment. Shall someone from the team call you back?");
        assertThat(simBooking(today).get("status").asString()).isEqualTo("accepted");
        assertDone(
                cancelled,
                "I've cancelled your Haircut appointment for "
                        + "Thursday at 11:30 am. Is there anything else I can do for you?");
        assertThat(simBooking(thursday).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void englishCallerIsAskedWhichAppointmentAndToldWhenTheNewTimeIsTaken() {
        String caller = newCaller();
        book(otherTenant, caller, "Oscar Other", 2001, "2026-03-27T11:00");
        book(otherTenant, caller, "Oscar Other", 2001, "2026-03-30T11:00");
        book(otherTenant, newCaller(), "Someone Else", 2001, "2026-03-31T11:00");
        String call = newCallId();

        JsonNode which = call(
                OTHER_NUMBER,
                "key_other",
                caller,
                call,
                "reschedule_appointment",
                "{\"new_date\":\"2026-03-31\",\"new_time\":\"11:00\"}",
                null);
        long fridayId = which.at("/appointments/0/appointment_id").asLong();
        JsonNode taken = call(
                OTHER_NUMBER,
                "key_other",
                caller,
                call,
                "reschedule_appointment",
                "{\"appointment_id\":" + fridayId + ",\"new_date\":\"2026-03-31\",\"new_time\":\"11:00\"}",
                null);

        assertRefused(
                which,
                "which_appointment",
                "I can see several appointments: Haircut on Friday at "
                        + "11 am or Haircut on Monday, March 30 at 11 am. Which one do you mean?");
        assertRefused(
                taken,
                "slot_taken",
                "Tuesday, March 31 at 11 am isn't available, I'm "
                        + "afraid, so your appointment stays as it is. Shall I look for free times?");
    }

    // --- helpers ---

    private JsonNode demoCall(@Nullable String caller, String callId, String function, String args) {
        return demoCall(caller, callId, function, args, null);
    }

    private JsonNode demoCall(
            @Nullable String caller, String callId, String function, String args, @Nullable String toolCallId) {
        return call(DEMO_NUMBER, "key_demo", caller, callId, function, args, toolCallId);
    }

    /** A signed Retell function call as Retell sends it: name, args and the whole call object. */
    private JsonNode call(
            String dialled,
            String retellKey,
            @Nullable String caller,
            String callId,
            String function,
            String args,
            @Nullable String toolCallId) {
        ObjectNode call = json.createObjectNode();
        call.put("call_type", "phone_call");
        call.put("call_id", callId);
        call.put("agent_id", "agent_manage_test");
        call.put("agent_version", 1);
        call.put("call_status", "ongoing");
        call.put("direction", "inbound");
        call.put("from_number", caller == null ? "anonymous" : caller);
        call.put("to_number", dialled);
        if (toolCallId != null) {
            ObjectNode invocation = call.putArray("transcript_with_tool_calls").addObject();
            invocation.put("role", "tool_call_invocation");
            invocation.put("tool_call_id", toolCallId);
            invocation.put("name", function);
            invocation.put("arguments", args);
        }
        ObjectNode body = json.createObjectNode();
        body.put("name", function);
        body.set("args", json.readTree(args));
        body.set("call", call);
        byte[] raw = json.writeValueAsBytes(body);
        RetellClient.Response response =
                new RetellClient(() -> port, clock).signed("/retell/functions/" + function, raw, retellKey);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private Appointment book(TenantContext tenant, String phone, String name, long eventTypeId, String localStart) {
        return book(tenant, phone, name, eventTypeId, localStart, AppointmentSource.PHONE);
    }

    /** A booking in the simulator as a person would make it, and our row for it linked to the customer. */
    private Appointment book(
            TenantContext tenant,
            String phone,
            String name,
            long eventTypeId,
            String localStart,
            AppointmentSource source) {
        ZoneId zone = tenant.branch().timeZone();
        Instant start = LocalDateTime.parse(localStart).atZone(zone).toInstant();
        String apiKey = tenant.companyId() == demo.id() ? "cal_demo" : "cal_other";
        JsonNode created = json.readTree(simPost("/_sim/bookings", """
                {"apiKey": "%s", "eventTypeId": %d, "start": "%s",
                 "attendee": {"name": "%s", "phoneNumber": "%s", "email": "guest%d@example.com", "timeZone": "%s"}}
                """.formatted(
                                apiKey, eventTypeId, start, name, phone, SEQUENCE.incrementAndGet(), zone.getId())))
                .get("data");
        var customer = customers.upsertByPhone(tenant.companyId(), phone, name, null);
        String host = created.at("/hosts/0/username").asString(null);
        Long staffId = tenants.staff(tenant.companyId(), tenant.branchId()).stream()
                .filter(staff -> host != null && host.equals(staff.calcomUsername()))
                .map(Staff::id)
                .findFirst()
                .orElse(null);
        return appointments
                .insert(new NewAppointment(
                        tenant.companyId(),
                        tenant.branchId(),
                        service(tenant.companyId(), eventTypeId).id(),
                        staffId,
                        customer.id(),
                        null,
                        Instant.parse(created.get("start").asString()),
                        Instant.parse(created.get("end").asString()),
                        created.get("uid").asString(),
                        AppointmentStatus.BOOKED,
                        source,
                        null,
                        null))
                .appointment();
    }

    private @Nullable String hostOf(Appointment appointment) {
        return tenants.staff(demo.id(), demoTenant.branchId()).stream()
                .filter(staff -> appointment.staffId() != null && staff.id() == appointment.staffId())
                .map(Staff::calcomUsername)
                .findFirst()
                .orElse(null);
    }

    private void pastAppointment(long customerId, long eventTypeId, String localStart) {
        Instant start = local(localStart);
        appointments.insert(new NewAppointment(
                demo.id(),
                demoTenant.branchId(),
                service(demo.id(), eventTypeId).id(),
                null,
                customerId,
                null,
                start,
                start.plusSeconds(1800),
                null,
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                null,
                null));
    }

    private Service service(long companyId, long eventTypeId) {
        return tenants.activeServices(companyId).stream()
                .filter(service -> service.calcomEventTypeId() != null && service.calcomEventTypeId() == eventTypeId)
                .findFirst()
                .orElseThrow();
    }

    private static Instant local(String berlinWallTime) {
        return LocalDateTime.parse(berlinWallTime).atZone(BERLIN).toInstant();
    }

    private void moveClocksTo(Instant instant) {
        clock.set(instant);
        simControl("/_sim/clock", "{\"now\":\"" + instant + "\"}");
    }

    private JsonNode simBooking(Appointment appointment) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(SIM.baseUrl() + "/v2/bookings/" + appointment.calcomBookingUid()))
                .header("cal-api-version", "2024-08-13")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("data");
    }

    private long simCount(String endpoint, int status) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/_sim/stats"))
                .GET()
                .build());
        return json.readTree(response.body())
                .path("endpoints")
                .path(endpoint)
                .path(Integer.toString(status))
                .asLong(0);
    }

    private String simPost(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("cal-api-version", "2024-08-13")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }

    private void simControl(String path, String body) {
        simPost(path, body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newCaller() {
        return "+49170" + (1_000_000 + SEQUENCE.incrementAndGet());
    }

    private static String newCallId() {
        return "call_manage_" + SEQUENCE.incrementAndGet();
    }

    /** A refusal: why (the reason the agent acts on) and what the caller hears. */
    private static void assertRefused(JsonNode answer, String reason, String message) {
        assertThat(answer.get("reason").asString()).isEqualTo(reason);
        assertThat(answer.get("message").asString()).isEqualTo(message);
    }

    /** Done, and what the caller hears. */
    private static void assertDone(JsonNode answer, String message) {
        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("message").asString()).isEqualTo(message);
    }

    /** The appointment's status as the demo salon's appointments have it now. */
    private AppointmentStatus statusInDemo(Appointment appointment) {
        return appointments.findById(demo.id(), appointment.id()).orElseThrow().status();
    }
}
