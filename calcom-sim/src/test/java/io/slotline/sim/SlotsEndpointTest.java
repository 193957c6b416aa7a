package io.slotline.sim;

import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlotsEndpointTest extends SimulatorTestSupport {

    private static final String THURSDAY = "&start=2026-03-26T00:00:00Z&end=2026-03-26T23:59:59Z";

    private static List<String> starts(JsonNode day) {
        List<String> starts = new ArrayList<>();
        day.forEach(slot -> starts.add(slot.get("start").asString()));
        return starts;
    }

    @Test
    void slotsAreKeyedByLocalDateWithMillisecondsAndTheZoneOffset() {
        SimHttp.Response response =
                http.get("/v2/slots?eventTypeId=10" + THURSDAY + "&timeZone=Europe/Berlin", slots());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo(
                        "{\"status\":\"success\",\"data\":{\"2026-03-26\":["
                                + "{\"start\":\"2026-03-26T09:00:00.000+01:00\"},{\"start\":\"2026-03-26T09:30:00.000+01:00\"},"
                                + "{\"start\":\"2026-03-26T10:00:00.000+01:00\"},{\"start\":\"2026-03-26T10:30:00.000+01:00\"},"
                                + "{\"start\":\"2026-03-26T11:00:00.000+01:00\"},{\"start\":\"2026-03-26T11:30:00.000+01:00\"}]}}");
        assertThat(response.header("X-RateLimit-Limit-Default")).isEqualTo("120");
        assertThat(response.header("X-RateLimit-Remaining-Default")).isEqualTo("119");
        assertThat(response.header("X-RateLimit-Reset-Default")).isEqualTo("60");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void withoutTimeZoneTimesAreUtcWithZ() {
        JsonNode data =
                http.get("/v2/slots?eventTypeId=10" + THURSDAY, slots()).json().get("data");

        assertThat(starts(data.get("2026-03-26"))).first().isEqualTo("2026-03-26T08:00:00.000Z");
    }

    @Test
    void rangeFormatAddsTheEnd() {
        JsonNode first = http.get("/v2/slots?eventTypeId=10&format=range&timeZone=Europe/Berlin" + THURSDAY, slots())
                .json()
                .at("/data/2026-03-26/0");

        assertThat(first.get("start").asString()).isEqualTo("2026-03-26T09:00:00.000+01:00");
        assertThat(first.get("end").asString()).isEqualTo("2026-03-26T09:30:00.000+01:00");
    }

    /**
     * packages/trpc/server/routers/viewer/slots/util.ts: {@code duration} sets the length and, without a slot
     * interval, the step of any event type's slots, also a single-length one.
     */
    @Test
    void aDurationChangesTheLengthAndStepOfASingleLengthEventType() {
        JsonNode plain = http.get("/v2/slots?eventTypeId=13&format=range&timeZone=Europe/Berlin" + THURSDAY, slots())
                .json()
                .at("/data/2026-03-26");
        JsonNode hour = http.get(
                        "/v2/slots?eventTypeId=13&duration=60&format=range&timeZone=Europe/Berlin" + THURSDAY, slots())
                .json()
                .at("/data/2026-03-26");

        assertThat(starts(plain)).hasSize(6);
        assertThat(starts(hour))
                .containsExactly(
                        "2026-03-26T09:00:00.000+01:00",
                        "2026-03-26T10:00:00.000+01:00",
                        "2026-03-26T11:00:00.000+01:00");
        assertThat(hour.get(0).get("end").asString()).isEqualTo("2026-03-26T10:00:00.000+01:00");
    }

    @Test
    void minimumNoticeAppliesToday() {
        JsonNode data = http.get(
                        "/v2/slots?eventTypeId=10&start=2026-03-25&end=2026-03-25&timeZone=Europe/Berlin", slots())
                .json()
                .get("data");

        assertThat(starts(data.get("2026-03-25")))
                .containsExactly(
                        "2026-03-25T10:00:00.000+01:00",
                        "2026-03-25T10:30:00.000+01:00",
                        "2026-03-25T11:00:00.000+01:00",
                        "2026-03-25T11:30:00.000+01:00");
    }

    @Test
    void aSpecificStaffMemberLosesBookedTimesThatTheTeamStillOffers() {
        JsonNode booking = book(10, "2026-03-26T09:00:00Z", "Max", "max@example.com");
        assertThat(booking.at("/hosts/0/username").asString()).isEqualTo("tina");

        JsonNode team = http.get("/v2/slots?eventTypeId=10&timeZone=Europe/Berlin" + THURSDAY, slots())
                .json();
        JsonNode tina = http.get("/v2/slots?eventTypeSlug=cut&username=tina&timeZone=Europe/Berlin" + THURSDAY, slots())
                .json();
        JsonNode tinaRescheduling = http.get(
                        "/v2/slots?eventTypeSlug=cut&username=tina&timeZone=Europe/Berlin" + THURSDAY
                                + "&bookingUidToReschedule="
                                + booking.get("uid").asString(),
                        slots())
                .json();

        assertThat(starts(team.at("/data/2026-03-26"))).contains("2026-03-26T10:00:00.000+01:00");
        assertThat(starts(tina.at("/data/2026-03-26")))
                .doesNotContain("2026-03-26T10:00:00.000+01:00")
                .contains("2026-03-26T09:30:00.000+01:00");
        assertThat(starts(tinaRescheduling.at("/data/2026-03-26"))).contains("2026-03-26T10:00:00.000+01:00");
    }

    @Test
    void theDstChangeWeekendShowsLocalNineWithBothOffsets() {
        JsonNode data = http.get(
                        "/v2/slots?eventTypeId=10&start=2026-03-27T00:00:00Z&end=2026-03-30T23:59:59Z"
                                + "&timeZone=Europe/Berlin",
                        slots())
                .json()
                .get("data");
        JsonNode utc = http.get("/v2/slots?eventTypeId=10&start=2026-03-27T00:00:00Z&end=2026-03-30T23:59:59Z", slots())
                .json()
                .get("data");

        assertThat(data.propertyNames()).containsExactly("2026-03-27", "2026-03-30");
        assertThat(starts(data.get("2026-03-27"))).first().isEqualTo("2026-03-27T09:00:00.000+01:00");
        assertThat(starts(data.get("2026-03-30"))).first().isEqualTo("2026-03-30T09:00:00.000+02:00");
        assertThat(starts(utc.get("2026-03-27"))).first().isEqualTo("2026-03-27T08:00:00.000Z");
        assertThat(starts(utc.get("2026-03-30"))).first().isEqualTo("2026-03-30T07:00:00.000Z");
    }

    @Test
    void aDayWithoutSlotsGivesAnEmptyObject() {
        SimHttp.Response response = http.get("/v2/slots?eventTypeId=10&start=2026-03-29&end=2026-03-29", slots());

        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"data\":{}}");
    }

    @Test
    void unknownQueryParametersAreRejected() {
        SimHttp.Response response = http.get("/v2/slots?eventTypeId=10&foo=1" + THURSDAY, slots());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("BadRequestException");
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("foo property is wrong,property foo should not exist ");
        assertThat(response.json().get("status").asString()).isEqualTo("error");
        assertThat(response.json().get("path").asString()).isEqualTo("/v2/slots?eventTypeId=10&foo=1" + THURSDAY);
    }

    @Test
    void anInvertedRangeIsABadRequest() {
        SimHttp.Response response =
                http.get("/v2/slots?eventTypeId=10&start=2026-03-27T00:00:00Z" + "&end=2026-03-26T00:00:00Z", slots());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("Invalid time range given - check the 'start' and 'end' query parameters.");
    }

    @Test
    void invalidDatesAndZonesAreValidationErrors() {
        SimHttp.Response response =
                http.get("/v2/slots?eventTypeId=10&start=soon&end=2026-03-26&timeZone=Mars/Base", slots());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("start property is wrong,start must be a valid ISO 8601 date string , "
                        + "timeZone property is wrong,timeZone must be a valid IANA time-zone ");
    }

    @Test
    void anUnknownEventTypeIsNotFound() {
        SimHttp.Response response = http.get("/v2/slots?eventTypeId=999" + THURSDAY, slots());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("NotFoundException");
        assertThat(response.json().at("/error/message").asString()).isEqualTo("Event Type not found");
    }

    @Test
    void withoutTheSlotsVersionTheRouteDoesNotExist() {
        SimHttp.Response missing = http.get("/v2/slots?eventTypeId=10" + THURSDAY);
        SimHttp.Response older = http.get("/v2/slots?eventTypeId=10" + THURSDAY, "cal-api-version", "2024-08-13");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asString())
                .isEqualTo("Cannot GET /v2/slots?eventTypeId=10" + THURSDAY);
        assertThat(missing.header("X-RateLimit-Limit-Default")).isNull();
        assertThat(older.status()).isEqualTo(404);
    }

    @Test
    void theHiddenLegacyEndpointAnswersInItsOldShape() {
        SimHttp.Response response = http.get(
                "/v2/slots/available?eventTypeId=10&startTime=2026-03-26T00:00:00Z" + "&endTime=2026-03-26T23:59:59Z");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/slots/2026-03-26/0/time").asString())
                .isEqualTo("2026-03-26T08:00:00.000Z");
        assertThat(http.get("/v2/slots/available?eventTypeId=10&startTime=2026-03-26&endTime=2026-03-27", slots())
                        .status())
                .isEqualTo(404);
    }
}
