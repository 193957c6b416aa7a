package io.slotline.support;

import io.slotline.retell.RetellSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to a gateway as Retell sends them: {@code POST}, JSON, the raw body signed with the company's Retell API
 * key at the clock's time ({@code X-Retell-Signature: v=<millis>,d=<hex>}, {@link RetellSignature#sign}). Tests of
 * the signature itself send a forged one, or none, with {@link #send}. One HTTP client for every test.
 */
public final class RetellClient {

    public static final String SIGNATURE = "X-Retell-Signature";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntSupplier port;
    private final Clock clock;

    /** @param port the gateway's port on localhost, read at each request (a test's port is known late) */
    public RetellClient(IntSupplier port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    public record Response(int status, String body, HttpHeaders headers, Duration took) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** {@code X-Retell-Signature} of {@code body} with {@code key}, now by the client's clock. */
    public String signature(byte[] body, String key) {
        return RetellSignature.sign(body, key, clock.millis());
    }

    public Response signed(String path, byte[] body, String key) {
        return signed(path, body, key, Map.of());
    }

    public Response signed(String path, String body, String key) {
        return signed(path, body.getBytes(StandardCharsets.UTF_8), key, Map.of());
    }

    /** Signed, with further headers (Retell's "args only" tool headers). */
    public Response signed(String path, byte[] body, String key, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(SIGNATURE, signature(body, key));
        return send(path, body, all);
    }

    /** With this signature header, or none: for tests of what an unsigned or forged request gets. */
    public Response send(String path, byte[] body, @Nullable String signature) {
        return send(path, body, signature == null ? Map.of() : Map.of(SIGNATURE, signature));
    }

    /** Exactly these headers (and Content-Type: application/json unless they name one). */
    public Response send(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
