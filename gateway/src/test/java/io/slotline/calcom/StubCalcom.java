package io.slotline.calcom;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A local HTTP server standing in for Cal.com: records every request and answers with the configured response. */
final class StubCalcom implements AutoCloseable {

    record Recorded(
            String method,
            String path,
            String rawPath,
            String rawQuery,
            Map<String, String> query,
            Headers headers,
            String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Reply(int status, String body, Map<String, String> headers, boolean hang) {

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), false);
        }

        static Reply json(int status, String body, Map<String, String> headers) {
            return new Reply(status, body, headers, false);
        }

        /** Never answers (until the stub closes): the client must time out. */
        static Reply never() {
            return new Reply(200, "{}", Map.of(), true);
        }
    }

    static final Map<String, String> RATE_LIMIT_HEADERS = Map.of(
            "X-RateLimit-Limit-Default", "120",
            "X-RateLimit-Remaining-Default", "119",
            "X-RateLimit-Reset-Default", "60");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> responder = request -> Reply.json(500, "{}");

    StubCalcom() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void respond(Reply reply) {
        responder = request -> reply;
    }

    void respond(Function<Recorded, Reply> function) {
        responder = function;
    }

    List<Recorded> requests() {
        return requests;
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        Recorded recorded = new Recorded(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getRawPath(),
                uri.getRawQuery(),
                decodeQuery(uri.getRawQuery()),
                exchange.getRequestHeaders(),
                body);
        requests.add(recorded);
        Reply reply = responder.apply(recorded);
        if (reply.hang()) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Request-Id", "req-" + requests.size());
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (query.put(name, value) != null) {
                throw new AssertionError("duplicate query parameter " + name);
            }
        }
        return query;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
