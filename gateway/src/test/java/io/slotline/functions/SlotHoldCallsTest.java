package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Holding a slot while the caller confirms, so another caller cannot take it in those seconds. */
class SlotHoldCallsTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static String wallTime(Instant start) {
        return start.atZone(BERLIN).toLocalTime().format(HH_MM);
    }

    private static Map<String, String> check(String service, Instant start) {
        return Map.of(
                "service", service, "date", start.atZone(BERLIN).toLocalDate().toString(), "time", wallTime(start));
    }

    private static Map<String, Object> book(String service, Instant start, String name) {
        return booking(service, start.atZone(BERLIN).toLocalDate().toString(), wallTime(start), name);
    }

    /** Two callers on the line, the salon's calendars in memory, and what the first heard holding the slot. */
    private record Holding(Call second, Reply held) {}

    private Holding firstCallerHolds(Instant slot) {
        Call first = salonCall();
        Call second = salonCall();
        assertThat(second.inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
        Reply held = first.function("check_availability", check("Herrenhaarschnitt", slot));
        assertThat(held.json().path("hold").path("held").asBoolean()).isTrue();
        return new Holding(second, held);
    }

    @Test
    void aSecondCallerCannotTakeAHeldSlotUntilTheFirstCallEndsWithoutBooking() {
        Instant slot = singleHostSlot(TUESDAY);
        Call first = salonCall();
        Call second = salonCall();

        Reply held = first.function("check_availability", check("Herrenhaarschnitt", slot));
        assertThat(held.json().path("hold").path("held").asBoolean()).isTrue();
        // the hold is Slotline's own: Cal.com still offers the time (a team reservation would hide it for everyone)
        assertThat(freeStarts("cal_demo", 1001, TUESDAY, BERLIN)).contains(slot);
        assertThat(holdsOf(first)).extracting(hold -> hold.get("status")).containsExactly("held");

        Reply seenBySecond = second.function("check_availability", check("Herrenhaarschnitt", slot));
        assertThat(seenBySecond.ok()).isFalse();
        assertThat(seenBySecond.reason()).isEqualTo("slot_taken");
        assertThat(seenBySecond.json().path("alternatives").findValuesAsString("start"))
                .doesNotContain(held.json().path("slot").path("start").asString());

        Reply bookedBySecond = second.function("book_appointment", book("Herrenhaarschnitt", slot, "Mia Müller"));
        assertThat(bookedBySecond.ok()).isFalse();
        assertThat(bookedBySecond.reason()).isEqualTo("slot_taken");
        assertThat(bookedBySecond.message()).startsWith("Das tut mir leid,");
        assertThat(bookedBySecond.json().path("alternatives").size()).isPositive();
        assertThat(simBookingsOf("cal_demo", second.from)).isEmpty();

        assertThat(first.webhook("call_ended").status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT status FROM slot_holds WHERE retell_call_id = :call")
                        .param("call", first.id)
                        .query(String.class)
                        .list())
                .containsExactly("released");
        assertThat(holdsOf(second)).as("the second caller never held it").isEmpty();
        assertThat(simBookingsOf("cal_demo", second.from)).isEmpty();

        Reply nowFree = second.function("check_availability", check("Herrenhaarschnitt", slot));
        assertThat(nowFree.json().path("available").asBoolean()).isTrue();
        Reply booked = second.function("book_appointment", book("Herrenhaarschnitt", slot, "Mia Müller"));
        assertThat(booked.ok()).isTrue();
        assertThat(simBookingsOf("cal_demo", second.from)).hasSize(1);
        assertThat(simBookingsOf("cal_demo", first.from)).isEmpty();
    }

    @Test
    void aTimeTwoHostsAreFreeForStaysFreeFromMemoryWhileAnotherCallerHoldsIt() {
        Instant slot = twoHostSlot(TUESDAY);
        Holding holding = firstCallerHolds(slot);
        Call second = holding.second();
        long before = slotsRequests();

        Reply seenBySecond = second.function("check_availability", check("Herrenhaarschnitt", slot));

        // Cal.com lets each reservation take one of the free hosts: Anna and Ben are both free, one is held
        assertThat(seenBySecond.json().path("available").asBoolean()).isTrue();
        assertThat(slotsRequests())
                .as("decided from Anna's and Ben's calendars in memory")
                .isEqualTo(before);
        Reply booked = second.function("book_appointment", book("Herrenhaarschnitt", slot, "Mia Müller"));
        assertThat(booked.ok()).isTrue();
    }

    @Test
    void aTimeOnlyOneHostIsFreeForIsTakenFromMemoryWhileAnotherCallerHoldsIt() {
        Instant slot = singleHostSlot(TUESDAY);
        Holding holding = firstCallerHolds(slot);
        Call second = holding.second();
        long before = slotsRequests();

        Reply seenBySecond = second.function("check_availability", check("Herrenhaarschnitt", slot));

        assertThat(seenBySecond.reason()).isEqualTo("slot_taken");
        assertThat(seenBySecond.json().path("alternatives").findValuesAsString("start"))
                .doesNotContain(holding.held().json().path("slot").path("start").asString());
        assertThat(slotsRequests())
                .as("the only free host is held: known without asking")
                .isEqualTo(before);
    }

    @Test
    void aTimeHeldForAnnaIsTakenForCallersAskingForAnnaAndStillFreeWithBenForAnyone() {
        Instant slot = twoHostSlot(TUESDAY);
        Call first = salonCall();
        Call second = salonCall();
        Call third = salonCall();
        assertThat(second.inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
        Reply held = first.function("check_availability", withAnna(check("Herrenhaarschnitt", slot)));
        assertThat(held.json().path("hold").path("held").asBoolean()).isTrue();
        long before = slotsRequests();

        Reply askingForAnna = second.function("check_availability", withAnna(check("Herrenhaarschnitt", slot)));
        Reply askingForAnyone = third.function("check_availability", check("Herrenhaarschnitt", slot));

        assertThat(askingForAnna.reason()).isEqualTo("slot_taken");
        assertThat(askingForAnyone.json().path("available").asBoolean()).isTrue();
        assertThat(slotsRequests())
                .as("both decided from the hosts' calendars in memory")
                .isEqualTo(before);
    }

    private static Map<String, Object> withAnna(Map<String, ?> args) {
        Map<String, Object> named = new java.util.HashMap<>(args);
        named.put("staff", "Anna");
        return named;
    }

    @Test
    void aMoveCannotTakeATimeAnotherCallerHoldsWithTheSameStylist() {
        List<Instant> annas = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", TUESDAY, BERLIN);
        Instant bookedAt = annas.get(0);
        Instant wanted = annas.get(annas.size() - 1);
        Call mover = salonCall();
        Call holder = salonCall();
        Reply booked = mover.function("book_appointment", withAnna(book("Herrenhaarschnitt", bookedAt, "Jonas Kraus")));
        assertThat(booked.ok()).isTrue();
        Reply held = holder.function("check_availability", withAnna(check("Herrenhaarschnitt", wanted)));
        assertThat(held.json().path("hold").path("held").asBoolean()).isTrue();
        Map<String, String> move =
                Map.of("new_date", wanted.atZone(BERLIN).toLocalDate().toString(), "new_time", wallTime(wanted));

        Reply refused = mover.function("reschedule_appointment", move);

        assertThat(refused.ok()).isFalse();
        assertThat(refused.reason()).isEqualTo("slot_taken");
        assertThat(simBookingsOf("cal_demo", mover.from))
                .singleElement()
                .satisfies(b ->
                        assertThat(Instant.parse(b.path("start").asString())).isEqualTo(bookedAt));
        assertThat(holdsOf(holder)).extracting(hold -> hold.get("status")).containsExactly("held");

        assertThat(holder.webhook("call_ended").status()).isEqualTo(204);
        Reply moved = mover.function("reschedule_appointment", move);

        assertThat(moved.ok()).as(moved.message()).isTrue();
        assertThat(simBookingsOf("cal_demo", mover.from))
                .filteredOn(b -> "accepted".equals(b.path("status").asString()))
                .singleElement()
                .satisfies(b ->
                        assertThat(Instant.parse(b.path("start").asString())).isEqualTo(wanted));
        assertThat(holdsOf(mover)).extracting(hold -> hold.get("status")).contains("booked");
    }

    @Test
    void aBookingCancelledLaterInTheCallFreesItsTimeForOtherCallersAtOnce() {
        List<Instant> annas = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", TUESDAY, BERLIN);
        Instant slot = annas.get(annas.size() - 1);
        Call booker = salonCall();
        Call next = salonCall();
        Reply booked = booker.function("book_appointment", withAnna(book("Herrenhaarschnitt", slot, "Lina Brandt")));
        assertThat(booked.ok()).as(booked.message()).isTrue();
        assertThat(holdsOf(booker)).extracting(hold -> hold.get("status")).containsExactly("booked");

        Reply cancelled = booker.function(
                "cancel_appointment",
                Map.of("date", slot.atZone(BERLIN).toLocalDate().toString(), "time", wallTime(slot)));

        assertThat(cancelled.ok()).as(cancelled.message()).isTrue();
        assertThat(holdsOf(booker)).extracting(hold -> hold.get("status")).containsExactly("released");
        Reply free = next.function("check_availability", withAnna(check("Herrenhaarschnitt", slot)));
        assertThat(free.json().path("available").asBoolean()).as(free.message()).isTrue();
    }

    @Test
    void checkingAnotherSlotReleasesThePreviousHold() {
        List<Instant> annas = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", TUESDAY, BERLIN);
        Call call = salonCall();
        Call other = salonCall();

        call.function("check_availability", withAnna(check("Herrenhaarschnitt", annas.get(0))));
        Reply moved =
                call.function("check_availability", withAnna(check("Herrenhaarschnitt", annas.get(annas.size() - 1))));

        assertThat(moved.json().path("hold").path("held").asBoolean()).isTrue();
        assertThat(holdsOf(call)).extracting(hold -> hold.get("status")).containsExactly("released", "held");
        Reply firstTimeAgain = other.function("check_availability", withAnna(check("Herrenhaarschnitt", annas.get(0))));
        assertThat(firstTimeAgain.json().path("available").asBoolean())
                .as("Anna is free again then")
                .isTrue();
    }

    @Test
    void checkingTheHeldSlotAgainStillSaysFree() {
        Instant slot = freeStarts("cal_demo", 1001, TUESDAY, BERLIN).get(0);
        Call call = salonCall();

        call.function("check_availability", check("Herrenhaarschnitt", slot));
        Reply again = call.function("check_availability", check("Herrenhaarschnitt", slot));

        assertThat(again.ok()).isTrue();
        assertThat(again.json().path("hold").path("held").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slot_holds WHERE retell_call_id = :call")
                        .param("call", call.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void theBookingIsTheServiceTalkedAboutUnlessTheCallerClearlyNamesAnother() {
        Instant colouring = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        call.function("check_availability", check("Färben", colouring));

        // a vague service name in the booking keeps the colouring (in steps), it does not become a haircut
        Reply booked = call.function("book_appointment", book("Haarschnitt", colouring, "Lea Fischer"));

        assertThat(booked.ok()).isTrue();
        JsonNode appointment = booked.json().path("appointment");
        assertThat(appointment.path("service").asString()).isEqualTo("Färben");
        // the colour, 30-60 minutes of processing, the wash: 45 + 30..60 + 45 minutes
        assertThat(Duration.between(
                        OffsetDateTime.parse(appointment.path("start").asString()),
                        OffsetDateTime.parse(appointment.path("end").asString())))
                .isBetween(Duration.ofMinutes(120), Duration.ofMinutes(150));
        // "anyone" is booked for the hosts the holds took, on their own event types of each step
        assertThat(simBookingsOf("cal_demo", call.from))
                .extracting(b -> b.path("eventTypeId").asLong())
                .hasSize(2)
                .allMatch(id -> List.of(1114L, 1124L, 1115L, 1125L).contains(id));
    }

    @Test
    void aServiceNamedExactlyReplacesTheOneTalkedAbout() {
        Instant colouring = StepServiceCallsTest.annasColourWithAHaircutInBetween(TUESDAY);
        Call call = salonCall();
        call.function("check_availability", check("Färben", colouring));

        Reply booked = call.function("book_appointment", book("Damenhaarschnitt", colouring, "Emma Becker"));

        assertThat(booked.ok()).isTrue();
        assertThat(booked.json().path("appointment").path("service").asString()).isEqualTo("Damenhaarschnitt");
        assertThat(simBookingsOf("cal_demo", call.from)
                        .get(0)
                        .path("eventTypeId")
                        .asLong())
                .isEqualTo(ownEventTypeOfBookedHold(call))
                .isIn(1112L, 1122L);
        // the colouring's holds (one per step) are given back; the booking took (and used) a hold of its own
        assertThat(holdsOf(call))
                .extracting(hold -> hold.get("status"))
                .containsExactly("released", "released", "booked");
    }

    @Test
    void aStaffMemberAskedForByNameIsBookedWithThem() {
        Call call = salonCall();
        Reply next = call.function(
                "find_next_available", Map.of("service", "Herrenhaarschnitt", "after", "morgen", "staff", "bei Anna"));
        assertThat(next.ok()).isTrue();
        assertThat(next.json().path("staff").asString()).isEqualTo("Anna");
        JsonNode slot = next.json().path("slot");

        Reply checked = call.function(
                "check_availability",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        slot.path("date").asString(),
                        "time",
                        slot.path("time").asString(),
                        "staff",
                        "Anna"));
        assertThat(checked.message()).contains("ist bei Anna frei");
        Reply booked = call.function(
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        slot.path("date").asString(),
                        "time",
                        slot.path("time").asString(),
                        "customer_name",
                        "Paul Hoffmann"));

        assertThat(booked.ok()).isTrue();
        assertThat(booked.message()).contains("bei Anna");
        JsonNode inCalcom = simBookingsOf("cal_demo", call.from).get(0);
        assertThat(inCalcom.path("hosts").path(0).path("username").asString()).isEqualTo("anna-demo");
        assertThat(inCalcom.path("eventTypeId").asLong())
                .as("Anna's own event type, the managed child")
                .isEqualTo(1111);
    }

    @Test
    void aSingleHostEventTypeGetsACourtesyReservationInCalcomThatTheBookingUses() {
        Call call = otherCutsCall();
        warmOtherCutsEventType();
        Instant slot = freeStarts("cal_other", 2001, TUESDAY, LONDON).get(0);

        Reply free = call.function(
                "check_availability",
                Map.of(
                        "service",
                        "Haircut",
                        "date",
                        "2026-11-17",
                        "time",
                        slot.atZone(LONDON).toLocalTime().format(HH_MM)));

        assertThat(free.json().path("hold").path("held").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> holdsOf(call).get(0).get("reservation_uid") != null);
        Object reservation = holdsOf(call).get(0).get("reservation_uid");
        assertThat(reservationActive(reservation)).isTrue();
        assertThat(freeStarts("cal_other", 2001, TUESDAY, LONDON))
                .as("web bookers don't see it")
                .doesNotContain(slot);
        Reply booked = call.function(
                "book_appointment",
                Map.of(
                        "service",
                        "Haircut",
                        "date",
                        "2026-11-17",
                        "time",
                        slot.atZone(LONDON).toLocalTime().format(HH_MM),
                        "customer_name",
                        "Finn Wagner"));
        assertThat(booked.ok()).isTrue();
        assertThat(holdsOf(call)).extracting(hold -> hold.get("status")).containsExactly("booked");
    }

    @Test
    void aReservationCalcomRefusesLeavesTheHoldWhichIsSlotlines() {
        Call call = otherCutsCall();
        Call other = otherCutsCall();
        warmOtherCutsEventType();
        Instant slot = freeStarts("cal_other", 2001, TUESDAY, LONDON).get(0);
        sim("POST", "/_sim/config", "{\"faults\":{\"reservations\":{\"errorRate\":1.0}}}");
        Map<String, String> asked = Map.of(
                "service",
                "Haircut",
                "date",
                "2026-11-17",
                "time",
                slot.atZone(LONDON).toLocalTime().format(HH_MM));

        Reply free = call.function("check_availability", asked);
        Reply seenByOther = other.function("check_availability", asked);

        assertThat(free.json().path("hold").path("held").asBoolean()).isTrue();
        assertThat(seenByOther.reason()).isEqualTo("slot_taken");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim("GET", "/_sim/stats", null)
                                .path("endpoints")
                                .path("POST /v2/slots/reservations")
                                .path("500")
                                .asLong()
                        > 0);
        assertThat(holdsOf(call))
                .extracting(hold -> hold.get("reservation_uid"))
                .containsOnlyNulls();
    }

    @Test
    void aReleaseCalcomRefusesDoesNotFailTheEndOfTheCall() {
        Call call = otherCutsCall();
        warmOtherCutsEventType();
        Instant slot = freeStarts("cal_other", 2001, TUESDAY, LONDON).get(0);
        call.function(
                "check_availability",
                Map.of(
                        "service",
                        "Haircut",
                        "date",
                        "2026-11-17",
                        "time",
                        slot.atZone(LONDON).toLocalTime().format(HH_MM)));
        await().atMost(Duration.ofSeconds(10)).until(() -> holdsOf(call).get(0).get("reservation_uid") != null);
        sim("POST", "/_sim/config", "{\"faults\":{\"reservations\":{\"errorRate\":1.0}}}");

        assertThat(call.webhook("call_ended").status()).isEqualTo(204);

        assertThat(holdsOf(call)).extracting(hold -> hold.get("status")).containsExactly("released");
        // the release runs in the background; once Cal.com has refused it, the reservation stays until it expires
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim("GET", "/_sim/stats", null)
                                .path("endpoints")
                                .path("DELETE /v2/slots/reservations/{uid}")
                                .path("500")
                                .asLong()
                        > 0);
        sim("POST", "/_sim/config", "{\"faults\":{\"reservations\":{\"errorRate\":0.0}}}");
        assertThat(reservationActive(holdsOf(call).get(0).get("reservation_uid")))
                .isTrue();
    }

    @Test
    void aRoundRobinHoldMakesNoReservationInCalcom() {
        awaitSalonWarmedUpAfterInbound();
        Instant slot = twoHostSlot(TUESDAY);
        Call call = salonCall();

        assertThat(call.function("check_availability", check("Herrenhaarschnitt", slot))
                        .ok())
                .isTrue();

        assertThat(holdsOf(call))
                .extracting(hold -> hold.get("reservation_uid"))
                .containsOnlyNulls();
        assertThat(sim("GET", "/_sim/stats", null)
                        .path("endpoints")
                        .path("POST /v2/slots/reservations")
                        .isEmpty())
                .isTrue();
        assertThat(freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "ben-demo", TUESDAY, BERLIN))
                .contains(slot);
    }

    /**
     * Cal.com would record a reservation of Anna's own event type against Anna and hide that time in every event
     * type she hosts, the round-robin "any stylist" one included, although Ben is free (calcom-teams.md section 4).
     */
    @Test
    void aHoldForAStylistMakesNoReservationThatWouldHideTheOtherStylistsTime() {
        awaitSalonWarmedUpAfterInbound();
        Instant slot = twoHostSlot(TUESDAY);
        Call call = salonCall();

        assertThat(call.function("check_availability", withAnna(check("Herrenhaarschnitt", slot)))
                        .ok())
                .isTrue();
        Reply booked = call.function("book_appointment", book("Herrenhaarschnitt", slot, "Paul Hoffmann"));

        assertThat(booked.ok()).isTrue();
        assertThat(simBookingsOf("cal_demo", call.from)
                        .get(0)
                        .path("eventTypeId")
                        .asLong())
                .isEqualTo(1111);
        assertThat(sim("GET", "/_sim/stats", null)
                        .path("endpoints")
                        .path("POST /v2/slots/reservations")
                        .isEmpty())
                .isTrue();
        assertThat(freeStarts("cal_demo", 1001, TUESDAY, BERLIN))
                .as("Ben is still free then")
                .contains(slot);
    }

    /** Other Cuts' haircut has one host: holds there also reserve in Cal.com once its event type is known. */
    private void warmOtherCutsEventType() {
        var company = tenants.companyBySlug("other-cuts").orElseThrow();
        var haircut = tenants.activeServices(company.id()).get(0);
        assertThat(eventTypes.get(calendars.of(company, haircut, null))).isNotNull();
    }

    /** The own event type (for the hold's service) of the host the call's booked hold took. */
    private long ownEventTypeOfBookedHold(Call call) {
        return jdbc.sql("""
                        SELECT ss.calcom_event_type_id FROM slot_holds h
                        JOIN staff s ON s.company_id = h.company_id AND lower(s.calcom_username) = h.host
                        JOIN service_staff ss ON ss.staff_id = s.id AND ss.service_id = h.service_id
                        WHERE h.retell_call_id = :call AND h.status = 'booked'""").param("call", call.id).query(Long.class).single();
    }

    private void awaitSalonWarmedUpAfterInbound() {
        assertThat(salonCall().inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
    }
}
