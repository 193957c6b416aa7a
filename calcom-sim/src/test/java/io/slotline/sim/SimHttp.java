package io.slotline.sim;

import io.slotline.sim.web.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A tiny JDK HttpClient wrapper for talking to a running simulator in tests. */
final class SimHttp {

    static final String SLOTS_VERSION = "2024-09-04";
    static final String BOOKINGS_VERSION = "2024-08-13";
    static final String EVENT_TYPES_VERSION = "2024-06-14";

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        List<String> fieldNames(String pointer) {
            List<String> names = new ArrayList<>();
            json().at(pointer).propertyNames().forEach(names::add);
            return names;
        }
    }

    private final String baseUrl;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SimHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response send(String method, String path, String body, String... headers) {
        try {
            return sendAsync(method, path, body, headers).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    CompletableFuture<Response> sendAsync(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
    }

    static String[] slots(String... more) {
        return with(new String[] {"cal-api-version", SLOTS_VERSION}, more);
    }

    static String[] bookings(String key) {
        return key == null
                ? new String[] {"cal-api-version", BOOKINGS_VERSION}
                : new String[] {"cal-api-version", BOOKINGS_VERSION, "Authorization", "Bearer " + key};
    }

    static String[] eventTypes(String key) {
        return new String[] {"cal-api-version", EVENT_TYPES_VERSION, "Authorization", "Bearer " + key};
    }

    private static String[] with(String[] base, String[] more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    void control(String path, String body) {
        Response response = post(path, body);
        if (response.status() >= 300) {
            throw new IllegalStateException(path + " failed: " + response.status() + " " + response.body());
        }
    }
}
