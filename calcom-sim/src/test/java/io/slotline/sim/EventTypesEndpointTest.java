package io.slotline.sim;

import static io.slotline.sim.SimHttp.eventTypes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Listings as Cal.com's controllers route them: event-types.controller.ts (2024-06-14) lists the key's user's own
 * event types or a named user's; teams-event-types.controller.ts a team's; me.controller.ts and teams.controller.ts
 * the user and their teams.
 */
class EventTypesEndpointTest extends SimulatorTestSupport {

    @Test
    void aKeyListsOnlyItsUsersOwnEventTypesNeverTheTeams() {
        SimHttp.Response team = http.get("/v2/event-types", eventTypes("cal_t"));
        SimHttp.Response personal = http.get("/v2/event-types", eventTypes("cal_u"));

        assertThat(team.status()).as("nothing of its own is 200 [], not 404").isEqualTo(200);
        assertThat(team.json().get("data").size()).isZero();
        assertThat(personal.json().get("data"))
                .extracting(e -> e.get("id").asInt())
                .containsExactly(20);
        assertThat(personal.json().at("/data/0/ownerId").asInt()).isEqualTo(3);
        assertThat(personal.json().at("/data/0").has("schedulingType")).isFalse();
    }

    @Test
    void aNamedUsersEventTypesAndOneBySlug() {
        JsonNode tinas = http.get("/v2/event-types?username=tina", eventTypes("cal_t"))
                .json()
                .get("data");
        JsonNode bySlug = http.get("/v2/event-types?username=tom&eventSlug=cut", eventTypes("cal_t"))
                .json()
                .get("data");
        JsonNode none = http.get("/v2/event-types?username=tom&eventSlug=consult", eventTypes("cal_t"))
                .json()
                .get("data");

        assertThat(tinas).extracting(e -> e.get("id").asInt()).containsExactly(11);
        assertThat(bySlug).extracting(e -> e.get("id").asInt()).containsExactly(12);
        assertThat(none.size()).as("the team's consult is not tom's own").isZero();
    }

    @Test
    void theTeamListsItsEventTypesWithCamelCaseSchedulingTypeAndHosts() {
        SimHttp.Response response = http.get("/v2/teams/90/event-types", "cal-api-version", "2024-06-14");

        assertThat(response.status()).isEqualTo(200);
        JsonNode cut = response.json().at("/data/0");
        assertThat(response.json().get("data"))
                .extracting(e -> e.get("id").asInt())
                .containsExactly(10, 13);
        assertThat(cut.get("schedulingType").asString()).isEqualTo("roundRobin");
        assertThat(cut.get("teamId").asInt()).isEqualTo(90);
        assertThat(cut.get("slotInterval").asInt()).isEqualTo(30);
        assertThat(cut.get("minimumBookingNotice").asInt()).isEqualTo(60);
        assertThat(cut.get("hosts"))
                .extracting(h -> h.get("username").asString())
                .containsExactly("tina", "tom");
        assertThat(cut.at("/hosts/0/priority").asString()).isEqualTo("medium");
        assertThat(cut.at("/team/slug").asString()).isEqualTo("t-team");
        assertThat(cut.at("/locations/0/address").asString()).isEqualTo("Teststraße 1, Berlin");
        JsonNode consult = response.json().at("/data/1");
        assertThat(consult.get("bookingFields"))
                .filteredOn(f -> f.get("slug").asString().equals("email"))
                .extracting(f -> f.get("required").asBoolean())
                .as("Cal.com's default")
                .containsExactly(true);
        assertThat(http.get("/v2/teams/90/event-types?eventSlug=consult", "cal-api-version", "2024-06-14")
                        .json()
                        .get("data"))
                .extracting(e -> e.get("id").asInt())
                .containsExactly(13);
    }

