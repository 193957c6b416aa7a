package io.slotline.sim.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A finished HTTP answer: status, JSON bytes and extra headers. */
public record Reply(int status, byte[] body, Map<String, String> headers) implements Outcome {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Json.bytes(body), Map.of());
    }

    public Reply withHeaders(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new Reply(status, body, all);
    }

    /** The first half of the body: what a client sees when a proxy cuts a response short. */
    public Reply truncated() {
        byte[] half = new byte[Math.max(1, body.length / 2)];
        System.arraycopy(body, 0, half, 0, Math.min(half.length, body.length));
        return new Reply(status, half, headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
