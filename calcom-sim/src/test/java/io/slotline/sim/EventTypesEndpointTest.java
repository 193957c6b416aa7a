package io.slotline.sim;

import static io.slotline.sim.SimHttp.eventTypes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class EventTypesEndpointTest extends SimulatorTestSupport {

    @Test
    void aKeyListsItsOwnEventTypesWithSchedulingFields() {
        SimHttp.Response response = http.get("/v2/event-types", eventTypes("cal_t"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode cut = response.json().at("/data/0");
        assertThat(response.json().get("data").size()).isEqualTo(1);
        assertThat(cut.get("id").asInt()).isEqualTo(10);
        assertThat(cut.get("lengthInMinutes").asInt()).isEqualTo(30);
        assertThat(cut.get("title").asString()).isEqualTo("Cut");
        assertThat(cut.get("slug").asString()).isEqualTo("cut");
        assertThat(cut.get("slotInterval").asInt()).isEqualTo(30);
        assertThat(cut.get("minimumBookingNotice").asInt()).isEqualTo(60);
        assertThat(cut.get("beforeEventBuffer").asInt()).isZero();
        assertThat(cut.get("afterEventBuffer").asInt()).isZero();
        assertThat(cut.get("teamId").asInt()).isEqualTo(90);
        assertThat(cut.get("hosts")).extracting(h -> h.get("username").asString()).containsExactly("tina", "tom");
        assertThat(cut.get("users")).extracting(u -> u.get("id").asInt()).containsExactly(1, 2);
        assertThat(cut.get("bookingFields")).extracting(f -> f.get("slug").asString()).contains("name", "email",
                "attendeePhoneNumber");
        assertThat(cut.at("/locations/0/address").asString()).isEqualTo("Teststraße 1, Berlin");
    }

    @Test
    void oneEventTypeById() {
        SimHttp.Response own = http.get("/v2/event-types/10", eventTypes("cal_t"));
        SimHttp.Response foreign = http.get("/v2/event-types/20", eventTypes("cal_t"));

        assertThat(own.json().at("/data/id").asInt()).isEqualTo(10);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().at("/error/message").asString()).isEqualTo("Event type with id 20 not found");
    }

    @Test
    void eventTypesNeedAKeyAndTheirVersion() {
        SimHttp.Response anonymous = http.get("/v2/event-types", "cal-api-version", "2024-06-14");
        SimHttp.Response legacy = http.get("/v2/event-types", "Authorization", "Bearer cal_t");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.json().at("/error/details/errors/0/property").asString()).isEqualTo("cal-api-version");
    }

    @Test
    void theDemoTenantHasTheContractEventTypes() {
        http.control("/_sim/reset", "{\"scenario\":\"demo\"}");

        JsonNode data = http.get("/v2/event-types", eventTypes("cal_demo")).json().get("data");

        assertThat(data).extracting(e -> e.get("id").asInt()).containsExactly(1001, 1002, 1003);
        assertThat(data).extracting(e -> e.get("title").asString()).containsExactly("Herrenhaarschnitt",
                "Damenhaarschnitt", "Färben");
        assertThat(data.get(2).get("afterEventBuffer").asInt()).isEqualTo(10);
        assertThat(http.get("/v2/event-types", eventTypes("cal_other")).json().at("/data/0/slug").asString())
                .isEqualTo("haircut");
    }
}