    @Test
    void oneEventTypeByIdIsTheUsersOwnOnlyTeamTypesAreReadUnderTheTeam() {
        SimHttp.Response own = http.get("/v2/event-types/20", eventTypes("cal_u"));
        SimHttp.Response teamType = http.get("/v2/event-types/10", eventTypes("cal_t"));
        SimHttp.Response underTeam = http.get("/v2/teams/90/event-types/10", eventTypes("cal_t"));
        SimHttp.Response otherTeam = http.get("/v2/teams/90/event-types/10", eventTypes("cal_u"));

        assertThat(own.json().at("/data/id").asInt()).isEqualTo(20);
        assertThat(teamType.status()).as("getUserEventType(userId, id)").isEqualTo(404);
        assertThat(teamType.json().at("/error/message").asString()).isEqualTo("Event type with id 10 not found");
        assertThat(underTeam.json().at("/data/schedulingType").asString()).isEqualTo("roundRobin");
        assertThat(otherTeam.status()).isEqualTo(403);
    }

    @Test
    void meTeamsAndMemberships() {
        JsonNode me = http.get("/v2/me", "Authorization", "Bearer cal_t").json().get("data");
        JsonNode teams =
                http.get("/v2/teams", "Authorization", "Bearer cal_t").json().get("data");
        JsonNode members = http.get("/v2/teams/90/memberships", "Authorization", "Bearer cal_t")
                .json()
                .get("data");
        JsonNode noTeams =
                http.get("/v2/teams", "Authorization", "Bearer cal_u").json().get("data");

        assertThat(me.get("id").asInt()).isEqualTo(900);
        assertThat(me.get("organizationId").isNull()).isTrue();
        assertThat(teams).extracting(t -> t.get("slug").asString()).containsExactly("t-team");
        assertThat(members)
                .extracting(m ->
                        m.at("/user/username").asString() + ":" + m.get("role").asString())
                .containsExactly("cal-t:OWNER", "tina:MEMBER", "tom:MEMBER");
        assertThat(noTeams.size()).isZero();
    }

    @Test
    void eventTypesNeedAKeyAndTheirVersion() {
        SimHttp.Response anonymous = http.get("/v2/event-types", "cal-api-version", "2024-06-14");
        SimHttp.Response legacy = http.get("/v2/event-types", "Authorization", "Bearer cal_t");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.json().at("/error/details/errors/0/property").asString())
                .isEqualTo("cal-api-version");
    }

    @Test
    void theDemoSalonIsATeamWithRoundRobinAndManagedEventTypesAndAChildPerStylist() {
        http.control("/_sim/reset", "{\"scenario\":\"demo\"}");

        JsonNode team = http.get("/v2/teams/900/event-types", "cal-api-version", "2024-06-14")
                .json()
                .get("data");
        JsonNode annas = http.get("/v2/event-types?username=anna-demo", eventTypes("cal_demo"))
                .json()
                .get("data");

        assertThat(team)
                .extracting(
                        e -> e.get("id").asInt() + ":" + e.get("schedulingType").asString())
                .containsExactly(
                        "1001:roundRobin",
                        "1002:roundRobin",
                        "1003:roundRobin",
                        "1004:roundRobin",
                        "1005:roundRobin",
                        "1101:managed",
                        "1102:managed",
                        "1103:managed",
                        "1104:managed",
                        "1105:managed");
        assertThat(team.get(2).get("afterEventBuffer").asInt()).isEqualTo(10);
        assertThat(annas).extracting(e -> e.get("id").asInt()).containsExactly(1111, 1112, 1113, 1114, 1115);
        assertThat(annas)
                .extracting(e -> e.get("title").asString())
                .containsExactly(
                        "Herrenhaarschnitt",
                        "Damenhaarschnitt",
                        "Färben",
                        "Färben: Farbe auftragen",
                        "Färben: Waschen und Föhnen");
        assertThat(http.get("/v2/event-types", eventTypes("cal_demo"))
                        .json()
                        .get("data")
                        .size())
                .isZero();
        assertThat(http.get("/v2/event-types", eventTypes("cal_other"))
                        .json()
                        .at("/data/0/slug")
                        .asString())
                .isEqualTo("haircut");
    }
}
