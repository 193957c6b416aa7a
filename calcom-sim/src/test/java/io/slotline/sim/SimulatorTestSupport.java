package io.slotline.sim;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class with a frozen clock: Wednesday 2026-03-25, 09:00 in Berlin (08:00 UTC). Before every
 * test the data is the "test salon": tenant cal_t (user 900 owning team 90 "t-team", hosts tina and tom, Berlin,
 * Mon-Fri 09:00-12:00; round-robin team event type 10 "Cut" 30 min, notice 60, email optional as a phone salon sets
 * it; tina's and tom's own "cut" event types 11 and 12; team event type 13 "Consult" with Cal.com's default booking
 * fields) and tenant cal_u (the key of host uwe, user 3, with personal event type 20), with default config and no webhooks.
 */
abstract class SimulatorTestSupport {

    static final Instant NOW = Instant.parse("2026-03-25T08:00:00Z");
    static final String SALON = """
            {"reset": true,
             "tenants": [{"apiKey": "cal_t", "userId": 900, "name": "Test Salon", "teamId": 90, "teamSlug": "t-team"},
                         {"apiKey": "cal_u", "userId": 3, "name": "Uwe", "username": "uwe"}],
             "hosts": [
               {"id": 1, "username": "tina", "name": "Tina", "timeZone": "Europe/Berlin",
                "schedule": {"mon": ["09:00-12:00"], "tue": ["09:00-12:00"], "wed": ["09:00-12:00"],
                             "thu": ["09:00-12:00"], "fri": ["09:00-12:00"]}},
               {"id": 2, "username": "tom", "name": "Tom", "timeZone": "Europe/Berlin",
                "schedule": {"mon": ["09:00-12:00"], "tue": ["09:00-12:00"], "wed": ["09:00-12:00"],
                             "thu": ["09:00-12:00"], "fri": ["09:00-12:00"]}},
               {"id": 3, "username": "uwe", "name": "Uwe", "timeZone": "Europe/London",
                "schedule": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                             "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}],
             "eventTypes": [
               {"id": 10, "ownerKey": "cal_t", "title": "Cut", "slug": "cut", "lengthInMinutes": 30,
                "slotInterval": 30, "minimumBookingNotice": 60, "hosts": ["tina", "tom"], "emailRequired": false,
                "location": "Teststraße 1, Berlin"},
               {"id": 11, "ownerKey": "cal_t", "title": "Cut", "slug": "cut", "lengthInMinutes": 30,
                "slotInterval": 30, "minimumBookingNotice": 60, "hosts": ["tina"], "emailRequired": false,
                "location": "Teststraße 1, Berlin"},
               {"id": 12, "ownerKey": "cal_t", "title": "Cut", "slug": "cut", "lengthInMinutes": 30,
                "slotInterval": 30, "minimumBookingNotice": 60, "hosts": ["tom"], "emailRequired": false,
                "location": "Teststraße 1, Berlin"},
               {"id": 13, "ownerKey": "cal_t", "title": "Consult", "slug": "consult", "lengthInMinutes": 30,
                "schedulingType": "roundRobin", "hosts": ["tina", "tom"]},
               {"id": 20, "ownerKey": "cal_u", "title": "Other", "slug": "other", "lengthInMinutes": 30,
                "hosts": ["uwe"]}]}
            """;

    static CalcomSimulator simulator;
    static SimHttp http;

    @BeforeAll
    static void startSimulator() {
        simulator = CalcomSimulator.start(
                SimOptions.defaults().withScenario("empty").withFixedNow(NOW));
        http = new SimHttp(simulator.baseUrl());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void freshSalon() {
        http.control("/_sim/clock", "{\"now\":\"" + NOW + "\"}");
        http.control("/_sim/reset", "{\"scenario\":\"empty\",\"config\":true,\"webhooks\":true}");
        http.control("/_sim/scenario", SALON);
    }

    /** Books through the control API (no latency, no rate limit) and returns the booking. */
    static tools.jackson.databind.JsonNode book(int eventTypeId, String start, String name, String email) {
        SimHttp.Response response = http.post("/_sim/bookings", """
                {"eventTypeId": %d, "start": "%s",
                 "attendee": {"name": "%s", "email": "%s", "timeZone": "Europe/Berlin"}}
                """.formatted(eventTypeId, start, name, email));
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json().get("data");
    }
}
