package io.slotline.bench.sut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the gateway's actuator: readiness, CPU, heap, Prometheus text. Missing data is empty, never an error. */
public final class GatewayProbe {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client;
    private final String baseUrl;

    public GatewayProbe(HttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Readiness group when the gateway exposes probes, else overall health. */
    public boolean ready() {
        Optional<Response> readiness = get("/actuator/health/readiness");
        if (readiness.isPresent() && readiness.get().status() == 404) {
            readiness = get("/actuator/health");
        }
        return readiness
                .filter(r -> r.status() == 200)
                .map(r -> statusUp(r.body()))
                .orElse(false);
    }

    /** Share of the machine's CPU the gateway process used recently (0..1). */
    public OptionalDouble cpuUsage() {
        return metric("/actuator/metrics/process.cpu.usage");
    }

    public OptionalDouble heapUsedBytes() {
        return metric("/actuator/metrics/jvm.memory.used?tag=area:heap");
    }

    public Optional<String> prometheus() {
        return get("/actuator/prometheus").filter(r -> r.status() == 200).map(Response::body);
    }

    private OptionalDouble metric(String path) {
        Optional<Response> response = get(path).filter(r -> r.status() == 200);
        if (response.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            JsonNode measurements = JSON.readTree(response.get().body()).path("measurements");
            for (JsonNode m : measurements) {
                if ("VALUE".equals(m.path("statistic").asString(""))
                        && m.path("value").isNumber()) {
                    return OptionalDouble.of(m.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (JacksonException e) {
            return OptionalDouble.empty();
        }
    }

    private static boolean statusUp(String body) {
        try {
            return "UP".equals(JSON.readTree(body).path("status").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    private Optional<Response> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Response(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private record Response(int status, String body) {}
}
