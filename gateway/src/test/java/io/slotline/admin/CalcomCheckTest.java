package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Cal.com check and the webhook subscriptions against a simulated salon set up wrong in each way the check
 * knows: a booking question the phone can't answer, confirmation required, a stylist without an event type of her
 * own, a service on an event type Cal.com doesn't list, webhooks missing, a key Cal.com refuses.
 */
class CalcomCheckTest extends AdminApiTestSupport {

    private static final String SALON = """
            {"tenants": [{"apiKey": "cal_check", "userId": 800, "name": "Check Salon", "username": "check-owner",
                          "teamId": 80, "teamSlug": "check-team", "timeZone": "Europe/Berlin"}],
             "hosts": [
               {"id": 81, "username": "cara", "name": "Cara", "timeZone": "Europe/Berlin",
                "schedule": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"]}},
               {"id": 82, "username": "dora", "name": "Dora", "timeZone": "Europe/Berlin",
                "schedule": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"]}}],
             "eventTypes": [
               {"id": 801, "ownerKey": "cal_check", "title": "Cut", "slug": "cut", "lengthInMinutes": 30,
                "hosts": ["cara", "dora"], "emailRequired": false, "requiredBookingFields": ["hairLength"]},
               {"id": 802, "ownerKey": "cal_check", "title": "Colour", "slug": "colour", "lengthInMinutes": 60,
                "hosts": ["cara", "dora"], "requiresConfirmation": true},
               {"id": 811, "ownerKey": "cal_check", "title": "Cut", "slug": "cut-stylist", "lengthInMinutes": 30,
                "schedulingType": "managed", "hosts": ["cara"], "emailRequired": false},
               {"id": 812, "ownerKey": "cal_check", "title": "Cut", "slug": "cut-stylist", "lengthInMinutes": 30,
                "hosts": ["cara"], "parentId": 811, "emailRequired": false}]}
            """;

    @Test
    void theCheckNamesEveryMisconfigurationAndWebhooksAreSubscribedWhereCalcomDeliversThem() throws Exception {
        sim("/_sim/scenario", SALON);
        // the key has custom rate limits (throttler-guard.ts): its headers are named after them
        sim("/_sim/config", """
                {"rateLimit": {"customLimits": {"cal_check": [
                  {"name": "burst", "limit": 500, "windowSeconds": 60, "blockSeconds": 60}]}}}
                """);
        long[] tenant = companyWithBranch(uniqueSlug("check"));
        String base = "/admin/api/companies/" + tenant[0];
        String slug = get(base).json().path("slug").asString();
        patch(base, Map.of("calcomApiKey", "cal_check"));
        post(base + "/staff", Map.of("name", "Cara", "branchId", tenant[1], "calcomUsername", "cara"));
        post(base + "/staff", Map.of("name", "Dora", "branchId", tenant[1], "calcomUsername", "dora"));
        Response synced = post(base + "/calcom/sync", null);
        assertThat(synced.json().path("created").asInt()).isEqualTo(2);
        assertThat(synced.json().path("webhooks").isObject())
                .as("no secret to sign them with yet")
                .isFalse();
        patch(base, Map.of("calcomWebhookSecret", "whsec_check"));
        post(base + "/services", Map.of("name", "Ghost", "durationMinutes", 30, "calcomEventTypeId", 899));
        // a webhook on the cut's team event type only, as an operator might have left it
        sim("/v2/teams/80/event-types/801/webhooks", """
                {"subscriberUrl": "http://localhost:%d/calcom/webhook?company=%s", "secret": "whsec_check",
                 "triggers": ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"]}
                """.formatted(port, slug), "Bearer cal_check");

        Response check = get(base + "/calcom/check");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("ok").asBoolean()).isFalse();
        List<String> errors = texts(check.json(), "ERROR");
        List<String> warnings = texts(check.json(), "WARNING");
        assertThat(errors).anyMatch(e -> e.startsWith("Service Cut: ") && e.contains("hairLength"));
        assertThat(errors)
                .anyMatch(e -> e.startsWith("Dora for Cut: ") && e.contains("no Cal.com event type of " + "their own"));
        assertThat(errors).anyMatch(e -> e.startsWith("Service Ghost: ") && e.contains("no event type 899"));
        assertThat(errors).anyMatch(e -> e.startsWith("Service Colour: ") && e.contains("don't reach Slotline"));
        assertThat(errors).anyMatch(e -> e.startsWith("Cara for Cut: ") && e.contains("event type 811"));
        assertThat(errors).noneMatch(e -> e.startsWith("Service Cut: ") && e.contains("don't reach Slotline"));
        assertThat(warnings).anyMatch(e -> e.startsWith("Service Colour: ") && e.contains("confirmation"));
        assertThat(warnings).anyMatch(e -> e.startsWith("Service Colour: ") && e.contains("requires an email"));
        assertThat(check.json().path("findings"))
                .allMatch(f -> !f.path("level").asString().equals("ERROR")
                        || !f.path("fix").asString().isBlank());
        assertThat(texts(check.json(), "OK"))
                .anyMatch(e -> e.startsWith("Rate limit: Rate-limit headers seen")
                        && e.contains("Burst allows this key 500 requests"));

