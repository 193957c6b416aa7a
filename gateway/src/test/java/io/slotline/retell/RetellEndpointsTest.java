package io.slotline.retell;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.RetellClient;
import io.slotline.tenancy.TenantImporter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Retell side over real HTTP: signatures, call context without waiting, webhooks acting once, inbound context. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:retell-endpoints;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "slotline.retell.max-body-bytes=512KB"
        })
@ActiveProfiles("test")
class RetellEndpointsTest {

    /** Friday 2026-11-27, 23:30 in Berlin: "today" must still be the 27th there. */
    static final Instant NOW = Instant.parse("2026-11-27T22:30:00Z");

    static final String DEMO_NUMBER = "+4930120000";
    static final String OTHER_NUMBER = "+442071230000";

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    JdbcClient jdbc;

    final RetellClient retell = new RetellClient(() -> port, Clock.fixed(NOW, ZoneOffset.UTC));
    final JsonMapper json = JsonMapper.builder().build();
    String callId;

    @BeforeEach
    void tenants() {
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        importer.apply(new ClassPathResource("demo/other-tenant.yaml"));
        callId = "call-" + UUID.randomUUID();
    }

    @Test
    void functionCallBuildsCallContextFromTheRequestWithoutWaitingForCallStarted() throws Exception {
        RetellClient.Response response = post(
                "/retell/functions/get_current_context",
                functionCall("get_current_context", "{}", DEMO_NUMBER, "+4917612345678"),
                "key_demo");

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("today").asString()).isEqualTo("2026-11-27");
        assertThat(answer.get("local_time").asString()).isEqualTo("23:30");
        assertThat(answer.has("current_time"))
                .as("Retell's own {{current_time}} is Los Angeles time")
                .isFalse();
        assertThat(answer.get("company_name").asString()).isEqualTo("Demo Salon");
        assertThat(callRow("status")).isEqualTo("ongoing");
        assertThat(functionCallsLogged()).isEqualTo(1);
        assertThat(response.headers().firstValue("Server-Timing"))
                .as("the gateway's own time, for load generators")
                .hasValueSatisfying(v -> assertThat(v).matches("app;dur=\\d+\\.\\d{3}"));
    }

    @Test
    void callStartedAfterAFunctionCallMergesIntoTheSameCall() throws Exception {
        post(
                "/retell/functions/get_current_context",
                functionCall("get_current_context", "{}", DEMO_NUMBER, "+4917612345678"),
                "key_demo");
        RetellClient.Response started = post("/retell/webhook", webhook("call_started", DEMO_NUMBER), "key_demo");

        assertThat(started.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(callRow("agent_id")).isEqualTo("agent-1");
    }

    @Test
    void webhooksActOncePerEventAndCall() throws Exception {
        post("/retell/webhook", webhook("call_started", DEMO_NUMBER), "key_demo");
        String ended = webhook("call_ended", DEMO_NUMBER);
        assertThat(post("/retell/webhook", ended, "key_demo").status()).isEqualTo(204);
        jdbc.sql("UPDATE calls SET disconnection_reason = 'tampered' WHERE retell_call_id = :id")
                .param("id", callId)
                .update();

        assertThat(post("/retell/webhook", ended, "key_demo").status()).isEqualTo(204);

        assertThat(callRow("status")).isEqualTo("ended");
        assertThat(callRow("disconnection_reason"))
                .as("a duplicate delivery must not act again")
                .isEqualTo("tampered");
    }

    @Test
    void otherWebhookEventsAreAcknowledgedAndIgnored() throws Exception {
        assertThat(post("/retell/webhook", webhook("transcript_updated", DEMO_NUMBER), "key_demo")
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void callAnalyzedStoresTheSummary() throws Exception {
        String body = "{\"event\":\"call_analyzed\",\"call\":{\"call_id\":\"" + callId + "\",\"agent_id\":\"agent-1\","
                + "\"direction\":\"inbound\",\"from_number\":\"+4917612345678\",\"to_number\":\"" + DEMO_NUMBER + "\","
                + "\"call_status\":\"ended\",\"call_analysis\":{\"call_summary\":\"Termin gebucht\","
                + "\"user_sentiment\":\"Positive\",\"call_successful\":true}}}";
        assertThat(post("/retell/webhook", body, "key_demo").status()).isEqualTo(204);
        assertThat(callRow("summary")).isEqualTo("Termin gebucht");
        assertThat(callRow("status")).isEqualTo("ended");
    }

    @Test
    void inboundWebhookHandsTheAgentTodayInTheBranchZoneAndTheServices() throws Exception {
        String body = "{\"event\":\"call_inbound\",\"event_timestamp\":1,\"call_inbound\":{\"agent_id\":\"a\","
                + "\"from_number\":\"+4917612345678\",\"to_number\":\"" + DEMO_NUMBER + "\"}}";
        RetellClient.Response response = post("/retell/inbound", body, "key_demo");

        assertThat(response.status()).isEqualTo(200);
        JsonNode variables = json.readTree(response.body()).get("call_inbound").get("dynamic_variables");
        assertThat(variables.get("today").asString()).isEqualTo("2026-11-27");
        assertThat(variables.get("weekday").asString()).isEqualTo("Freitag");
        assertThat(variables.get("services").asString()).contains("Herrenhaarschnitt", "Färben");
        assertThat(variables.get("caller_known").asString()).isEqualTo("false");
    }

    @Test
    void inboundCallToAnUnknownNumberIsRejected() throws Exception {
        String body = "{\"event\":\"call_inbound\",\"call_inbound\":{\"from_number\":\"+4917612345678\","
                + "\"to_number\":\"+4930999999\"}}";
        RetellClient.Response response = post("/retell/inbound", body, "key_demo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(json.readTree(response.body())
                        .get("call_inbound")
                        .get("reject")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void oneTenantsKeyCannotSignACallToAnotherTenantsNumber() throws Exception {
        RetellClient.Response response = post(
                "/retell/functions/get_current_context",
                functionCall("get_current_context", "{}", OTHER_NUMBER, "+4917612345678"),
                "key_demo");

        assertThat(response.status()).isEqualTo(401);
        assertThat(functionCallsLogged()).isZero();
    }

    @Test
    void tamperedStaleMissingAndWrongKeySignaturesAreRejectedAndNothingIsRecorded() throws Exception {
        String body = functionCall("get_current_context", "{}", DEMO_NUMBER, "+4917612345678");
        long now = NOW.toEpochMilli();
        String good = RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), "key_demo", now);

        assertThat(send("/retell/functions/get_current_context", body.replace("get_current", "get_currenT"), good)
                        .status())
                .isEqualTo(401);
        assertThat(send(
                                "/retell/functions/get_current_context",
                                body,
                                RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), "key_demo", now - 600_000))
                        .status())
                .isEqualTo(401);
        assertThat(send("/retell/functions/get_current_context", body, null).status())
                .isEqualTo(401);
        assertThat(send(
                                "/retell/functions/get_current_context",
                                body,
                                RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), "key_wrong", now))
                        .status())
                .isEqualTo(401);
        assertThat(callRowCount()).isZero();
        assertThat(functionCallsLogged()).isZero();
    }

    @Test
    void badInputGetsAJsonErrorAndChangesNothing() throws Exception {
        RetellClient.Response malformed = post("/retell/functions/get_current_context", "{\"name\":", "key_demo");
        RetellClient.Response unknown = post(
                "/retell/functions/launch_rockets",
                functionCall("launch_rockets", "{}", DEMO_NUMBER, "+4917612345678"),
                "key_demo");
        RetellClient.Response argsNotObject = post(
                "/retell/functions/get_current_context",
                functionCall("get_current_context", "[1,2]", DEMO_NUMBER, "+4917612345678"),
                "key_demo");
        String huge = functionCall(
                "get_current_context", "{\"pad\":\"" + "x".repeat(600_000) + "\"}", DEMO_NUMBER, "+4917612345678");
        RetellClient.Response oversized = post("/retell/functions/get_current_context", huge, "key_demo");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("error").asString()).isEqualTo("malformed_json");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("error").asString()).isEqualTo("unknown_function");
        assertThat(argsNotObject.status())
                .as("the LLM can put that right: a speakable answer")
                .isEqualTo(200);
        assertThat(json.readTree(argsNotObject.body()).get("reason").asString()).isEqualTo("invalid_argument");
        assertThat(oversized.status())
                .as("slotline.retell.max-body-bytes=512KB")
                .isEqualTo(413);
        assertThat(functionCallsLogged())
                .as("only the speakable answer is logged")
                .isEqualTo(1);
    }

    @Test
    void argsOnlyPayloadTakesTheTenantFromTheConfiguredHeaderOrQueryParameter() throws Exception {
        String body = "{}";
        String signature = retell.signature(body.getBytes(StandardCharsets.UTF_8), "key_demo");
        RetellClient.Response byHeader = retell.signed(
                "/retell/functions/get_current_context",
                body.getBytes(StandardCharsets.UTF_8),
                "key_demo",
                Map.of("X-Slotline-Dialled-Number", DEMO_NUMBER, "X-Slotline-Call-Id", callId));
        RetellClient.Response byQuery = send(
                "/retell/functions/get_current_context?to_number=%2B442071230000",
                body, retell.signature(body.getBytes(StandardCharsets.UTF_8), "key_other"));
        RetellClient.Response noTenant = send("/retell/functions/get_current_context", body, signature);

        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(json.readTree(byHeader.body()).get("company_name").asString())
                .isEqualTo("Demo Salon");
        assertThat(functionCallsLogged()).isEqualTo(1);
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(json.readTree(byQuery.body()).get("company_name").asString()).isEqualTo("Other Cuts");
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(json.readTree(noTenant.body()).get("error").asString()).isEqualTo("unknown_tenant");
    }

    @Test
    void argsOnlyPayloadSignedWithAnotherTenantsKeyIsRejected() throws Exception {
        String body = "{}";
        RetellClient.Response response = send(
                "/retell/functions/get_current_context?to_number=%2B442071230000",
                body, retell.signature(body.getBytes(StandardCharsets.UTF_8), "key_demo"));
        assertThat(response.status()).isEqualTo(401);
    }

    private String functionCall(String name, String args, String to, String from) {
        return "{\"name\":\"" + name + "\",\"args\":" + args + ",\"call\":{\"call_type\":\"phone_call\",\"call_id\":\""
                + callId + "\",\"agent_id\":\"agent-1\",\"agent_version\":1,\"call_status\":\"ongoing\","
                + "\"direction\":\"inbound\",\"from_number\":\"" + from + "\",\"to_number\":\"" + to + "\"}}";
    }

    private String webhook(String event, String to) {
        return "{\"event\":\"" + event + "\",\"call\":{\"call_type\":\"phone_call\",\"call_id\":\"" + callId
                + "\",\"agent_id\":\"agent-1\",\"call_status\":\""
                + ("call_started".equals(event) ? "ongoing" : "ended")
                + "\",\"direction\":\"inbound\",\"from_number\":\"+4917612345678\",\"to_number\":\"" + to + "\","
                + "\"start_timestamp\":1764282600000,\"end_timestamp\":1764282700000,"
                + "\"disconnection_reason\":\"user_hangup\"}}";
    }

    private RetellClient.Response post(String path, String body, String key) {
        return retell.signed(path, body, key);
    }

    private RetellClient.Response send(String path, String body, @Nullable String signature) {
        return retell.send(path, body.getBytes(StandardCharsets.UTF_8), signature);
    }

    private String callRow(String column) {
        return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR) FROM calls WHERE retell_call_id = :id")
                .param("id", callId)
                .query(String.class)
                .single();
    }

    private int callRowCount() {
        return jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                .param("id", callId)
                .query(Integer.class)
                .single();
    }

    private int functionCallsLogged() {
        return jdbc.sql("SELECT COUNT(*) FROM function_calls WHERE retell_call_id = :id")
                .param("id", callId)
                .query(Integer.class)
                .single();
    }
}
