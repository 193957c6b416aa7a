package io.slotline.bench.load;

import java.util.Map;

/** A POST to the gateway: path relative to its base URL, the exact body bytes that were signed, headers. */
public record OutgoingRequest(String path, String body, Map<String, String> headers) {

    public OutgoingRequest {
        headers = Map.copyOf(headers);
    }
}
