package io.slotline.retell;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading Retell's JSON defensively: the call object has many optional fields and grows over time. */
final class RetellPayloads {

    /** The width of our call id columns; Retell's ids are 32 hex characters. */
    static final int MAX_CALL_ID_LENGTH = 128;

    private static final long EARLIEST_MILLIS =
            Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long LATEST_MILLIS =
            Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    private RetellPayloads() {}

    /** The number that identifies the business: the dialled one inbound, our own caller id outbound. */
    static @Nullable String businessNumber(JsonNode call) {
        return "outbound".equalsIgnoreCase(text(call, "direction"))
                ? text(call, "from_number")
                : text(call, "to_number");
    }

    /** The other party's number; null for anonymous callers and web calls. */
    static @Nullable String customerNumber(JsonNode call) {
        return "outbound".equalsIgnoreCase(text(call, "direction"))
                ? text(call, "to_number")
                : text(call, "from_number");
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

    /**
     * A timestamp in epoch milliseconds; null when missing or outside 2000..2100 (no call of ours happened then,
     * and such values would not fit the database's timestamps).
     */
    static @Nullable Instant epochMillis(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            return null;
        }
        long millis = value.asLong();
        return millis >= EARLIEST_MILLIS && millis < LATEST_MILLIS ? Instant.ofEpochMilli(millis) : null;
    }

    /**
     * The call's id as Retell sends it, the key of our call records.
     *
     * @throws RetellRequestException (400) when missing, longer than {@value #MAX_CALL_ID_LENGTH} characters or
     *                                containing control characters
     */
    static String callId(JsonNode call) {
        String id = text(call, "call_id");
        if (id == null) {
            throw new RetellRequestException("missing_call_id", "call.call_id is required");
        }
        return validCallId(id, "call.call_id");
    }

    static String validCallId(String id, String field) {
        if (id.length() > MAX_CALL_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new RetellRequestException(
                    "invalid_call_id",
                    field + " must be 1 to " + MAX_CALL_ID_LENGTH
                            + " characters without line breaks or control characters");
        }
        return id;
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
