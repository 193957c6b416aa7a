package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.eventTypes;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seated event types as Cal.com has them: attendees share one booking of a time up to {@code seatsPerTimeSlot}
 * (packages/features/bookings/lib/handleSeats/handleSeats.ts); slots show the seats
 * (apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots-output.service.ts); a full time is 409
 * "No more seats left at this seated booking." (apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts).
 */
class SeatsTest extends SimulatorTestSupport {

    private static final String NINE = "2026-03-26T08:00:00.000Z";
    private static final String THURSDAY = "&start=2026-03-26T00:00:00Z&end=2026-03-26T23:59:59Z";

    @BeforeEach
    void workshop() {
        http.control("/_sim/event-types", """
                {"id": 30, "ownerKey": "cal_t", "title": "Workshop", "slug": "workshop", "lengthInMinutes": 60,
                 "hosts": ["tina"], "emailRequired": false, "seatsPerTimeSlot": 2}
                """);
    }

    private static SimHttp.Response seat(String name) {
        return http.post("/v2/bookings", """
                {"eventTypeId": 30, "start": "%s",
                 "attendee": {"name": "%s", "email": "%s@example.com", "timeZone": "Europe/Berlin"}}
                """.formatted(NINE, name, name.toLowerCase()), bookings("cal_t"));
    }

    private static JsonNode nine() {
        JsonNode day =
                http.get("/v2/slots?eventTypeId=30" + THURSDAY, slots()).json().at("/data/2026-03-26");
        for (JsonNode slot : day) {
            if (slot.get("start").asString().equals(NINE)) {
                return slot;
            }
        }
        return null;
    }

    @Test
    void attendeesShareOneBookingUntilItsSeatsAreTaken() {
        JsonNode before = nine();
        SimHttp.Response first = seat("Mia");
        JsonNode afterOne = nine();
        SimHttp.Response second = seat("Noah");
        SimHttp.Response third = seat("Emil");

        assertThat(before.get("seatsBooked").asInt()).isZero();
        assertThat(before.get("seatsRemaining").asInt()).isEqualTo(2);
        assertThat(before.get("seatsTotal").asInt()).isEqualTo(2);
        assertThat(before.has("bookingUid")).isFalse();
        assertThat(first.status()).isEqualTo(201);
        String uid = first.json().at("/data/uid").asString();
        assertThat(first.json().at("/data/seatUid").asString()).isNotBlank();
        assertThat(afterOne.get("seatsBooked").asInt()).isEqualTo(1);
        assertThat(afterOne.get("seatsRemaining").asInt()).isEqualTo(1);
        assertThat(afterOne.get("bookingUid").asString()).isEqualTo(uid);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/data/uid").asString())
                .as("the same booking")
                .isEqualTo(uid);
        assertThat(second.json().at("/data/seatUid").asString())
                .isNotEqualTo(first.json().at("/data/seatUid").asString());
        assertThat(second.json().at("/data/attendees").findValuesAsString("name"))
                .containsExactly("Mia", "Noah");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().at("/error/code").asString()).isEqualTo("ConflictException");
        assertThat(third.json().at("/error/message").asString())
                .isEqualTo("No more seats left at this seated booking.");
        assertThat(nine()).as("a full time is not offered").isNull();
    }

    @Test
    void theEventTypeSaysItIsSeated() {
        JsonNode found = http.get("/v2/event-types?username=tina&eventSlug=workshop", eventTypes("cal_t"))
                .json()
                .get("data");
        JsonNode eventType = found.isArray() ? found.get(0) : found;

        assertThat(eventType.at("/seats/seatsPerTimeSlot").asInt())
                .as(found.toString())
                .isEqualTo(2);
    }

    /** slots.service.ts: a seated slot's reservation is refused only when its booking has no seat left. */
    @Test
    void aFullSeatedTimeCannotBeReserved() {
        seat("Mia");
        seat("Noah");

        SimHttp.Response reserved =
                http.post("/v2/slots/reservations", "{\"eventTypeId\":30,\"slotStart\":\"" + NINE + "\"}", slots());

        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.json().at("/error/message").asString()).endsWith("has no more seats left.");
    }
}
