package io.slotline.functions;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the agent hears: {@code ok}, a short speakable {@code message} in the company's language, and structured
 * fields for the LLM. Business failures (slot gone, Cal.com down, unknown service) are {@code ok:false} answers,
 * never HTTP errors, so the agent can tell the caller.
 *
 * @param reason a bounded code for metrics and logs: {@code none} when ok, else e.g. {@code slot_taken}
 */
public record FunctionResult(boolean ok, String message, String reason, Map<String, @Nullable Object> data) {

    public FunctionResult {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static FunctionResult ok(String message, Map<String, ?> data) {
        return new FunctionResult(true, message, "none", copy(data));
    }

    public static FunctionResult ok(String message) {
        return ok(message, Map.of());
    }

    public static FunctionResult notOk(String reason, String message, Map<String, ?> data) {
        return new FunctionResult(false, message, reason, copy(data));
    }

    public static FunctionResult notOk(String reason, String message) {
        return notOk(reason, message, Map.of());
    }

    /** The JSON body: ok, message, reason (when not ok), then the structured fields. */
    public Map<String, @Nullable Object> body() {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("ok", ok);
        body.put("message", message);
        if (!ok) {
            body.put("reason", reason);
        }
        body.putAll(data);
        return body;
    }

    private static Map<String, @Nullable Object> copy(Map<String, ?> data) {
        return new LinkedHashMap<>(data);
    }
}
