package io.slotline.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Call objects shaped exactly like the Retell SDK's {@code PhoneCallResponse} / {@code WebCallResponse} (retell-sdk
 * 5.x, {@code src/resources/call.ts}): every field a finished call carries, with a word-timed conversation of the
 * requested length in all four transcript forms, so that body sizes and parsing are what Retell really sends.
 * Deterministic for a given call id.
 */
public final class RetellCalls {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Speech rate of a relaxed phone conversation, both parties together. */
    private static final double WORDS_PER_SECOND = 2.5;

    private static final List<String> AGENT_WORDS = List.of(
            "Guten",
            "Tag,",
            "hier",
            "ist",
            "der",
            "Salon.",
            "Gerne",
            "schaue",
            "ich",
            "nach,",
            "einen",
            "Moment",
            "bitte.",
            "Am",
            "Dienstag",
            "um",
            "vierzehn",
            "Uhr",
            "wäre",
            "noch",
            "frei.",
            "Möchten",
            "Sie",
            "den",
            "Termin",
            "für",
            "den",
            "Herrenhaarschnitt",
            "buchen?");
    private static final List<String> CALLER_WORDS = List.of(
            "Ja,",
            "hallo,",
            "ich",
            "hätte",
            "gern",
            "einen",
            "Termin",
            "zum",
            "Färben",
            "und",
            "Schneiden,",
            "möglichst",
            "nächste",
            "Woche,",
            "gern",
            "nachmittags,",
            "geht",
            "das",
            "auch",
            "etwas",
            "später?",
            "Das",
            "ist",
            "großartig,",
            "danke",
            "schön.");

    private RetellCalls() {}

    /** An inbound phone call to {@code to} from {@code from} that has been talking for {@code talked}. */
    public static ObjectNode phoneCall(
            String callId, String agentId, String from, String to, Instant started, Duration talked) {
        ObjectNode call = JSON.createObjectNode();
        call.put("call_type", "phone_call");
        call.put("from_number", from);
        call.put("to_number", to);
        call.put("direction", "inbound");
        call.putObject("telephony_identifier").put("twilio_call_sid", "CA" + Integer.toHexString(callId.hashCode()));
        common(call, callId, agentId, started, talked);
        return call;
    }

    /** A web call (the dashboard's "test call", the web SDK): no numbers, no direction. */
    public static ObjectNode webCall(String callId, String agentId, Instant started, Duration talked) {
        ObjectNode call = JSON.createObjectNode();
        call.put("call_type", "web_call");
        call.put("access_token", "eyJhbGciOiJIUzI1NiJ9." + Integer.toHexString(callId.hashCode()));
        common(call, callId, agentId, started, talked);
        return call;
    }

    private static void common(ObjectNode call, String callId, String agentId, Instant started, Duration talked) {
        call.put("call_id", callId);
        call.put("agent_id", agentId);
        call.put("agent_version", 3);
        call.put("agent_name", "Empfang");
        call.put("call_status", "ongoing");
        call.put("start_timestamp", started.toEpochMilli());
        call.putObject("latency").set("e2e", latency(callId));
        call.put("opt_out_sensitive_data_storage", false);
        call.put("data_storage_setting", "everything");
        conversation(call, callId, talked);
    }

    /** The call after hang-up: {@code call_ended} carries all but the analysis. */
    public static ObjectNode ended(ObjectNode call, Instant ended) {
        long start = call.get("start_timestamp").asLong();
        call.put("call_status", "ended");
        call.put("end_timestamp", ended.toEpochMilli());
        call.put("duration_ms", ended.toEpochMilli() - start);
        call.put("disconnection_reason", "user_hangup");
        call.put(
                "recording_url",
                "https://dxc03zgurdly9.cloudfront.net/" + call.get("call_id").asString() + "/recording.wav");
        call.put(
                "public_log_url",
                "https://dxc03zgurdly9.cloudfront.net/" + call.get("call_id").asString() + "/public.log");
        ObjectNode cost = call.putObject("call_cost");
        ArrayNode products = cost.putArray("product_costs");
        products.addObject()
                .put("product", "elevenlabs_tts")
                .put("unit_price", 0.0117)
                .put("cost", 28.1);
        products.addObject().put("product", "gpt_4_1").put("unit_price", 0.0075).put("cost", 18.0);
        cost.put("total_duration_seconds", (ended.toEpochMilli() - start) / 1000);
        cost.put("total_duration_unit_price", 0.1192);
        cost.put("combined_cost", 286.1);
        ObjectNode tokens = call.putObject("llm_token_usage");
        tokens.putArray("values").add(1840).add(1922).add(2011);
        tokens.put("average", 1924.3);
        tokens.put("num_requests", 3);
        return call;
    }

    /** {@code call_analyzed}: the post-call analysis, custom fields included. */
    public static ObjectNode analyzed(ObjectNode call, String summary, String sentiment, boolean successful) {
        ObjectNode analysis = call.putObject("call_analysis");
        analysis.put("call_summary", summary);
        analysis.put("in_voicemail", false);
        analysis.put("user_sentiment", sentiment);
        analysis.put("call_successful", successful);
        ObjectNode custom = analysis.putObject("custom_analysis_data");
        custom.put("booked_service", "Färben");
        custom.put("callback_wanted", false);
        custom.put("rating", 4);
        return call;
    }

