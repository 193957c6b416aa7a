package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.sim.web.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RateLimitAndFaultsTest extends SimulatorTestSupport {

    private static final String SLOTS = "/v2/slots?eventTypeId=10&start=2026-03-26&end=2026-03-26";
    private static final String BOOKING = """
            {"start": "2026-03-26T09:00:00Z", "eventTypeId": 10,
             "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
            """;

    @Test
    void theBudgetCountsDownAndThenThrottles() {
        http.control("/_sim/config", "{\"rateLimit\":{\"limit\":3}}");

        SimHttp.Response first = http.get(SLOTS, slots("Authorization", "Bearer cal_t"));
        http.get(SLOTS, slots("Authorization", "Bearer cal_t"));
        SimHttp.Response third = http.get(SLOTS, slots("Authorization", "Bearer cal_t"));
        SimHttp.Response fourth = http.get(SLOTS, slots("Authorization", "Bearer cal_t"));
        SimHttp.Response otherKey = http.get(SLOTS, slots("Authorization", "Bearer cal_u"));
        SimHttp.Response anonymous = http.get(SLOTS, slots());

        assertThat(first.header("X-RateLimit-Remaining-Default")).isEqualTo("2");
        assertThat(third.header("X-RateLimit-Remaining-Default")).isEqualTo("0");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().at("/error/code").asString()).isEqualTo("ThrottlerException");
        assertThat(fourth.json().at("/error/message").asString())
                .isEqualTo("CustomThrottlerGuard - Too many requests. Please try again later.");
        assertThat(fourth.header("X-RateLimit-Limit-Default")).isEqualTo("3");
        assertThat(fourth.header("X-RateLimit-Remaining-Default")).isEqualTo("0");
        assertThat(fourth.header("X-RateLimit-Reset-Default")).isEqualTo("60");
        assertThat(fourth.header("X-Request-Id")).isNotBlank();
        assertThat(otherKey.status()).isEqualTo(200);
        assertThat(anonymous.header("X-RateLimit-Remaining-Default")).isEqualTo("2");
    }

    @Test
    void theBlockEndsWhenTheClockMovesOn() {
        http.control("/_sim/config", "{\"rateLimit\":{\"limit\":1}}");
        http.get(SLOTS, slots("Authorization", "Bearer cal_t"));
        assertThat(http.get(SLOTS, slots("Authorization", "Bearer cal_t")).status())
                .isEqualTo(429);

        http.control("/_sim/clock", "{\"advanceSeconds\":60}");

        assertThat(http.get(SLOTS, slots("Authorization", "Bearer cal_t")).status())
                .isEqualTo(200);
    }

    @Test
    void theControlApiIsNeverThrottled() {
        http.control("/_sim/config", "{\"rateLimit\":{\"limit\":1}}");
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/_sim/stats").status()).isEqualTo(200);
        }

        assertThat(http.get(SLOTS, slots()).header("X-RateLimit-Remaining-Default"))
                .isEqualTo("0");
    }

    @Test
    void errorRateOneAnswers500InTheEnvelopeWithoutSideEffects() {
        http.control("/_sim/config", "{\"faults\":{\"bookings\":{\"errorRate\":1.0}}}");

        SimHttp.Response failed = http.post("/v2/bookings", BOOKING, bookings("cal_t"));
        SimHttp.Response slotsStillWork = http.get(SLOTS, slots());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().get("status").asString()).isEqualTo("error");
        assertThat(failed.json().at("/error/code").asString()).isEqualTo("InternalServerErrorException");
        assertThat(failed.json().at("/error/message").asString()).isEqualTo("Internal server error");
        assertThat(slotsStillWork.status()).isEqualTo(200);
        assertThat(http.get("/_sim/bookings").json().get("data").size()).isZero();
    }

    @Test
    void injected429sComeEvenWithBudgetLeft() {
        http.control("/_sim/config", "{\"faults\":{\"all\":{\"rateLimitRate\":1.0}}}");

        SimHttp.Response response = http.get(SLOTS, slots());

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("ThrottlerException");
    }

    @Test
    void malformedBodiesAreCutShort() {
        http.control("/_sim/config", "{\"faults\":{\"slots\":{\"malformedRate\":1.0}}}");

        SimHttp.Response response = http.get(SLOTS, slots());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":\"success\",\"data\":{");
        assertThatThrownBy(() -> Json.MAPPER.readTree(response.body())).isNotNull();
    }

    @Test
    void aTimeoutHoldsTheAnswerButTheBookingIsMade() throws Exception {
        http.control("/_sim/config", "{\"faults\":{\"bookings\":{\"timeoutRate\":1.0,\"timeoutMs\":5000}}}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/bookings"))
                .timeout(Duration.ofMillis(500))
                .header("Content-Type", "application/json")
                .header("cal-api-version", "2024-08-13")
                .POST(HttpRequest.BodyPublishers.ofString(BOOKING))
                .build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        JsonNode stored = http.get("/_sim/bookings").json().get("data");

        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.at("/0/start").asString()).isEqualTo("2026-03-26T09:00:00.000Z");
        assertThat(http.get("/_sim/stats")
                        .json()
                        .at("/delays/POST ~1v2~1bookings/maxMs")
                        .asLong())
                .isEqualTo(5000);
    }

    @Test
    void theFixedLatencyModelIsAppliedToEveryResponseOfItsGroup() {
        http.control("/_sim/config", "{\"latency\":{\"slots\":{\"type\":\"fixed\",\"ms\":120}}}");

        http.get(SLOTS, slots());
        http.get(SLOTS + "&foo=bar", slots());
        http.post("/v2/bookings", BOOKING, bookings("cal_t"));

        JsonNode delays = http.get("/_sim/stats").json().get("delays");
        assertThat(delays.at("/GET ~1v2~1slots/count").asLong()).isEqualTo(2);
        assertThat(delays.at("/GET ~1v2~1slots/totalMs").asLong()).isEqualTo(240);
        assertThat(delays.at("/GET ~1v2~1slots/maxMs").asLong()).isEqualTo(120);
        assertThat(delays.at("/POST ~1v2~1bookings/totalMs").asLong()).isZero();
        assertThat(http.get("/_sim/config").json().at("/latency/slots/ms").asLong())
                .isEqualTo(120);
    }
}
