package io.slotline.bench.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies as Retell sends them (retell.md sections 1, 3, 4). Field order follows Retell's samples. */
final class RetellPayloads {

    private static final JsonMapper JSON = JsonMapper.shared();

    private RetellPayloads() {}

    static String inbound(long eventTimestampMillis, String agentId, String from, String to) {
        Map<String, Object> inbound = new LinkedHashMap<>();
        inbound.put("agent_id", agentId);
        inbound.put("agent_version", 1);
        inbound.put("from_number", from);
        inbound.put("to_number", to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "call_inbound");
        body.put("event_timestamp", eventTimestampMillis);
        body.put("call_inbound", inbound);
        return JSON.writeValueAsString(body);
    }

    static String webhook(String event, Map<String, Object> call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("call", call);
        return JSON.writeValueAsString(body);
    }

    static String function(String name, Map<String, Object> args, Map<String, Object> call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("args", args);
        body.put("call", call);
        return JSON.writeValueAsString(body);
    }

    static String argumentsJson(Map<String, Object> args) {
        return JSON.writeValueAsString(args);
    }

    /** The live call object: who called which number, and the transcript so far. */
    static Map<String, Object> call(
            String callId,
            String agentId,
            String status,
            String from,
            String to,
            long startTimestampMillis,
            List<Map<String, Object>> transcriptWithToolCalls) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_type", "phone_call");
        call.put("call_id", callId);
        call.put("agent_id", agentId);
        call.put("agent_version", 1);
        call.put("call_status", status);
        call.put("direction", "inbound");
        call.put("from_number", from);
        call.put("to_number", to);
        call.put("start_timestamp", startTimestampMillis);
        call.put("transcript", transcriptText(transcriptWithToolCalls));
        call.put("transcript_with_tool_calls", new ArrayList<>(transcriptWithToolCalls));
        return call;
    }

    private static String transcriptText(List<Map<String, Object>> entries) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> entry : entries) {
            Object role = entry.get("role");
            if ("agent".equals(role) || "user".equals(role)) {
                text.append("agent".equals(role) ? "Agent: " : "User: ")
                        .append(entry.get("content"))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
