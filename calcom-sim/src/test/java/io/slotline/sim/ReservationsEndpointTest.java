package io.slotline.sim;

import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReservationsEndpointTest extends SimulatorTestSupport {

    private static final String RESERVE = "{\"eventTypeId\":10,\"slotStart\":\"2026-03-26T09:00:00Z\"}";

    @Test
    void aReservationHoldsTheSlotForFiveMinutes() {
        SimHttp.Response response = http.post("/v2/slots/reservations", RESERVE, slots());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.fieldNames("/data"))
                .containsExactly(
                        "eventTypeId",
                        "slotStart",
                        "slotEnd",
                        "slotDuration",
                        "reservationDuration",
                        "reservationUid",
                        "reservationUntil");
        JsonNode data = response.json().get("data");
        assertThat(data.get("slotStart").asString()).isEqualTo("2026-03-26T09:00:00.000Z");
        assertThat(data.get("slotEnd").asString()).isEqualTo("2026-03-26T09:30:00.000Z");
        assertThat(data.get("slotDuration").asInt()).isEqualTo(30);
        assertThat(data.get("reservationDuration").asInt()).isEqualTo(5);
        assertThat(data.get("reservationUntil").asString()).isEqualTo("2026-03-25T08:05:00.000Z");
        assertThat(data.get("reservationUid").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aHeldSlotIsNotOfferedUntilItIsReleased() {
        book(10, "2026-03-26T09:00:00Z", "Max", "max@example.com");
        String uid = http.post("/v2/slots/reservations", RESERVE, slots())
                .json()
                .at("/data/reservationUid")
                .asString();
        String query = "/v2/slots?eventTypeId=10&start=2026-03-26T09:00:00Z&end=2026-03-26T09:30:00Z";

        JsonNode held = http.get(query, slots()).json().at("/data/2026-03-26");
        SimHttp.Response read = http.get("/v2/slots/reservations/" + uid, slots());
        SimHttp.Response deleted = http.send("DELETE", "/v2/slots/reservations/" + uid, null, slots());
        JsonNode released = http.get(query, slots()).json().at("/data/2026-03-26");

        assertThat(held).extracting(s -> s.get("start").asString()).containsExactly("2026-03-26T09:30:00.000Z");
        assertThat(read.json().at("/data/reservationUid").asString()).isEqualTo(uid);
        assertThat(read.json().at("/data").has("reservationDuration")).isFalse();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(released)
                .extracting(s -> s.get("start").asString())
                .containsExactly("2026-03-26T09:00:00.000Z", "2026-03-26T09:30:00.000Z");
        assertThat(http.get("/v2/slots/reservations/" + uid, slots()).body())
                .isEqualTo("{\"status\":\"success\",\"data\":null}");
    }

    @Test
    void aReservationCanBeMoved() {
        String uid = http.post("/v2/slots/reservations", RESERVE, slots())
                .json()
                .at("/data/reservationUid")
                .asString();

        SimHttp.Response moved = http.send(
                "PATCH",
                "/v2/slots/reservations/" + uid,
                "{\"eventTypeId\":10,\"slotStart\":\"2026-03-26T10:00:00Z\"}",
                slots());

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().at("/data/slotStart").asString()).isEqualTo("2026-03-26T10:00:00.000Z");
        assertThat(moved.json().at("/data/reservationUid").asString()).isEqualTo(uid);
    }

    @Test
    void aCustomDurationNeedsAKeyOfTheOwner() {
        String custom = "{\"eventTypeId\":10,\"slotStart\":\"2026-03-26T09:00:00Z\",\"reservationDuration\":10}";

        SimHttp.Response anonymous = http.post("/v2/slots/reservations", custom, slots());
        SimHttp.Response stranger = http.post("/v2/slots/reservations", custom, slots("Authorization", "Bearer cal_u"));
        SimHttp.Response owner = http.post("/v2/slots/reservations", custom, slots("Authorization", "Bearer cal_t"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().at("/error/message").asString())
                .startsWith("reservationDuration can only be used for authenticated requests");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().at("/error/code").asString()).isEqualTo("ForbiddenException");
        assertThat(owner.status()).isEqualTo(201);
        assertThat(owner.json().at("/data/reservationUntil").asString()).isEqualTo("2026-03-25T08:10:00.000Z");
    }

    @Test
    void aTeamSlotCanBeHeldOncePerHost() {
        http.post("/v2/slots/reservations", RESERVE, slots());
        SimHttp.Response second = http.post("/v2/slots/reservations", RESERVE, slots());

        SimHttp.Response third = http.post("/v2/slots/reservations", RESERVE, slots());

        assertThat(second.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.json().at("/error/code").asString()).isEqualTo("UnprocessableEntityException");
        assertThat(third.json().at("/error/message").asString())
                .isEqualTo("Can't reserve the slot because the "
                        + "round robin event type has no available hosts left at this time slot.");
    }

    @Test
    void invalidInputIsRejectedByTheValidationPipe() {
        SimHttp.Response response = http.post("/v2/slots/reservations", "{\"eventTypeId\":\"ten\"}", slots());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/errors/0/property").asString())
                .isEqualTo("eventTypeId");
        assertThat(response.json().at("/error/details/errors/1/property").asString())
                .isEqualTo("slotStart");
    }
}
