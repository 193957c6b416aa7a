package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookingsEndpointTest extends SimulatorTestSupport {

    private static final String PHONE_ONLY = """
            {"start": "%s", "eventTypeId": 10,
             "attendee": {"name": "Max Mustermann", "timeZone": "Europe/Berlin", "phoneNumber": "+4915112345678",
                          "language": "de"},
             "metadata": {"slotlineRequestId": "abc-123"}}
            """;

    private static SimHttp.Response create(String body) {
        return http.post("/v2/bookings", body, bookings("cal_t"));
    }

    private static String body(String start) {
        return PHONE_ONLY.formatted(start);
    }

    @Test
    void aCreatedBookingHasCalcomsShape() {
        SimHttp.Response response = create(body("2026-03-26T09:00:00.000Z"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("status").asString()).isEqualTo("success");
        assertThat(response.fieldNames("/data"))
                .containsExactly(
                        "id",
                        "uid",
                        "title",
                        "description",
                        "hosts",
                        "status",
                        "start",
                        "end",
                        "duration",
                        "eventTypeId",
                        "eventType",
                        "meetingUrl",
                        "location",
                        "absentHost",
                        "createdAt",
                        "updatedAt",
                        "metadata",
                        "icsUid",
                        "attendees",
                        "bookingFieldsResponses");
        JsonNode data = response.json().get("data");
        assertThat(data.get("uid").asString()).matches("[1-9A-HJ-NP-Za-km-z]{22}");
        assertThat(data.get("title").asString()).isEqualTo("Cut between Tina and Max Mustermann");
        assertThat(data.get("status").asString()).isEqualTo("accepted");
        assertThat(data.get("start").asString()).isEqualTo("2026-03-26T09:00:00.000Z");
        assertThat(data.get("end").asString()).isEqualTo("2026-03-26T09:30:00.000Z");
        assertThat(data.get("duration").asInt()).isEqualTo(30);
        assertThat(data.at("/eventType/slug").asString()).isEqualTo("cut");
        assertThat(data.at("/hosts/0/username").asString()).isEqualTo("tina");
        assertThat(data.at("/hosts/0/timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(data.get("location").asString()).isEqualTo("Teststraße 1, Berlin");
        assertThat(data.get("createdAt").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
        assertThat(data.get("updatedAt").isNull()).isTrue();
        assertThat(data.at("/metadata/slotlineRequestId").asString()).isEqualTo("abc-123");
        assertThat(response.fieldNames("/data/attendees/0"))
                .containsExactly("name", "email", "displayEmail", "phoneNumber", "timeZone", "language", "absent");
        assertThat(data.at("/attendees/0/email").asString()).isEqualTo("4915112345678@sms.cal.com");
        assertThat(data.at("/attendees/0/language").asString()).isEqualTo("de");
        assertThat(data.at("/bookingFieldsResponses/attendeePhoneNumber").asString())
                .isEqualTo("+4915112345678");
        assertThat(http.get("/v2/bookings/" + data.get("uid").asString(), bookings(null))
                        .json()
                        .get("data"))
                .isEqualTo(data);
    }

    @Test
    void aStaffMemberIsBookedBySlugAndUsername() {
        SimHttp.Response response = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeSlug": "cut", "username": "tom",
                 "attendee": {"name": "Eva", "email": "eva@example.com", "timeZone": "Europe/Berlin"},
                 "guests": ["friend@example.com"], "bookingFieldsResponses": {"notes": "short"}}
                """);

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        assertThat(data.at("/hosts/0/username").asString()).isEqualTo("tom");
        assertThat(data.at("/guests/0").asString()).isEqualTo("friend@example.com");
        assertThat(data.at("/bookingFieldsResponses/notes").asString()).isEqualTo("short");
        assertThat(data.at("/attendees/0/language").asString()).isEqualTo("en");
        assertThat(data.at("/attendees/0").has("phoneNumber")).isFalse();
    }

    @Test
    void attendeeProblemsAreReportedTogetherInCalcomsFormat() {
        SimHttp.Response response = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 10, "attendee": {"timeZone": "Mars/Base"}}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("attendee property is wrong, "
                        + "attendee email or phone property is wrong,Attendee must have at least one contact method "
                        + "(email or phone number) , name property is wrong,name must be a string , "
                        + "timeZone property is wrong,timeZone must be a valid IANA time-zone ");
        assertThat(response.json().at("/error/details/statusCode").asInt()).isEqualTo(400);
        assertThat(response.json().at("/error/details/error").asString()).isEqualTo("Bad Request");
        assertThat(response.json().get("timestamp").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
        assertThat(response.json().get("path").asString()).isEqualTo("/v2/bookings");
    }

    @Test
    void aPhoneNumberMustBeInternational() {
        SimHttp.Response response = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 10,
                 "attendee": {"name": "Max", "timeZone": "Europe/Berlin", "phoneNumber": "0151 1234567"}}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("attendee property is wrong, phoneNumber property is wrong,"
                        + "phoneNumber must be a valid phone number ");
    }

    @Test
    void metadataLimitsAreEnforced() {
        StringBuilder fiftyOne = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            fiftyOne.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        fiftyOne.append('}');
        String expected = "metadata property is wrong,Metadata must have at most 50 keys, each key up to 40 "
                + "characters, and string values up to 500 characters. ";

        for (String metadata : List.of(
                fiftyOne.toString(),
                "{\"" + "k".repeat(41) + "\":\"v\"}",
                "{\"k\":\"" + "v".repeat(501) + "\"}",
                "{\"k\":{\"nested\":true}}")) {
            SimHttp.Response response = create("""
                    {"start": "2026-03-26T09:00:00Z", "eventTypeId": 10, "metadata": %s,
                     "attendee": {"name": "Max", "timeZone": "Europe/Berlin", "email": "max@example.com"}}
                    """.formatted(metadata));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/error/message").asString()).isEqualTo(expected);
        }
    }

    @Test
    void unknownBodyPropertiesAreRejected() {
        SimHttp.Response response = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 10, "notes": "x",
                 "attendee": {"name": "Max", "timeZone": "Europe/Berlin", "email": "max@example.com"}}
                """);

        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("notes property is wrong,property notes should not exist ");
    }

    @Test
    void malformedJsonIsABadRequestInTheEnvelope() {
        SimHttp.Response response = create("{\"start\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("BadRequestException");
        assertThat(response.body()).doesNotContain("Exception:", "at io.");
    }

    @Test
    void takenTooSoonAndPastAreRefusedWithCalcomsMessages() {
        assertThat(create(body("2026-03-26T09:00:00Z")).status()).isEqualTo(201);
        assertThat(create(body("2026-03-26T09:00:00Z")).status()).isEqualTo(201);

        SimHttp.Response taken = create(body("2026-03-26T09:00:00Z"));
        SimHttp.Response tooSoon = create(body("2026-03-25T08:30:00Z"));
        SimHttp.Response past = create(body("2026-03-25T07:30:00Z"));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().at("/error/message").asString())
                .isEqualTo("One of the hosts either already has booking at this time or is not available");
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().at("/error/message").asString())
                .startsWith(
                        "The event type can't be booked at the \"start\" time provided. This could be because it's too soon "
                                + "(violating the minimum booking notice) or too far in the future");
        assertThat(past.json().at("/error/message").asString()).isEqualTo("Attempting to book a meeting in the past.");
    }

    @Test
    void concurrentCreatesForTheSameHostAndTimeRaceToA409() {
        http.control("/_sim/config", "{\"latency\":{\"bookings\":{\"type\":\"fixed\",\"ms\":1500}}}");

        CompletableFuture<SimHttp.Response> first =
                http.sendAsync("POST", "/v2/bookings", body("2026-03-26T10:00:00Z"), bookings("cal_t"));
        CompletableFuture<SimHttp.Response> second =
                http.sendAsync("POST", "/v2/bookings", body("2026-03-26T10:00:00Z"), bookings("cal_t"));
        List<SimHttp.Response> both = List.of(first.join(), second.join());

        assertThat(both).extracting(SimHttp.Response::status).containsExactlyInAnyOrder(201, 409);
        SimHttp.Response conflict =
                both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.body()).isEqualTo("{\"statusCode\":409,\"message\":\"booking_conflict_error\"}");
    }

    /** calcom-teams.md section 4: reservations are advisory, RegularBookingService does not look at them. */
    @Test
    void aReservedSlotIsBookedWithOrWithoutTheReservationUid() {
        http.post("/v2/slots/reservations", "{\"eventTypeId\":10,\"slotStart\":\"2026-03-26T10:00:00Z\"}", slots());

        SimHttp.Response withoutUid = create(body("2026-03-26T10:00:00Z"));

        assertThat(withoutUid.status()).isEqualTo(201);
    }

    @Test
    void gettingAnUnknownBookingIsNotFound() {
        SimHttp.Response response = http.get("/v2/bookings/nope", bookings(null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("Booking with uid=nope was not found in the database");
    }

    @Test
    void cancelMarksTheBookingAndFreesItsTime() {
        String uid = create(body("2026-03-26T09:00:00Z")).json().at("/data/uid").asString();

        SimHttp.Response cancelled = http.post(
                "/v2/bookings/" + uid + "/cancel",
                "{\"cancellationReason\":\"Caller cancelled\",\"cancelSubsequentBookings\":false}",
                bookings("cal_t"));
        SimHttp.Response again = http.post("/v2/bookings/" + uid + "/cancel", "{}", bookings("cal_t"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().at("/data/status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().at("/data/cancellationReason").asString()).isEqualTo("Caller cancelled");
        assertThat(cancelled.json().at("/data/updatedAt").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/error/message").asString()).startsWith("Can't cancel booking with uid=" + uid);
        assertThat(http.get(
                                "/v2/slots?eventTypeSlug=cut&username=tina&start=2026-03-26T09:00:00Z"
                                        + "&end=2026-03-26T09:00:00Z",
                                slots())
                        .json()
                        .at("/data/2026-03-26/0/start")
                        .asString())
                .isEqualTo("2026-03-26T09:00:00.000Z");
    }

    @Test
    void rescheduleReturnsANewBookingAndCancelsTheOriginal() {
        String uid = create(body("2026-03-26T09:00:00Z")).json().at("/data/uid").asString();

        SimHttp.Response moved = http.post(
                "/v2/bookings/" + uid + "/reschedule",
                "{\"start\":\"2026-03-26T09:30:00.000Z\",\"reschedulingReason\":\"Running late\"}",
                bookings("cal_t"));
        JsonNode original =
                http.get("/v2/bookings/" + uid, bookings(null)).json().get("data");
        SimHttp.Response again = http.post(
                "/v2/bookings/" + uid + "/reschedule", "{\"start\":\"2026-03-26T10:30:00.000Z\"}", bookings("cal_t"));

        assertThat(moved.status()).isEqualTo(201);
        String newUid = moved.json().at("/data/uid").asString();
        assertThat(newUid).isNotEqualTo(uid);
        assertThat(moved.json().at("/data/rescheduledFromUid").asString()).isEqualTo(uid);
        assertThat(moved.json().at("/data/reschedulingReason").asString()).isEqualTo("Running late");
        assertThat(moved.json().at("/data/start").asString()).isEqualTo("2026-03-26T09:30:00.000Z");
        assertThat(original.get("status").asString()).isEqualTo("cancelled");
        assertThat(original.get("rescheduledToUid").asString()).isEqualTo(newUid);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/error/message").asString())
                .startsWith("Can't reschedule booking with uid=" + uid
                        + " because it has been cancelled and rescheduled already to booking with uid=" + newUid);
    }

    @Test
    void aMissingVersionReachesTheUnmodelledLegacyHandler() {
        SimHttp.Response legacy = http.post("/v2/bookings", body("2026-03-26T09:00:00Z"));
        SimHttp.Response slotsVersion = http.post("/v2/bookings", body("2026-03-26T09:00:00Z"), slots());
        SimHttp.Response legacyReschedule = http.post("/v2/bookings/x/reschedule", "{}");

        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.json().at("/error/message").asString()).isEqualTo("Bad Request Exception");
        assertThat(legacy.json().at("/error/details/errors/0/property").asString())
                .isEqualTo("cal-api-version");
        assertThat(slotsVersion.status()).isEqualTo(404);
        assertThat(slotsVersion.json().at("/error/message").asString()).isEqualTo("Cannot POST /v2/bookings");
        assertThat(legacyReschedule.status()).isEqualTo(404);
        assertThat(http.post(
                                "/v2/bookings",
                                body("2026-03-26T09:00:00Z"),
                                "cal-api-version",
                                "2026-02-25",
                                "Authorization",
                                "Bearer cal_t")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anUnknownApiKeyIsUnauthorizedEvenWhereAuthIsOptional() {
        SimHttp.Response response = http.post("/v2/bookings", body("2026-03-26T09:00:00Z"), bookings("cal_nope"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("UnauthorizedException");
        assertThat(response.json().at("/error/message").asString())
                .isEqualTo("ApiAuthStrategy - api key - Your api key is not valid");
        assertThat(http.post("/v2/bookings", body("2026-03-26T09:00:00Z"), bookings(null))
                        .status())
                .isEqualTo(201);
    }
}
