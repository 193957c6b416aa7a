package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slotline.support.RetellCalls;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retell traffic as the SDK types describe it, signed over the exact bytes sent: long calls with their whole
 * word-timed transcript, web calls, "args only" tools, chat and transfer events on the agent webhook.
 */
class RetellTrafficTest extends LiveCallTest {

    private static final Duration FORTY_MINUTES = Duration.ofMinutes(40);

    @Test
    void aFunctionCallFortyMinutesIntoACallIsServedAndKnowsItsToolCall() {
        String caller = randomGermanMobile();
        String callId = "call_" + Long.toHexString(System.nanoTime());
        ObjectNode call = RetellCalls.phoneCall(callId, "agent_salon", caller, SALON_NUMBER,
                CLOCK.instant().minus(FORTY_MINUTES), FORTY_MINUTES);
        ObjectNode args = JSON.createObjectNode().put("service", "Färben").put("date", "morgen").put("time", "10 Uhr");
        RetellCalls.invoking(call, "tool_call_7f3a", "check_availability", args);
        String body = RetellCalls.functionBody("check_availability", args, call);

        Reply reply = post("/retell/functions/check_availability", body, SALON_KEY);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length)
                .as("about 1 MB 40 minutes in: nearly four times the old 256 KiB limit").isGreaterThan(950_000);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("ok")).isTrue();
        assertThat(jdbc.sql("SELECT tool_call_id FROM function_calls WHERE retell_call_id = :id")
                .param("id", callId).query(String.class).single()).isEqualTo("tool_call_7f3a");
    }

    @Test
    void theEndAndAnalysisOfAFortyMinuteCallAreStored() {
        String callId = "call_" + Long.toHexString(System.nanoTime());
        ObjectNode call = RetellCalls.phoneCall(callId, "agent_salon", randomGermanMobile(), SALON_NUMBER,
                CLOCK.instant().minus(FORTY_MINUTES), FORTY_MINUTES);
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
                + "call_successful FROM calls WHERE retell_call_id = :id").param("id", callId).query().singleRow();
        assertThat(row).containsEntry("status", "ended").containsEntry("disconnection_reason", "user_hangup")
                .containsEntry("summary", "Die Anruferin hat einen Termin zum Färben gebucht.")
                .containsEntry("user_sentiment", "Positive").containsEntry("call_successful", true);
    }

    @Test
    void chatEventsAreAcknowledgedAndIgnored() {
        for (String event : new String[] {"chat_started", "chat_ended", "chat_analyzed"}) {
            Reply reply = post("/retell/webhook",
                    RetellCalls.chatEvent(event, "chat_91ab", "agent_chat", CLOCK.instant()), SALON_KEY);

            assertThat(reply.status()).as(event).isEqualTo(204);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = 'chat_91ab'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void transferAndUnknownEventsWithABareCallAreAcknowledged() {
        String callId = "call_" + Long.toHexString(System.nanoTime());
        for (String event : new String[] {"transfer_started", "transfer_bridged", "transfer_cancelled",
                "transfer_ended"}) {
            Reply reply = post("/retell/webhook", RetellCalls.transferEvent(event, callId, "+4930555000"), SALON_KEY);

            assertThat(reply.status()).as(event).isEqualTo(204);
        }
        Reply future = post("/retell/webhook", "{\"event\":\"call_recording_ready\",\"recording\":{}}", SALON_KEY);

        assertThat(future.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id").param("id", callId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aWebhookWithoutAnEventOrAKnownEventWithoutItsCallIsAProtocolError() {
        assertThat(post("/retell/webhook", "{\"call\":{\"call_id\":\"x\"}}", SALON_KEY).status()).isEqualTo(400);
        assertThat(post("/retell/webhook", "{\"event\":\"call_ended\"}", SALON_KEY).status()).isEqualTo(400);
        assertThat(post("/retell/webhook", "{\"event\":", SALON_KEY).status()).isEqualTo(400);
    }
}
