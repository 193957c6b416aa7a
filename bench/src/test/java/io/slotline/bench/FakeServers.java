package io.slotline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.slotline.bench.calls.RetellSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in gateway and simulator on loopback, speaking the contract's endpoints, so the whole bench can run in a
 * test without the real ones. The gateway verifies every signature and "calls Cal.com" by bumping the simulator's
 * counters.
 */
final class FakeServers implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Map<String, String> KEY_BY_NUMBER =
            Map.of("+4930120000", "key_demo", "+442071230000", "key_other");

    final HttpServer gateway;
    final HttpServer simulator;
    final Map<String, AtomicLong> requestsByPath = new ConcurrentHashMap<>();
    final AtomicLong badSignatures = new AtomicLong();
    final Map<String, AtomicLong> upstream = new ConcurrentHashMap<>();
    final List<String> simConfigs = new CopyOnWriteArrayList<>();
    final List<String> simResets = new CopyOnWriteArrayList<>();
    final AtomicLong cacheHits = new AtomicLong();

    FakeServers() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.setExecutor(Executors.newFixedThreadPool(8));
        gateway.createContext("/retell/", this::retell);
        gateway.createContext("/actuator/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        gateway.createContext(
                "/actuator/metrics/process.cpu.usage",
                ex -> reply(ex, 200, "{\"measurements\":[{\"statistic\":\"VALUE\",\"value\":0.125}]}"));
        gateway.createContext(
                "/actuator/metrics/jvm.memory.used",
                ex -> reply(ex, 200, "{\"measurements\":[{\"statistic\":\"VALUE\",\"value\":104857600}]}"));
        gateway.createContext(
                "/actuator/prometheus",
                ex -> reply(
                        ex,
                        200,
                        "slotline_availability_cache_total{result=\"hit\"} " + cacheHits.get() + ".0\n"
                                + "slotline_availability_cache_total{result=\"miss\"} 0.0\n"));
        simulator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        simulator.createContext("/_sim/reset", ex -> {
            simResets.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            upstream.clear();
            reply(ex, 200, "{}");
        });
        simulator.createContext("/_sim/config", ex -> {
            simConfigs.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, 200, "{}");
        });
        simulator.createContext("/_sim/stats", ex -> {
            StringBuilder endpoints = new StringBuilder();
            long total = 0;
            for (Map.Entry<String, AtomicLong> e : upstream.entrySet()) {
                endpoints
                        .append(endpoints.length() == 0 ? "" : ",")
                        .append('"')
                        .append(e.getKey())
                        .append("\":{\"200\":")
                        .append(e.getValue().get())
                        .append('}');
                total += e.getValue().get();
            }
            reply(ex, 200, "{\"total\":" + total + ",\"endpoints\":{" + endpoints + "}}");
        });
        gateway.start();
        simulator.start();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    String simulatorUrl() {
        return "http://127.0.0.1:" + simulator.getAddress().getPort();
    }

    long requests(String path) {
        AtomicLong n = requestsByPath.get(path);
        return n == null ? 0 : n.get();
    }

    private void retell(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requestsByPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body);
        String to = path.equals("/retell/inbound")
                ? json.at("/call_inbound/to_number").asString()
                : json.at("/call/to_number").asString();
        String header = ex.getRequestHeaders().getFirst(RetellSigner.HEADER);
        String key = KEY_BY_NUMBER.get(to);
        String ts = header == null ? "" : header.replaceAll("^v=(\\d+),.*$", "$1");
        if (key == null || header == null || !header.equals(RetellSigner.signature(key, body, Long.parseLong(ts)))) {
            badSignatures.incrementAndGet();
            reply(ex, 401, "{\"ok\":false}");
            return;
        }
        if (!path.startsWith("/retell/functions/")) {
            reply(ex, path.equals("/retell/inbound") ? 200 : 204, path.equals("/retell/inbound") ? "{}" : "");
            return;
        }
        String function = path.substring("/retell/functions/".length());
        switch (function) {
            case "check_availability" -> {
                count("GET /v2/slots");
                boolean taken = json.at("/args/time").asString().startsWith("14");
                reply(ex, 200, "{\"ok\":true,\"available\":" + !taken + "}");
            }
            case "get_alternatives" -> {
                cacheHits.incrementAndGet();
                reply(
                        ex,
                        200,
                        "{\"ok\":true,\"alternatives\":[{\"date\":\""
                                + json.at("/args/date").asString() + "\",\"time\":\"16:00\"}]}");
            }
            case "find_next_available" -> {
                count("GET /v2/slots");
                reply(ex, 200, "{\"ok\":true,\"date\":\"2030-01-07\",\"time\":\"09:00\"}");
            }
            case "book_appointment" -> {
                count("POST /v2/bookings");
                reply(ex, 200, "{\"ok\":true,\"message\":\"gebucht\"}");
            }
            case "cancel_appointment", "reschedule_appointment" ->
                reply(ex, 200, "{\"ok\":false,\"reason\":\"not_found\",\"message\":\"kein Termin\"}");
            default -> reply(ex, 404, "{\"ok\":false}");
        }
    }

    private void count(String endpoint) {
        upstream.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 204) {
            ex.sendResponseHeaders(204, -1);
        } else {
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        gateway.stop(0);
        simulator.stop(0);
    }
}