        Response plan = post(base + "/calcom/webhooks?dryRun=true", null);
        Response subscribed = post(base + "/calcom/webhooks", null);
        Response again = post(base + "/calcom/webhooks", null);
        Response after = get(base + "/calcom/check");

        assertThat(plan.json().path("subscribed").asInt()).isEqualTo(2);
        assertThat(plan.json().path("present").asInt()).isEqualTo(1);
        assertThat(subscribed.json().path("items").findValuesAsString("action"))
                .containsExactlyInAnyOrder("PRESENT", "SUBSCRIBED", "SUBSCRIBED");
        assertThat(again.json().path("subscribed").asInt()).isZero();
        assertThat(again.json().path("present").asInt()).isEqualTo(3);
        assertThat(texts(after.json(), "ERROR")).noneMatch(e -> e.contains("don't reach Slotline"));
        JsonNode hooks = simGet("/v2/teams/80/event-types/811/webhooks", "Bearer cal_check")
                .path("data");
        assertThat(hooks.get(0).path("secret").asString()).isEqualTo("whsec_check");
        assertThat(hooks.get(0).path("triggers").toString()).contains("BOOKING_REQUESTED");

        // a new service in Cal.com: the sync that creates it subscribes its webhook too
        sim("/_sim/event-types", """
                {"id": 803, "ownerKey": "cal_check", "title": "Perm", "slug": "perm", "lengthInMinutes": 90,
                 "hosts": ["cara", "dora"], "emailRequired": false}
                """);
        Response resynced = post(base + "/calcom/sync", null);
        assertThat(resynced.json().path("created").asInt()).isEqualTo(1);
        assertThat(resynced.json().path("webhooks").path("items").findValuesAsString("action"))
                .contains("SUBSCRIBED");
        assertThat(simGet("/v2/teams/80/event-types/803/webhooks", "Bearer cal_check")
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    /** A seated event type: Cal.com shares one booking among callers, which phone booking can't do. */
    @Test
    void aSeatedEventTypeIsFlaggedBySyncAndCheck() throws Exception {
        sim("/_sim/scenario", """
                {"tenants": [{"apiKey": "cal_seats", "userId": 850, "name": "Seats Salon", "username": "seats-owner",
                              "teamId": 85, "teamSlug": "seats-team", "timeZone": "Europe/Berlin"}],
                 "hosts": [{"id": 86, "username": "eva", "name": "Eva", "timeZone": "Europe/Berlin",
                            "schedule": {"mon": ["09:00-17:00"]}},
                           {"id": 87, "username": "finn", "name": "Finn", "timeZone": "Europe/Berlin",
                            "schedule": {"mon": ["09:00-17:00"]}}],
                 "eventTypes": [
                   {"id": 851, "ownerKey": "cal_seats", "title": "Workshop", "slug": "workshop",
                    "lengthInMinutes": 60, "hosts": ["eva", "finn"], "emailRequired": false, "seatsPerTimeSlot": 4}]}
                """);
        long[] tenant = companyWithBranch(uniqueSlug("seats"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_seats"));

        Response synced = post(base + "/calcom/sync", null);
        Response check = get(base + "/calcom/check");

        assertThat(synced.json().path("items").get(0).path("warnings").get(0).asString())
                .contains("seated (4 seats per time slot)");
        assertThat(texts(check.json(), "ERROR"))
                .anyMatch(e -> e.startsWith("Service Workshop: ") && e.contains("is seated (4 seats per time slot)"));
    }

    /** A key whose user is in no team: "any stylist" can't be offered, and the check says how to set it up. */
    @Test
    void aUserWithoutATeamIsAWarningWithItsFix() throws Exception {
        sim("/_sim/scenario", """
                {"tenants": [{"apiKey": "cal_solo", "userId": 870, "name": "Solo", "username": "solo-owner",
                              "timeZone": "Europe/Berlin"}],
                 "hosts": [{"id": 870, "username": "solo-owner", "name": "Solo", "timeZone": "Europe/Berlin",
                            "schedule": {"mon": ["09:00-17:00"]}}],
                 "eventTypes": [{"id": 871, "ownerKey": "cal_solo", "title": "Cut", "slug": "cut",
                                 "lengthInMinutes": 30, "hosts": ["solo-owner"], "emailRequired": false}]}
                """);
        long[] tenant = companyWithBranch(uniqueSlug("solo"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_solo"));

        Response check = get(base + "/calcom/check");

        JsonNode team = java.util.stream.StreamSupport.stream(
                        check.json().path("findings").spliterator(), false)
                .filter(f -> f.path("subject").asString().equals("Team"))
                .findFirst()
                .orElseThrow();
        assertThat(team.path("level").asString()).isEqualTo("WARNING");
        assertThat(team.path("finding").asString()).contains("in no team");
        assertThat(team.path("fix").asString()).contains("round-robin event type");
    }

    /** A service in steps: each step's event type and each stylist's own for it are checked. */
    @Test
    void theStepsOfAServiceInStepsAreCheckedOneByOne() throws Exception {
        sim("/_sim/scenario", """
                {"tenants": [{"apiKey": "cal_steps", "userId": 890, "name": "Steps Salon", "username": "steps-owner",
                              "teamId": 88, "teamSlug": "steps-team", "timeZone": "Europe/Berlin"}],
                 "hosts": [{"id": 861, "username": "gina", "name": "Gina", "timeZone": "Europe/Berlin",
                            "schedule": {"mon": ["09:00-17:00"]}}],
                 "eventTypes": [
                   {"id": 891, "ownerKey": "cal_steps", "teamId": 88, "title": "Colour", "slug": "colour", "lengthInMinutes": 120,
                    "hosts": ["gina"], "emailRequired": false},
                   {"id": 892, "ownerKey": "cal_steps", "teamId": 88, "title": "Colour: apply", "slug": "colour-apply",
                    "lengthInMinutes": 45, "hosts": ["gina"], "emailRequired": false, "hidden": true},
                   {"id": 893, "ownerKey": "cal_steps", "title": "Colour: apply", "slug": "colour-apply-stylist",
                    "lengthInMinutes": 45, "schedulingType": "managed", "hosts": ["gina"], "emailRequired": false},
                   {"id": 894, "ownerKey": "cal_steps", "title": "Colour: apply", "slug": "colour-apply-stylist",
                    "lengthInMinutes": 45, "hosts": ["gina"], "parentId": 893, "emailRequired": false},
                   {"id": 895, "ownerKey": "cal_steps", "teamId": 88, "title": "Colour: wash", "slug": "colour-wash",
                    "lengthInMinutes": 30, "hosts": ["gina"], "emailRequired": false}]}
                """);
        long[] tenant = companyWithBranch(uniqueSlug("check-steps"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_steps"));
        post(base + "/staff", Map.of("name", "Gina", "branchId", tenant[1], "calcomUsername", "gina"));
        Response firstSync = post(base + "/calcom/sync", null);
        assertThat(firstSync.json().path("created").asInt())
                .as(firstSync.body())
                .isEqualTo(2);
        long colour = get(base + "/services").json().get(0).path("id").asLong();
        Response stepped = patch(
                base + "/services/" + colour,
                Map.of(
                        "steps",
                        List.of(
                                Map.of(
                                        "name",
                                        "Apply",
                                        "calcomEventTypeId",
                                        892,
                                        "durationMinutes",
                                        45,
                                        "pauseMinMinutes",
                                        30,
                                        "pauseMaxMinutes",
                                        45),
                                Map.of("name", "Wash", "calcomEventTypeId", 895, "durationMinutes", 45),
                                Map.of("name", "Gone", "calcomEventTypeId", 899, "durationMinutes", 15))));
        assertThat(stepped.status()).as(stepped.body()).isEqualTo(200);
        post(base + "/calcom/sync", null);

        Response check = get(base + "/calcom/check");

        List<String> errors = texts(check.json(), "ERROR");
        List<String> warnings = texts(check.json(), "WARNING");
        assertThat(texts(check.json(), "OK"))
                .contains("Service Colour, step 1 (Apply): 1 stylist(s) can do this " + "step.");
        assertThat(warnings)
                .anyMatch(w -> w.startsWith("Service Colour, step 2 (Wash): ") && w.contains("not " + "hidden"));
        assertThat(warnings)
                .anyMatch(w -> w.startsWith("Service Colour, step 2 (Wash): Gina has no Cal.com event "
                        + "type of their own for this step"));
        assertThat(errors).anyMatch(e -> e.startsWith("Service Colour, step 2 (Wash): No stylist"));
        assertThat(errors).anyMatch(e -> e.startsWith("Service Colour, step 3 (Gone): ") && e.contains("899"));
    }

    @Test
    void aKeyCalcomRefusesIsTheOnlyFinding() {
        long[] tenant = companyWithBranch(uniqueSlug("check-bad-key"));
        String base = "/admin/api/companies/" + tenant[0];
        Response noKey = get(base + "/calcom/check");
        patch(base, Map.of("calcomApiKey", "cal_refused_9876"));

        Response refused = get(base + "/calcom/check");

        assertThat(texts(noKey.json(), "ERROR"))
                .containsExactly("Cal.com API key: The company has no Cal.com API " + "key.");
        assertThat(texts(refused.json(), "ERROR"))
                .containsExactly("Cal.com API key: Cal.com refuses the company's " + "API key.");
        assertThat(refused.body()).doesNotContain("cal_refused_9876");
    }

    private static List<String> texts(JsonNode report, String level) {
        return java.util.stream.StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> f.path("level").asString().equals(level))
                .map(f ->
                        f.path("subject").asString() + ": " + f.path("finding").asString())
                .toList();
    }

    private JsonNode sim(String path, String body, String... authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization.length > 0) {
            request.header("Authorization", authorization[0]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private JsonNode simGet(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + path))
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
