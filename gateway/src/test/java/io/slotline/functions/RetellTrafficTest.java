package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.RetellCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retell traffic as the SDK types describe it, signed over the exact bytes sent: long calls with their whole
 * word-timed transcript, web calls, "args only" tools, chat and transfer events on the agent webhook.
 */
class RetellTrafficTest extends LiveCallTest {

    private static final Duration FORTY_MINUTES = Duration.ofMinutes(40);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    @Test
    void aFunctionCallFortyMinutesIntoACallIsServedAndKnowsItsToolCall() {
        String caller = randomGermanMobile();
        String callId = "call_" + Long.toHexString(System.nanoTime());
        ObjectNode call = RetellCalls.phoneCall(
                callId, "agent_salon", caller, SALON_NUMBER, CLOCK.instant().minus(FORTY_MINUTES), FORTY_MINUTES);
        ObjectNode args = JSON.createObjectNode()
                .put("service", "Färben")
                .put("date", "morgen")
                .put("time", "10 Uhr");
        RetellCalls.invoking(call, "tool_call_7f3a", "check_availability", args);
        String body = RetellCalls.functionBody("check_availability", args, call);

        Reply reply = post("/retell/functions/check_availability", body, SALON_KEY);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length)
                .as("about 1 MB 40 minutes in: nearly four times the old 256 KiB limit")
                .isGreaterThan(950_000);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("ok")).isTrue();
        assertThat(jdbc.sql("SELECT tool_call_id FROM function_calls WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(String.class)
                        .single())
                .isEqualTo("tool_call_7f3a");
    }

    @Test
    void theEndAndAnalysisOfAFortyMinuteCallAreStored() {
        String callId = "call_" + Long.toHexString(System.nanoTime());
        ObjectNode call = RetellCalls.phoneCall(
                callId,
                "agent_salon",
                randomGermanMobile(),
                SALON_NUMBER,
                CLOCK.instant().minus(FORTY_MINUTES),
                FORTY_MINUTES);
        RetellCalls.ended(call, CLOCK.instant());
        String ended = RetellCalls.webhookBody("call_ended", call);
        RetellCalls.analyzed(call, "Die Anruferin hat einen Termin zum Färben gebucht.", "Positive", true);
        String analyzed = RetellCalls.webhookBody("call_analyzed", call);

        Reply endedReply = post("/retell/webhook", ended, SALON_KEY);
        Reply analyzedReply = post("/retell/webhook", analyzed, SALON_KEY);

        assertThat(analyzed.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(950_000);
        assertThat(endedReply.status()).isEqualTo(204);
        assertThat(analyzedReply.status()).isEqualTo(204);
        Map<String, Object> row = jdbc.sql("SELECT status, disconnection_reason, summary, user_sentiment, "
                        + "call_successful, in_voicemail, custom_analysis FROM calls WHERE retell_call_id = :id")
                .param("id", callId)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("status", "ended")
                .containsEntry("disconnection_reason", "user_hangup")
                .containsEntry("summary", "Die Anruferin hat einen Termin zum Färben gebucht.")
                .containsEntry("user_sentiment", "Positive")
                .containsEntry("call_successful", true)
                .containsEntry("in_voicemail", false);
        assertThat(JSON.readTree((String) row.get("custom_analysis"))
                        .path("booked_service")
                        .asString())
                .isEqualTo("Färben");
    }

    @Test
    void chatEventsAreAcknowledgedAndIgnored() {
        for (String event : new String[] {"chat_started", "chat_ended", "chat_analyzed"}) {
            Reply reply = post(
                    "/retell/webhook",
                    RetellCalls.chatEvent(event, "chat_91ab", "agent_chat", CLOCK.instant()),
                    SALON_KEY);

            assertThat(reply.status()).as(event).isEqualTo(204);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = 'chat_91ab'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void transferAndUnknownEventsWithABareCallAreAcknowledged() {
        String callId = "call_" + Long.toHexString(System.nanoTime());
        for (String event :
                new String[] {"transfer_started", "transfer_bridged", "transfer_cancelled", "transfer_ended"}) {
            Reply reply = post("/retell/webhook", RetellCalls.transferEvent(event, callId, "+4930555000"), SALON_KEY);

            assertThat(reply.status()).as(event).isEqualTo(204);
        }
        Reply future = post("/retell/webhook", "{\"event\":\"call_recording_ready\",\"recording\":{}}", SALON_KEY);

        assertThat(future.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aWebhookWithoutAnEventOrAKnownEventWithoutItsCallIsAProtocolError() {
        assertThat(post("/retell/webhook", "{\"call\":{\"call_id\":\"x\"}}", SALON_KEY)
                        .status())
                .isEqualTo(400);
        assertThat(post("/retell/webhook", "{\"event\":\"call_ended\"}", SALON_KEY)
                        .status())
                .isEqualTo(400);
        assertThat(post("/retell/webhook", "{\"event\":", SALON_KEY).status()).isEqualTo(400);
    }

    // ---- web and dashboard test calls: no numbers, routed by their agent

    @Test
    void aWebCallOfTheSalonsConfiguredAgentIsServedLikeAPhoneCall() {
        String callId = newCallId();
        ObjectNode call = RetellCalls.webCall(callId, "agent_demo_salon", CLOCK.instant(), Duration.ofMinutes(2));

        Reply context = function(call, "get_current_context", JSON.createObjectNode(), SALON_KEY);
        Reply check = function(
                call,
                "check_availability",
                JSON.createObjectNode()
                        .put("service", "Herrenhaarschnitt")
                        .put("date", "morgen")
                        .put("time", "10 Uhr"),
                SALON_KEY);
        Reply next =
                function(call, "find_next_available", JSON.createObjectNode().put("service", "Färben"), SALON_KEY);
        Reply started = post("/retell/webhook", RetellCalls.webhookBody("call_started", call), SALON_KEY);

        assertThat(context.status()).isEqualTo(200);
        assertThat(context.ok()).isTrue();
        assertThat(context.json().path("company_name").asString()).isEqualTo("Demo Salon");
        assertThat(context.json().path("branch_name").asString()).isEqualTo("Berlin Mitte");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.reason()).isNotEqualTo("unknown_number");
        assertThat(check.json().has("ok")).isTrue();
        assertThat(next.ok()).as(next.body()).isTrue();
        assertThat(started.status()).isEqualTo(204);
        Map<String, Object> row = jdbc.sql("SELECT c.slug, k.from_number, k.agent_id FROM calls k "
                        + "JOIN companies c ON c.id = k.company_id WHERE k.retell_call_id = :id")
                .param("id", callId)
                .query()
                .singleRow();
        assertThat(row).containsEntry("slug", "demo-salon").containsEntry("agent_id", "agent_demo_salon");
        assertThat(row.get("from_number")).isNull();
    }

    @Test
    void anAgentSeenAnsweringANumberRoutesItsWebCallsToThatBranch() {
        String agent = "agent_" + Long.toHexString(System.nanoTime());
        ObjectNode phone = RetellCalls.phoneCall(
                newCallId(), agent, randomBritishMobile(), OTHER_NUMBER, CLOCK.instant(), Duration.ofMinutes(1));
        ObjectNode web = RetellCalls.webCall(newCallId(), agent, CLOCK.instant(), Duration.ofMinutes(1));

        Reply before = function(web, "get_current_context", JSON.createObjectNode(), OTHER_KEY);
        function(phone, "get_current_context", JSON.createObjectNode(), OTHER_KEY);
        Reply after = function(web, "get_current_context", JSON.createObjectNode(), OTHER_KEY);

        assertThat(before.reason()).isEqualTo("unknown_number");
        assertThat(after.ok()).isTrue();
        assertThat(after.json().path("company_name").asString()).isEqualTo("Other Cuts");
        assertThat(jdbc.sql("SELECT learnt FROM retell_agents WHERE agent_id = :id")
                        .param("id", agent)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aWebCallCanNameItsCompanyInMetadataAndThenNeedsThatCompanysKey() {
        ObjectNode web = RetellCalls.webCall(newCallId(), "agent_unknown", CLOCK.instant(), Duration.ofMinutes(1));
        web.putObject("metadata").put("slotline_company", "other-cuts");
        ObjectNode byVariable = RetellCalls.webCall(newCallId(), "agent_unknown", CLOCK.instant(), Duration.ZERO);
        byVariable.putObject("retell_llm_dynamic_variables").put("slotline_number", SALON_NUMBER);

        Reply other = function(web, "get_current_context", JSON.createObjectNode(), OTHER_KEY);
        Reply wrongKey = function(web, "get_current_context", JSON.createObjectNode(), SALON_KEY);
        Reply salon = function(byVariable, "get_current_context", JSON.createObjectNode(), SALON_KEY);

        assertThat(other.json().path("company_name").asString()).isEqualTo("Other Cuts");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(salon.json().path("company_name").asString()).isEqualTo("Demo Salon");
    }

    @Test
    void aWebCallOfAnUnknownAgentIsToldSoInsteadOfAnError() {
        ObjectNode web = RetellCalls.webCall(newCallId(), "agent_nobody", CLOCK.instant(), Duration.ofMinutes(1));

        Reply reply =
                function(web, "check_availability", JSON.createObjectNode().put("service", "Färben"), SALON_KEY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.reason()).isEqualTo("unknown_number");
    }

    // ---- inbound: the agent, and variables that don't clash with Retell's

    @Test
    void theInboundAnswerNamesTheAgentAndGivesVariablesRetellDoesNotDefineItself() {
        Reply reply = salonCall().inbound();

        JsonNode answer = reply.json().path("call_inbound");
        assertThat(answer.path("override_agent_id").asString()).isEqualTo("agent_demo_salon");
        JsonNode variables = answer.path("dynamic_variables");
        assertThat(variables.has("current_time"))
                .as("Retell's {{current_time}} is Los Angeles time")
                .isFalse();
        assertThat(variables.path("local_time").asString()).isEqualTo("08:00");
        assertThat(variables.path("branch_phone").asString()).isEqualTo("+4930120099");
        assertThat(variables.path("caller_name").asString()).isEmpty();
        variables
                .properties()
                .forEach(entry -> assertThat(entry.getValue().isString())
                        .as(entry.getKey())
                        .isTrue());
    }

    @Test
    void theInboundAnswerGreetsAKnownCallerByName() {
        Call call = salonCall();
        Instant slot = twoHostSlot(TUESDAY);
        call.function(
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        TUESDAY.toString(),
                        "time",
                        hhmm(slot),
                        "customer_name",
                        "Erika Mustermann"));

        Reply again = new Call(call.from, SALON_NUMBER, SALON_KEY).inbound();

        JsonNode variables = again.json().path("call_inbound").path("dynamic_variables");
        assertThat(variables.path("caller_known").asString()).isEqualTo("true");
        assertThat(variables.path("caller_name").asString()).isEqualTo("Erika Mustermann");
    }

    // ---- "Payload: args only": the call's context in the tool's headers

    @Test
    void argsOnlyToolsWithRetellsSystemVariablesBehaveLikeTheFullPayload() {
        String callId = newCallId();
        String caller = randomGermanMobile();
        Map<String, String> headers = Map.of(
                "X-Slotline-Call-Id",
                callId,
                "X-Slotline-Caller-Number",
                caller,
                "X-Slotline-Dialled-Number",
                SALON_NUMBER);
        Instant slot = twoHostSlot(TUESDAY);
        String check =
                "{\"service\":\"Herrenhaarschnitt\",\"date\":\"" + TUESDAY + "\",\"time\":\"" + hhmm(slot) + "\"}";
        String book = "{\"service\":\"Herrenhaarschnitt\",\"date\":\"" + TUESDAY + "\",\"time\":\"" + hhmm(slot)
                + "\",\"customer_name\":\"Jana Beispiel\"}";

        Reply checked = argsOnly("/retell/functions/check_availability", check, headers, SALON_KEY);
        Reply booked = argsOnly("/retell/functions/book_appointment", book, headers, SALON_KEY);
        Reply retried = argsOnly("/retell/functions/book_appointment", book, headers, SALON_KEY);
        Reply who = argsOnly("/retell/functions/check_customer", "{}", headers, SALON_KEY);

        assertThat(checked.ok()).as(checked.body()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slot_holds WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(Long.class)
                        .single())
                .as("held for {{call_id}}")
                .isEqualTo(1);
        assertThat(booked.ok()).as(booked.body()).isTrue();
        assertThat(retried.ok()).isTrue();
        assertThat(retried.json().path("appointment").path("id").asLong())
                .isEqualTo(booked.json().path("appointment").path("id").asLong());
        assertThat(simBookingsOf("cal_demo", caller))
                .as("a retry never books twice")
                .hasSize(1);
        assertThat(who.json().path("known").asBoolean())
                .as("the caller from {{user_number}}")
                .isTrue();
        assertThat(who.json().path("customer_name").asString()).isEqualTo("Jana Beispiel");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", callId)
                        .query(Long.class)
                        .single())
                .as("one call, however many tools")
                .isEqualTo(1);
    }

    @Test
    void argsOnlyTakesAnUnencodedPlusInTheQueryAndTheCompanyHeaderForWebCalls() {
        Reply byQuery = argsOnly(
                "/retell/functions/get_current_context?to_number=+4930120000&call_id=" + newCallId(),
                "{}",
                Map.of(),
                SALON_KEY);
        Reply webCall = argsOnly(
                "/retell/functions/get_current_context",
                "{}",
                Map.of(
                        "X-Slotline-Call-Id",
                        newCallId(),
                        "X-Slotline-Dialled-Number",
                        "{{agent_number}}",
                        "X-Slotline-Company",
                        "other-cuts"),
                OTHER_KEY);
        Reply nobody = argsOnly("/retell/functions/get_current_context", "{}", Map.of(), SALON_KEY);

        assertThat(byQuery.json().path("company_name").asString()).isEqualTo("Demo Salon");
        assertThat(webCall.json().path("company_name").asString()).isEqualTo("Other Cuts");
        assertThat(nobody.status())
                .as("nothing names the business: a protocol error")
                .isEqualTo(400);
    }

    private static String newCallId() {
        return "call_" + Long.toHexString(System.nanoTime()) + Long.toHexString(Double.doubleToLongBits(Math.random()));
    }

    private static String hhmm(Instant start) {
        return start.atZone(BERLIN).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private Reply function(ObjectNode call, String name, ObjectNode args, String key) {
        RetellCalls.invoking(call, "tc_" + Long.toHexString(System.nanoTime()), name, args);
        return post("/retell/functions/" + name, RetellCalls.functionBody(name, args, call), key);
    }

    private Reply argsOnly(String path, String body, Map<String, String> headers, String key) {
        return reply(retell(port).signed(path, body.getBytes(StandardCharsets.UTF_8), key, headers));
    }
}
