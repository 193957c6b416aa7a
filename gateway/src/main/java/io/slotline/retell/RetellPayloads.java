package io.slotline.retell;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Reading Retell's JSON defensively: the call object has many optional fields and grows over time. */
final class RetellPayloads {

    private RetellPayloads() {
    }

    /** The number that identifies the business: the dialled one inbound, our own caller id outbound. */
    static @Nullable String businessNumber(JsonNode call) {
        return "outbound".equalsIgnoreCase(text(call, "direction")) ? text(call, "from_number") : text(call, "to_number");
    }

    /** The other party's number; null for anonymous callers and web calls. */
    static @Nullable String customerNumber(JsonNode call) {
        return "outbound".equalsIgnoreCase(text(call, "direction")) ? text(call, "to_number") : text(call, "from_number");
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    static @Nullable Instant epochMillis(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : null;
    }

    /** The current invocation's id: the last tool_call_invocation in the live transcript. */
    static @Nullable String toolCallId(JsonNode call, String functionName) {
        JsonNode transcript = call.get("transcript_with_tool_calls");
        if (transcript == null || !transcript.isArray()) {
            return null;
        }
        for (int i = transcript.size() - 1; i >= 0; i--) {
            JsonNode entry = transcript.get(i);
            if ("tool_call_invocation".equals(text(entry, "role"))) {
                String name = text(entry, "name");
                return name == null || name.equals(functionName) ? text(entry, "tool_call_id") : null;
            }
        }
        return null;
    }

    /** A caller number we can match customers by: E.164 only (anonymous callers send "anonymous" or nothing). */
    static @Nullable String e164OrNull(@Nullable String number) {
        return number != null && number.matches("\\+[1-9]\\d{6,14}") ? number : null;
    }
}
