package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.eventTypes;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlApiTest extends SimulatorTestSupport {

    @Test
    void statsCountRequestsPerRouteTemplateAndStatus() {
        http.get("/v2/slots?eventTypeId=10&start=2026-03-26&end=2026-03-26", slots());
        http.get("/v2/slots?eventTypeId=10&start=2026-03-27&end=2026-03-27", slots());
        http.get("/v2/slots?eventTypeId=10&start=later&end=2026-03-27", slots());
        http.get("/v2/bookings/abc", bookings(null));
        http.get("/v2/bookings/def", bookings(null));
        http.get("/nowhere");

        JsonNode stats = http.get("/_sim/stats").json();

        assertThat(stats.get("since").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
        assertThat(stats.get("total").asLong()).isEqualTo(6);
        assertThat(stats.at("/endpoints/GET ~1v2~1slots/200").asLong()).isEqualTo(2);
        assertThat(stats.at("/endpoints/GET ~1v2~1slots/400").asLong()).isEqualTo(1);
        assertThat(stats.at("/endpoints/GET ~1v2~1bookings~1{uid}/404").asLong())
                .isEqualTo(2);
        assertThat(stats.at("/endpoints/GET (unmatched)/404").asLong()).isEqualTo(1);
        assertThat(stats.get("endpoints").propertyNames()).noneMatch(name -> name.contains("/_sim"));
    }

    @Test
    void statsCountRequestsPerApiKeyWithTheBusiestMinute() {
        http.get("/v2/slots?eventTypeId=10&start=2026-03-26&end=2026-03-26", slots());
        http.get("/v2/event-types", eventTypes("cal_t"));
        http.control("/_sim/clock", "{\"advanceSeconds\":30}");
        http.get("/v2/event-types", eventTypes("cal_t"));
        http.control("/_sim/clock", "{\"advanceSeconds\":45}");
        // 75 s after the first: the first two have left every 60-second window that holds this one
        http.get("/v2/event-types", eventTypes("cal_t"));
        http.get("/v2/event-types", eventTypes("cal_t"));

        JsonNode keys = http.get("/_sim/stats").json().get("keys");

        assertThat(keys.at("/cal_t/total").asLong()).isEqualTo(4);
        assertThat(keys.at("/cal_t/maxPerMinute").asLong()).isEqualTo(3);
        assertThat(keys.propertyNames()).containsExactly("cal_t");

        http.post("/_sim/reset", "");
        assertThat(http.get("/_sim/stats").json().get("keys").isEmpty()).isTrue();
    }

    @Test
    void resetClearsStatsAndOptionallyReloadsData() {
        http.get("/v2/slots?eventTypeId=10&start=2026-03-26&end=2026-03-26", slots());
        http.control("/_sim/clock", "{\"advanceSeconds\":30}");

        JsonNode reset = http.post("/_sim/reset", "").json();
        JsonNode stats = http.get("/_sim/stats").json();

        assertThat(reset.get("dataReset").asBoolean()).isFalse();
        assertThat(stats.get("total").asLong()).isZero();
        assertThat(stats.get("since").asString()).isEqualTo("2026-03-25T08:00:30.000Z");
        assertThat(http.get("/v2/event-types", eventTypes("cal_t")).status()).isEqualTo(200);

        http.post("/_sim/reset?data=true", "");

        assertThat(http.get("/v2/event-types", eventTypes("cal_t")).status())
                .as("empty scenario reloaded")
                .isEqualTo(401);
    }

    @Test
    void resettingToDemoRestoresCancelledDemoBookings() {
        http.control("/_sim/reset", "{\"scenario\":\"demo\"}");
        JsonNode first =
                http.get("/v2/bookings?take=1", bookings("cal_demo")).json().at("/data/0");
        http.post("/v2/bookings/" + first.get("uid").asString() + "/cancel", "{}", bookings("cal_demo"));

        http.post("/_sim/reset?data=true", "");

        assertThat(http.get("/v2/bookings/" + first.get("uid").asString(), bookings(null))
                        .json()
                        .at("/data/status")
                        .asString())
                .isEqualTo("accepted");
        assertThat(http.get("/_sim").json().get("scenario").asString()).isEqualTo("demo");
    }

    @Test
    void theClockCanBeFixedAdvancedTickingOrReal() {
        JsonNode fixed =
                http.post("/_sim/clock", "{\"now\":\"2026-06-01T10:00:00Z\"}").json();
        JsonNode advanced = http.post("/_sim/clock", "{\"advanceSeconds\":90}").json();
        JsonNode ticking = http.post("/_sim/clock", "{\"now\":\"2030-01-01T00:00:00Z\",\"ticking\":true}")
                .json();
        JsonNode real = http.post("/_sim/clock", "{\"now\":null}").json();

        assertThat(fixed.get("now").asString()).isEqualTo("2026-06-01T10:00:00.000Z");
        assertThat(fixed.get("mode").asString()).isEqualTo("fixed");
        assertThat(advanced.get("now").asString()).isEqualTo("2026-06-01T10:01:30.000Z");
        assertThat(ticking.get("mode").asString()).isEqualTo("ticking");
        assertThat(ticking.get("now").asString()).startsWith("2030-01-01T00:00");
        assertThat(real.get("mode").asString()).isEqualTo("real");
        assertThat(http.post("/_sim/clock", "{\"now\":\"yesterday\"}").status()).isEqualTo(400);
    }

    @Test
    void configIsReadAndPatched() {
        JsonNode initial = http.get("/_sim/config").json();
        JsonNode patched = http.post(
                        "/_sim/config",
                        "{\"latency\":{\"slots\":{\"type\":\"lognormal\",\"medianMs\":300,\"p99Ms\":2000}},"
                                + "\"faults\":{\"bookings\":{\"errorRate\":0.1}},\"rateLimit\":{\"limit\":500}}")
                .json();
        SimHttp.Response invalid = http.post("/_sim/config", "{\"faults\":{\"slots\":{\"errorRate\":3}}}");

        assertThat(initial.get("latency").propertyNames())
                .containsExactly("slots", "reservations", "bookings", "event-types", "webhooks");
        assertThat(initial.at("/rateLimit/limit").asInt()).isEqualTo(120);
        assertThat(patched.at("/latency/slots/type").asString()).isEqualTo("lognormal");
        assertThat(patched.at("/latency/slots/p99Ms").asLong()).isEqualTo(2000);
        assertThat(patched.at("/faults/bookings/errorRate").asDouble()).isEqualTo(0.1);
        assertThat(patched.at("/faults/bookings/timeoutMs").asLong()).isEqualTo(30000);
        assertThat(patched.at("/rateLimit/limit").asInt()).isEqualTo(500);
        assertThat(patched.at("/rateLimit/windowSeconds").asInt()).isEqualTo(60);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/error/message").asString()).contains("between 0 and 1");
        assertThat(http.get("/_sim/config").json().at("/faults/slots/errorRate").asDouble())
                .isZero();
    }

    @Test
    void webBookingsUseTheApiValidationAndFireWebhooks() {
        SimHttp.Response created = http.post("/_sim/bookings", """
                {"apiKey": "cal_t", "eventTypeSlug": "cut", "username": "tom", "start": "2026-03-26T09:00:00Z",
                 "attendee": {"name": "Walk In", "phoneNumber": "+4915199999999", "timeZone": "Europe/Berlin"}}
                """);
        SimHttp.Response invalid = http.post("/_sim/bookings", """
                {"eventTypeId": 10, "start": "2026-03-26T09:00:00Z", "attendee": {"name": "X"}}
                """);
        SimHttp.Response wrongOwner = http.post("/_sim/bookings", """
                {"apiKey": "cal_u", "eventTypeId": 10, "start": "2026-03-26T10:00:00Z",
                 "attendee": {"name": "X", "email": "x@example.com", "timeZone": "Europe/Berlin"}}
                """);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/data/hosts/0/username").asString()).isEqualTo("tom");
        assertThat(http.get("/v2/bookings", bookings("cal_t"))
                        .json()
                        .get("data")
                        .size())
                .isEqualTo(1);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/error/message").asString()).startsWith("attendee property is wrong,");
        assertThat(wrongOwner.status()).isEqualTo(400);
    }

    @Test
    void newTenantsHostsAndEventTypesCanBeAddedPieceByPiece() {
        http.control("/_sim/tenants", "{\"apiKey\":\"cal_new\",\"userId\":70,\"name\":\"New Shop\"}");
        http.control("/_sim/hosts", """
                {"id": 70, "username": "nina", "name": "Nina", "timeZone": "America/New_York",
                 "schedule": {"thu": ["08:00-09:00"]}}
                """);
        SimHttp.Response eventType = http.post("/_sim/event-types", """
                {"id": 700, "ownerKey": "cal_new", "title": "Consult", "slug": "consult", "lengthInMinutes": 20,
                 "slotInterval": 20, "hosts": ["nina"]}
                """);

        JsonNode slotsFound = http.get(
                        "/v2/slots?eventTypeId=700&start=2026-03-26&end=2026-03-26" + "&timeZone=America/New_York",
                        slots())
                .json()
                .get("data");

        assertThat(eventType.status()).isEqualTo(201);
        assertThat(slotsFound.get("2026-03-26"))
                .extracting(s -> s.get("start").asString())
                .containsExactly(
                        "2026-03-26T08:00:00.000-04:00",
                        "2026-03-26T08:20:00.000-04:00",
                        "2026-03-26T08:40:00.000-04:00");
        assertThat(http.get("/v2/event-types", eventTypes("cal_new"))
                        .json()
                        .at("/data/0/ownerId")
                        .asInt())
                .isEqualTo(70);
        assertThat(http.post(
                                "/_sim/event-types",
                                "{\"id\": 701, \"ownerKey\": \"cal_nobody\", \"title\": \"x\","
                                        + "\"slug\": \"x\", \"lengthInMinutes\": 20, \"hosts\": [\"nina\"]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theScenarioCanBeReadBack() {
        JsonNode scenario = http.get("/_sim/scenario").json();

        assertThat(scenario.get("tenants"))
                .extracting(t -> t.get("apiKey").asString())
                .containsExactly("cal_t", "cal_u");
        assertThat(scenario.get("hosts"))
                .extracting(h -> h.get("username").asString())
                .containsExactly("tina", "tom", "uwe");
        assertThat(scenario.at("/hosts/0/schedule/mon/0").asString()).isEqualTo("09:00-12:00");
        assertThat(scenario.at("/eventTypes/0/hosts"))
                .extracting(JsonNode::asInt)
                .containsExactly(1, 2);
        assertThat(http.post("/_sim/scenario", "{\"name\":\"nope\"}").status()).isEqualTo(400);
    }

    @Test
    void unknownControlPathsAreNotFound() {
        SimHttp.Response response = http.get("/_sim/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("NotFoundException");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
