package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.RetellClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * A business onboarded from nothing through the admin API (company with keys, branch, number, staff, services
 * synced from the simulator's cal_other account) answers a signed Retell function call for its new number.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnboardingEndToEndTest extends AdminApiTestSupport {

    @Test
    void aTenantCreatedThroughTheApiAnswersASignedFunctionCall(CapturedOutput output) throws Exception {
        String retellKey = "key_e2e_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_e2e_" + UUID.randomUUID().toString().replace("-", "");
        String number = randomE164();

        Response company = post(
                "/admin/api/companies",
                Map.of(
                        "slug",
                        uniqueSlug("other-cuts"),
                        "name",
                        "Other Cuts",
                        "language",
                        "en",
                        "defaultTimeZone",
                        "Europe/London",
                        "calcomApiKey",
                        "cal_other",
                        "calcomWebhookSecret",
                        webhookSecret,
                        "retellApiKey",
                        retellKey));
        assertThat(company.status()).isEqualTo(201);
        long companyId = id(company);
        String base = "/admin/api/companies/" + companyId;
        long branchId = id(post(base + "/branches", Map.of("name", "London", "timeZone", "Europe/London")));
        assertThat(post(base + "/phone-numbers", Map.of("e164", number, "branchId", branchId))
                        .status())
                .isEqualTo(201);
        long carl = id(post(
                base + "/staff",
                Map.of("name", "Carl", "branchId", branchId, "calcomUsername", "carl-other", "calcomUserId", 601)));

        Response plan = post(base + "/calcom/sync?dryRun=true", null);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json().path("created").asInt()).isEqualTo(1);
        assertThat(plan.json().path("items").get(0).path("eventTypeId").asLong())
                .isEqualTo(2001);
        assertThat(plan.json().path("items").get(0).path("staffLinked").toString())
                .isEqualTo("[\"Carl\"]");
        assertThat(get(base + "/services").json().isEmpty()).isTrue();

        Response synced = post(base + "/calcom/sync", null);
        assertThat(synced.json().path("created").asInt()).isEqualTo(1);
        JsonNode haircut = get(base + "/services").json().get(0);
        assertThat(haircut.path("name").asString()).isEqualTo("Haircut");
        assertThat(haircut.path("calcomEventTypeId").asLong()).isEqualTo(2001);
        assertThat(haircut.path("calcomEventTypeSlug").asString()).isEqualTo("haircut");
        assertThat(haircut.path("durationMinutes").asInt()).isEqualTo(30);
        assertThat(haircut.path("staffIds").get(0).asLong()).isEqualTo(carl);
        Response again = post(base + "/calcom/sync", null);
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().path("staffLinked").asInt()).isZero();

        String callId = "call_e2e_" + UUID.randomUUID();
        String body = json.writeValueAsString(Map.of(
                "name",
                "get_current_context",
                "args",
                Map.of(),
                "call",
                Map.of(
                        "call_id",
                        callId,
                        "agent_id",
                        "agent_e2e",
                        "call_type",
                        "phone_call",
                        "call_status",
                        "ongoing",
                        "direction",
                        "inbound",
                        "from_number",
                        "+447700900123",
                        "to_number",
                        number,
                        "start_timestamp",
                        System.currentTimeMillis())));

        RetellClient.Response answer = functionCall(body, retellKey);
        RetellClient.Response forged = functionCall(body, "key_someone_else");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = json.readTree(answer.body());
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("company_name").asString()).isEqualTo("Other Cuts");
        assertThat(result.path("branch_name").asString()).isEqualTo("London");
        assertThat(result.path("time_zone").asString()).isEqualTo("Europe/London");
        assertThat(result.path("services").asString()).isEqualTo("Haircut");
        assertThat(forged.status()).isEqualTo(401);

        Response calls = get("/admin/api/calls?companyId=" + companyId);
        assertThat(calls.json().path("items").findValuesAsString("retellCallId"))
                .containsExactly(callId);
        long storedCallId = calls.json().path("items").get(0).path("id").asLong();
        assertThat(get("/admin/api/calls/" + storedCallId)
                        .json()
                        .path("functionCalls")
                        .findValuesAsString("functionName"))
                .containsExactly("get_current_context");

        Map<String, Object> raw = jdbc.sql("SELECT calcom_api_key_enc, calcom_webhook_secret_enc, retell_api_key_enc "
                        + "FROM companies WHERE id = ?")
                .param(companyId)
                .query()
                .singleRow();
        for (Object column : raw.values()) {
            assertThat(String.valueOf(column))
                    .isNotBlank()
                    .doesNotContain("cal_other")
                    .doesNotContain(webhookSecret)
                    .doesNotContain(retellKey);
        }
        for (Response response : List.of(company, plan, synced, again, get(base), get("/admin/api/companies"))) {
            assertThat(response.body())
                    .doesNotContain("cal_other")
                    .doesNotContain(webhookSecret)
                    .doesNotContain(retellKey);
        }
        assertThat(output.getAll())
                .doesNotContain("cal_other")
                .doesNotContain(webhookSecret)
                .doesNotContain(retellKey);
    }

    @Test
    void syncWithoutACalcomKeyIs409AndAWrongKeyIs502() {
        long[] tenant = companyWithBranch(uniqueSlug("no-key"));
        String base = "/admin/api/companies/" + tenant[0];

        Response withoutKey = post(base + "/calcom/sync", null);
        patch(base, Map.of("calcomApiKey", "cal_not_a_real_key_1234"));
        Response wrongKey = post(base + "/calcom/sync", null);

        assertThat(withoutKey.status()).isEqualTo(409);
        assertThat(withoutKey.error()).isEqualTo("calcom_not_configured");
        assertThat(withoutKey.field()).isEqualTo("calcomApiKey");
        assertThat(wrongKey.status()).isEqualTo(502);
        assertThat(wrongKey.error()).isEqualTo("calcom_unauthorized");
        assertThat(wrongKey.body()).doesNotContain("cal_not_a_real_key_1234");
        assertThat(get(base + "/services").json().isEmpty()).isTrue();
    }

    @Test
    void syncOfTheTeamSalonCreatesEveryServiceAndGivesEachStylistTheirOwnEventType() {
        long[] tenant = companyWithBranch(uniqueSlug("team-salon"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_demo"));
        post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1], "calcomUsername", "anna-demo"));
        post(base + "/staff", Map.of("name", "Ben", "branchId", tenant[1], "calcomUsername", "Ben-Demo"));

        Response synced = post(base + "/calcom/sync", null);
        Response again = post(base + "/calcom/sync", null);

        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.json().path("calcomUser").asString()).isEqualTo("demo-salon");
        assertThat(synced.json().path("teams").toString()).isEqualTo("[\"demo-salon\"]");
        assertThat(synced.json().path("created").asInt())
                .as("the three round-robin types; managed parents aren't " + "services")
                .isEqualTo(3);
        assertThat(synced.json().path("staffLinked").asInt()).isEqualTo(6);
        JsonNode mens = synced.json().path("items").get(0);
        assertThat(mens.path("eventTypeId").asLong()).isEqualTo(1001);
        assertThat(mens.path("staffCalendars").toString()).isEqualTo("[\"Anna: 1111\",\"Ben: 1121\"]");
        assertThat(get(base + "/services").json().findValuesAsString("name"))
                .containsExactlyInAnyOrder("Herrenhaarschnitt", "Damenhaarschnitt", "Färben");
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(3);
        assertThat(again.json().path("orphaned").asInt()).isZero();
        long serviceId = get(base + "/services").json().get(0).path("id").asLong();
        assertThat(jdbc.sql("SELECT calcom_event_type_id FROM service_staff WHERE service_id = ? ORDER BY staff_id")
                        .param(serviceId)
                        .query(Long.class)
                        .list())
                .containsExactly(1111L, 1121L);
        assertThat(jdbc.sql("SELECT calcom_team_id FROM services WHERE id = ?")
                        .param(serviceId)
                        .query(Long.class)
                        .single())
                .isEqualTo(900L);
    }

    @Test
    void syncFillsInEachStylistsOwnEventTypeOfEveryStepOfAServiceInSteps() {
        long[] tenant = companyWithBranch(uniqueSlug("steps-salon"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_demo"));
        post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1], "calcomUsername", "anna-demo"));
        post(base + "/staff", Map.of("name", "Ben", "branchId", tenant[1], "calcomUsername", "ben-demo"));
        Response first = post(base + "/calcom/sync", null);
        // the hidden step event types are no services of their own
        assertThat(first.json().path("created").asInt()).isEqualTo(3);
        long colouring = java.util.stream.StreamSupport.stream(
                        get(base + "/services").json().spliterator(), false)
                .filter(service -> service.path("name").asString().equals("Färben"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        // the operator names the steps' event types; their lengths and the stylists' own types come from Cal.com
        Response stepped = patch(
                base + "/services/" + colouring,
                Map.of(
                        "steps",
                        List.of(
                                Map.of(
                                        "name",
                                        "Farbe",
                                        "calcomEventTypeId",
                                        1004,
                                        "durationMinutes",
                                        30,
                                        "pauseMinMinutes",
                                        30,
                                        "pauseMaxMinutes",
                                        60),
                                Map.of("name", "Waschen", "calcomEventTypeId", 1005, "durationMinutes", 45))));
        assertThat(stepped.status()).as(stepped.body()).isEqualTo(200);

        Response synced = post(base + "/calcom/sync", null);
        Response again = post(base + "/calcom/sync", null);

        JsonNode item = java.util.stream.StreamSupport.stream(
                        synced.json().path("items").spliterator(), false)
                .filter(i -> i.path("serviceName").asString().equals("Färben"))
                .findFirst()
                .orElseThrow();
        assertThat(item.path("action").asString()).isEqualTo("UPDATE");
        assertThat(item.path("changes").toString())
                .contains("steps[0].durationMinutes 30 -> 45")
                .contains("steps[0].calcomEventTypeSlug null -> faerben-farbe");
        assertThat(item.path("staffCalendars").toString()).contains("Anna: steps[0] 1114", "Ben: steps[1] 1125");
        JsonNode steps = get(base + "/services/" + colouring).json().path("steps");
        assertThat(steps.at("/0/durationMinutes").asInt()).isEqualTo(45);
        assertThat(steps.at("/0/calcomTeamId").asLong()).isEqualTo(900L);
        assertThat(steps.at("/0/staffEventTypes").findValuesAsString("slug"))
                .containsExactly("faerben-farbe-stylist", "faerben-farbe-stylist");
        assertThat(steps.at("/1/staffEventTypes").findValues("eventTypeId"))
                .extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(1115L, 1125L);
        assertThat(steps.at("/0/pauseMaxMinutes").asInt())
                .as("the pause is the operator's")
                .isEqualTo(60);
        assertThat(again.json().path("updated").asInt()).isZero();
        assertThat(again.json().path("created").asInt()).isZero();
    }

    @Test
    void syncMatchesExistingServicesByNameAndFillsInTheEventType() {
        long[] tenant = companyWithBranch(uniqueSlug("by-name"));
        String base = "/admin/api/companies/" + tenant[0];
        patch(base, Map.of("calcomApiKey", "cal_demo"));
        long cut = id(post(
                base + "/services",
                Map.of(
                        "name",
                        "herrenhaarschnitt",
                        "durationMinutes",
                        25,
                        "synonyms",
                        List.of("Herrenschnitt"),
                        "priceCents",
                        2500)));

        Response synced = post(base + "/calcom/sync", null);

        JsonNode service = get(base + "/services/" + cut).json();
        assertThat(synced.json().path("updated").asInt()).isEqualTo(1);
        assertThat(synced.json().path("created").asInt()).isEqualTo(2);
        assertThat(service.path("calcomEventTypeId").asLong()).isEqualTo(1001);
        assertThat(service.path("durationMinutes").asInt()).isEqualTo(30);
        assertThat(service.path("name").asString()).isEqualTo("herrenhaarschnitt");
        assertThat(service.path("priceCents").asInt()).isEqualTo(2500);
        assertThat(service.path("synonyms").get(0).asString()).isEqualTo("Herrenschnitt");
    }

    private RetellClient.Response functionCall(String body, String key) {
        return new RetellClient(() -> port, Clock.systemUTC())
                .signed("/retell/functions/get_current_context", body, key);
    }
}
