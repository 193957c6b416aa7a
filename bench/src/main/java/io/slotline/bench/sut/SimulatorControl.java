package io.slotline.bench.sut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's control API under {@code /_sim}: reset between runs, latency and faults, request counts. */
public final class SimulatorControl {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client;
    private final String baseUrl;

    public SimulatorControl(HttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    public void reset(SimConfig config) {
        post("/_sim/reset", config.resetJson());
    }

    public void configure(SimConfig config) {
        post("/_sim/config", config.toJson());
    }

    public SimStats stats() {
        return parseStats(get("/_sim/stats"));
    }

    /** Adds tenants, hosts, event types and bookings ({@code POST /_sim/scenario} without a name). */
    public void addScenario(String json) {
        post("/_sim/scenario", json);
    }

    /** Requests per API key since the last reset: total and the busiest 60 seconds. */
    public record KeyLoad(String apiKey, long total, long maxPerMinute) {}

    public java.util.List<KeyLoad> keyLoads() {
        return parseKeyLoads(get("/_sim/stats"));
    }

    static java.util.List<KeyLoad> parseKeyLoads(String body) {
        try {
            java.util.List<KeyLoad> loads = new java.util.ArrayList<>();
            for (Map.Entry<String, JsonNode> key :
                    JSON.readTree(body).path("keys").properties()) {
                loads.add(new KeyLoad(
                        key.getKey(),
                        key.getValue().path("total").asLong(),
                        key.getValue().path("maxPerMinute").asLong()));
            }
            return loads;
        } catch (JacksonException e) {
            throw new IllegalStateException("simulator stats are not JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code {"total":N,"endpoints":{"GET /v2/slots":{"200":12,"429":1}}}}. */
    static SimStats parseStats(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            Map<String, Map<String, Long>> endpoints = new TreeMap<>();
            JsonNode perEndpoint = root.path("endpoints");
            for (Map.Entry<String, JsonNode> endpoint : perEndpoint.properties()) {
                Map<String, Long> statuses = new TreeMap<>();
                for (Map.Entry<String, JsonNode> status : endpoint.getValue().properties()) {
                    statuses.put(status.getKey(), status.getValue().asLong());
                }
                endpoints.put(endpoint.getKey(), statuses);
            }
            JsonNode total = root.get("total");
            long sum = endpoints.values().stream()
                    .flatMap(s -> s.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
            return new SimStats(total != null && total.isNumber() ? total.asLong() : sum, endpoints);
        } catch (JacksonException e) {
            throw new IllegalStateException("simulator stats are not JSON: " + e.getOriginalMessage());
        }
    }

    private String get(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private void post(String path, String json) {
        exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String exchange(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
