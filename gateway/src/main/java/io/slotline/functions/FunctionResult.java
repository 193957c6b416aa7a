package io.slotline.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the agent hears: {@code ok}, a short speakable {@code message} in the company's language, and structured
 * fields for the LLM. Business failures (slot gone, Cal.com down, unknown service) are {@code ok:false} answers,
 * never HTTP errors, so the agent can tell the caller.
 *
 * @param reason why: {@link Reason#NONE} when ok, else e.g. {@link Reason#SLOT_TAKEN} (in JSON its wire value)
 */
public record FunctionResult(boolean ok, String message, Reason reason, Map<String, @Nullable Object> data) {

    public FunctionResult {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static FunctionResult ok(String message, Map<String, ?> data) {
        return new FunctionResult(true, message, Reason.NONE, copy(data));
    }

    public static FunctionResult ok(String message) {
        return ok(message, Map.of());
    }

    public static FunctionResult notOk(Reason reason, String message, Map<String, ?> data) {
        return new FunctionResult(false, message, reason, copy(data));
    }

    public static FunctionResult notOk(Reason reason, String message) {
        return notOk(reason, message, Map.of());
    }

    /** The JSON body: ok, message, reason (when not ok), then the structured fields. */
    public Map<String, @Nullable Object> body() {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("ok", ok);
        body.put("message", message);
        if (!ok) {
            body.put("reason", reason.wire());
        }
        body.putAll(data);
        return body;
    }

    private static Map<String, @Nullable Object> copy(Map<String, ?> data) {
        return new LinkedHashMap<>(data);
    }
}