    /** The tool call Retell is making right now: appended as the newest transcript entry, as Retell does. */
    public static ObjectNode invoking(ObjectNode call, String toolCallId, String name, JsonNode args) {
        ArrayNode entries = (ArrayNode) call.get("transcript_with_tool_calls");
        ObjectNode invocation = entries.addObject();
        invocation.put("role", "tool_call_invocation");
        invocation.put("tool_call_id", toolCallId);
        invocation.put("name", name);
        invocation.put("arguments", JSON.writeValueAsString(args));
        return call;
    }

    public static String functionBody(String name, JsonNode args, ObjectNode call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("call", call);
        body.set("args", args);
        return JSON.writeValueAsString(body);
    }

    public static String webhookBody(String event, ObjectNode call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event);
        body.set("call", call);
        return JSON.writeValueAsString(body);
    }

    /** {@code chat_*} events: a chat agent's webhook, a "chat" object and no "call". */
    public static String chatEvent(String event, String chatId, String agentId, Instant started) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event);
        ObjectNode chat = body.putObject("chat");
        chat.put("chat_id", chatId);
        chat.put("agent_id", agentId);
        chat.put("chat_status", event.equals("chat_started") ? "ongoing" : "ended");
        chat.put("start_timestamp", started.toEpochMilli());
        chat.put("transcript", "Agent: Hallo!\nUser: Haben Sie morgen offen?\n");
        ArrayNode messages = chat.putArray("message_with_tool_calls");
        messages.addObject()
                .put("message_id", "m1")
                .put("role", "agent")
                .put("content", "Hallo!")
                .put("created_timestamp", started.toEpochMilli());
        messages.addObject()
                .put("message_id", "m2")
                .put("role", "user")
                .put("content", "Haben Sie morgen offen?")
                .put("created_timestamp", started.toEpochMilli() + 4_000);
        if (event.equals("chat_analyzed")) {
            chat.putObject("chat_analysis")
                    .put("chat_summary", "Frage nach Öffnungszeiten.")
                    .put("user_sentiment", "Neutral")
                    .put("chat_successful", true);
        }
        return JSON.writeValueAsString(body);
    }

    /** {@code transfer_*} events as Retell may send them: a call holding only its id, plus the destination. */
    public static String transferEvent(String event, String callId, @Nullable String destination) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event);
        body.putObject("call").put("call_id", callId);
        if (destination != null) {
            body.putObject("transfer_destination").put("number", destination);
        }
        return JSON.writeValueAsString(body);
    }

    private static void conversation(ObjectNode call, String callId, Duration talked) {
        Random random = new Random(callId.hashCode());
        ArrayNode object = call.putArray("transcript_object");
        ArrayNode withTools = call.putArray("transcript_with_tool_calls");
        ArrayNode scrubbed = call.putArray("scrubbed_transcript_with_tool_calls");
        StringBuilder text = new StringBuilder();
        double seconds = 0.4;
        boolean agent = true;
        int turn = 0;
        while (seconds < talked.toSeconds()) {
            List<String> vocabulary = agent ? AGENT_WORDS : CALLER_WORDS;
            int count = 6 + random.nextInt(18);
            ObjectNode utterance = JSON.createObjectNode();
            utterance.put("role", agent ? "agent" : "user");
            ArrayNode words = utterance.putArray("words");
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < count; i++) {
                String word = vocabulary.get(random.nextInt(vocabulary.size()));
                double length = 0.15 + random.nextDouble() * 0.5 / WORDS_PER_SECOND;
                words.addObject().put("word", word).put("start", round(seconds)).put("end", round(seconds + length));
                seconds += 1 / WORDS_PER_SECOND;
                content.append(i == 0 ? "" : " ").append(word);
            }
            utterance.put("content", content.toString());
            object.add(utterance);
            withTools.add(utterance.deepCopy());
            scrubbed.add(utterance.deepCopy());
            text.append(agent ? "Agent: " : "User: ").append(content).append('\n');
            if (agent && ++turn % 12 == 0) {
                toolRound(withTools, scrubbed, "tool_" + turn);
            }
            seconds += 0.3 + random.nextDouble() * 0.6;
            agent = !agent;
        }
        call.put("transcript", text.toString());
    }

    /** An earlier, finished tool call: its invocation and Slotline's answer, as Retell keeps them. */
    private static void toolRound(ArrayNode withTools, ArrayNode scrubbed, String toolCallId) {
        ObjectNode invocation = JSON.createObjectNode();
        invocation.put("role", "tool_call_invocation");
        invocation.put("tool_call_id", toolCallId);
        invocation.put("name", "check_availability");
        invocation.put("arguments", "{\"service\":\"Färben\",\"date\":\"nächsten Dienstag\",\"time\":\"14 Uhr\"}");
        ObjectNode result = JSON.createObjectNode();
        result.put("role", "tool_call_result");
        result.put("tool_call_id", toolCallId);
        result.put("content", "{\"ok\":true,\"message\":\"Dienstag, 14 Uhr ist frei.\",\"available\":true}");
        withTools.add(invocation);
        withTools.add(result);
        scrubbed.add(invocation.deepCopy());
        scrubbed.add(result.deepCopy());
    }

    private static ObjectNode latency(String callId) {
        Random random = new Random(callId.hashCode() * 31L);
        ObjectNode e2e = JSON.createObjectNode();
        ArrayNode values = e2e.putArray("values");
        for (int i = 0; i < 40; i++) {
            values.add(700 + random.nextInt(600));
        }
        e2e.put("p50", 930)
                .put("p90", 1180)
                .put("p95", 1230)
                .put("p99", 1290)
                .put("max", 1299)
                .put("min", 702)
                .put("num", 40);
        return e2e;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
