package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Booking rules of a team's Cal.com, each test naming the Cal.com source it follows. */
class TeamRulesTest extends SimulatorTestSupport {

    private static SimHttp.Response create(String body, String key) {
        return http.post("/v2/bookings", body, bookings(key));
    }

    @Test
    void slugAndUsernameResolveOnlyTheUsersOwnEventTypes() {
        // slots-input.service.ts / bookings input.service.ts: getUserEventTypeBySlug(userId, slug)
        SimHttp.Response teamSlots =
                http.get("/v2/slots?eventTypeSlug=consult&username=tina&start=2026-03-26" + "&end=2026-03-26", slots());
        SimHttp.Response ownSlots =
                http.get("/v2/slots?eventTypeSlug=cut&username=tina&start=2026-03-26" + "&end=2026-03-26", slots());
        SimHttp.Response teamBooking = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeSlug": "consult", "username": "tina",
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """, "cal_t");

        assertThat(teamSlots.status()).isEqualTo(404);
        assertThat(teamSlots.json().at("/error/message").asString()).isEqualTo("Event Type not found");
        assertThat(ownSlots.status()).isEqualTo(200);
        assertThat(teamBooking.status()).isEqualTo(404);
    }

    @Test
    void theDefaultEmailFieldIsRequiredSoAPhoneOnlyAttendeeIsRefused() {
        // getBookingResponsesSchema.ts: "{email}error_required_field"; event type 10 made email optional
        String phoneOnly = """
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Max", "phoneNumber": "+4915112345678", "timeZone": "Europe/Berlin"}}
                """;
        SimHttp.Response refused = create(phoneOnly.formatted(13), "cal_t");
        SimHttp.Response accepted = create(phoneOnly.formatted(10), "cal_t");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asString()).isEqualTo("{email}error_required_field");
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void requiredBookingQuestionsAndARequiredPhoneAreChecked() {
        // bookings.service.ts hasRequiredBookingFieldsResponses
        http.control("/_sim/event-types", """
                {"id": 15, "ownerKey": "cal_t", "title": "Perm", "slug": "perm", "lengthInMinutes": 30,
                 "hosts": ["tina", "tom"], "phoneRequired": true, "requiredBookingFields": ["hairLength"]}
                """);
        String base = """
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 15,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"%s}%s}
                """;

        SimHttp.Response noPhone = create(base.formatted("", ""), "cal_t");
        SimHttp.Response noAnswer = create(base.formatted(", \"phoneNumber\": \"+4915112345678\"", ""), "cal_t");
        SimHttp.Response complete = create(
                base.formatted(
                        ", \"phoneNumber\": \"+4915112345678\"",
                        ", \"bookingFieldsResponses\": {\"hairLength\": \"long\"}"),
                "cal_t");

        assertThat(noPhone.json().at("/error/message").asString()).startsWith("Missing attendee phone number");
        assertThat(noAnswer.json().at("/error/message").asString())
                .startsWith("Missing required booking field response: hairLength");
        assertThat(complete.status()).isEqualTo(201);
    }

    @Test
    void aManagedParentCannotBeBookedItsChildrenCan() {
        // bookings.service.ts: the parent managed event type can't be booked; slots.controller.ts: no usable slots
        http.control("/_sim/reset", "{\"scenario\":\"demo\"}");
        String body = """
                {"start": "2026-03-30T08:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """;

        SimHttp.Response parent = create(body.formatted(1101), "cal_demo");
        SimHttp.Response parentSlots = http.get("/v2/slots?eventTypeId=1101&start=2026-03-30&end=2026-03-30", slots());
        SimHttp.Response child = create(body.formatted(1121), "cal_demo");

        assertThat(parent.status()).isEqualTo(400);
        assertThat(parent.json().at("/error/message").asString()).contains("is the parent managed event type");
        assertThat(parentSlots.json().get("data").size()).isZero();
        assertThat(child.status()).as(child.body()).isEqualTo(201);
        assertThat(child.json().at("/data/hosts/0/username").asString()).isEqualTo("ben-demo");
    }

    @Test
    void slotTakenSpeaksOfTheHostsForTeamsAndOfTheUserOtherwise() {
        // errors.service.ts maps no_available_users_found_error to these two texts
        String body = """
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """;
        create(body.formatted(11), "cal_t");
        create(body.formatted(12), "cal_t");

        SimHttp.Response team = create(body.formatted(10), "cal_t");
        SimHttp.Response user = create(body.formatted(11), "cal_t");

        assertThat(team.json().at("/error/message").asString())
                .isEqualTo("One of the hosts either already has booking at this time or is not available");
        assertThat(user.json().at("/error/message").asString())
                .isEqualTo("User either already has booking at this time or is not available");
        assertThat(team.json().at("/error/code").asString()).isEqualTo("BadRequestException");
    }

    @Test
    void theHostMustGiveACancellationReasonAndGetsNestsPlainBody() {
        // handleCancelBooking.ts / cancellationReason.ts: MANDATORY_HOST_ONLY by default
        String uid = create("""
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 20,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/London"}}
                """, "cal_u").json().at("/data/uid").asString();

        SimHttp.Response byHost = http.post("/v2/bookings/" + uid + "/cancel", "{}", bookings("cal_u"));
        SimHttp.Response byAttendee = http.post("/v2/bookings/" + uid + "/cancel", "{}", bookings(null));

        assertThat(byHost.status()).isEqualTo(400);
        assertThat(byHost.json().get("statusCode").asInt()).isEqualTo(400);
        assertThat(byHost.json().get("message").asString()).isEqualTo("Cancellation reason is required");
        assertThat(byHost.json().has("status")).isFalse();
        assertThat(byAttendee.status()).isEqualTo(200);
    }

    @Test
    void aRoundRobinRescheduleMayMoveToAnotherHostUnlessTheSameHostIsKept() {
        // filterHostsBySameRoundRobinHost.ts
        http.control("/_sim/event-types", """
                {"id": 16, "ownerKey": "cal_t", "title": "Same", "slug": "same", "lengthInMinutes": 30,
                 "hosts": ["tina", "tom"], "rescheduleWithSameRoundRobinHost": true}
                """);
        String body = """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """;
        String free = create(body.formatted("2026-03-26T09:00:00Z", 10), "cal_t")
                .json()
                .at("/data/uid")
                .asString();
        String same = create(body.formatted("2026-03-27T09:00:00Z", 16), "cal_t")
                .json()
                .at("/data/uid")
                .asString();
        String freeHost = http.get("/v2/bookings/" + free, bookings(null))
                .json()
                .at("/data/hosts/0/username")
                .asString();
        String sameHost = http.get("/v2/bookings/" + same, bookings(null))
                .json()
                .at("/data/hosts/0/username")
                .asString();
        // each original host is busy at the new time with their own event type
        create(body.formatted("2026-03-26T10:00:00Z", freeHost.equals("tina") ? 11 : 12), "cal_t");
        create(body.formatted("2026-03-27T10:00:00Z", sameHost.equals("tina") ? 11 : 12), "cal_t");

        SimHttp.Response moved = http.post(
                "/v2/bookings/" + free + "/reschedule", "{\"start\":\"2026-03-26T10:00:00Z\"}", bookings("cal_t"));
        SimHttp.Response kept = http.post(
                "/v2/bookings/" + same + "/reschedule", "{\"start\":\"2026-03-27T10:00:00Z\"}", bookings("cal_t"));

        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.json().at("/data/hosts/0/username").asString()).isNotEqualTo(freeHost);
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.json().at("/error/message").asString())
                .isEqualTo("User either already has booking at this time or is not available");
    }
}
