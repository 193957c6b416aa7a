package io.slotline.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator as the chaos run uses it: its fault/latency configuration, its slots and its bookings. */
final class SimulatorCalls {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client;
    private final String url;

    SimulatorCalls(HttpClient client, String url) {
        this.client = client;
        this.url = url;
    }

    String url() {
        return url;
    }

    void configure(String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_sim/config"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("simulator config refused: " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> bookings() {
        List<JsonNode> bookings = new ArrayList<>();
        for (String key : List.of("cal_demo", "cal_other")) {
            getJson("/_sim/bookings?apiKey=" + key, null).path("data").forEach(bookings::add);
        }
        return bookings;
    }

    JsonNode getJson(String path, @Nullable String apiVersion) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer cal_demo");
        if (apiVersion != null) {
            request.header("cal-api-version", apiVersion);
        }
        try {
            return JSON.readTree(client.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
