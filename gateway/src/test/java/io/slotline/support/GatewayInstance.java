package io.slotline.support;

import io.slotline.SlotlineApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One gateway instance in this JVM (its own application context, web server on a random port, caches, Redis client
 * and connection pool), for tests that run several instances side by side against shared services, the way they
 * run behind a load balancer. Requests are signed as Retell signs them.
 *
 * <pre>{@code
 * try (GatewayInstance a = GatewayInstance.start(clock, "--spring.datasource.url=...", "--slotline.redis.enabled=true")) {
 *     RetellTestCall call = RetellTestCall.to("+4930120000", "key_demo", clock);
 *     GatewayInstance.Reply reply = a.function(call, "check_availability", Map.of("service", "Herrenhaarschnitt", ...));
 * }
 * }</pre>
 */
public final class GatewayInstance implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;

    private GatewayInstance(ConfigurableApplicationContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    /**
     * Starts an instance with profile {@code test} (plus {@code profiles}), on a random port, on {@code clock}; the
     * arguments are command-line properties ({@code --name=value}), which win over every profile's.
     */
    public static GatewayInstance start(Clock clock, List<String> profiles, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(arguments));
        List<String> active = new ArrayList<>(List.of("test"));
        active.addAll(profiles);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlotlineApplication.class)
                .profiles(active.toArray(String[]::new))
                .initializers(app -> ((GenericApplicationContext) app)
                        .registerBean("testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run(args.toArray(String[]::new));
        return new GatewayInstance(context, clock);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** A function call of {@code call} as Retell sends it, with a tool call id of its own. */
    public Reply function(RetellTestCall call, String name, Map<String, ?> args) {
        return function(call, name, args, call.nextToolCallId());
    }

    /** The same tool call id twice is Retell retrying one tool call. */
    public Reply function(RetellTestCall call, String name, Map<String, ?> args, String toolCallId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("args", JSON.valueToTree(args));
        body.set("call", call.callObject(toolCallId, name, clock.millis()));
        return post("/retell/functions/" + name, JSON.writeValueAsString(body), call.retellKey());
    }

    /** A Retell call webhook ({@code call_started}, {@code call_ended}). */
    public Reply webhook(RetellTestCall call, String event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event);
        ObjectNode object = call.callObject(null, "", clock.millis());
        if (!event.equals("call_started")) {
            object.put("call_status", "ended");
            object.put("end_timestamp", clock.millis());
            object.put("disconnection_reason", "user_hangup");
        }
        body.set("call", object);
        return post("/retell/webhook", JSON.writeValueAsString(body), call.retellKey());
    }

    /** Retell's call_inbound webhook: what the agent learns before it says hello. */
    public Reply inbound(RetellTestCall call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", "call_inbound");
        ObjectNode inbound = body.putObject("call_inbound");
        inbound.put("agent_id", "agent_test");
        inbound.put("from_number", call.from);
        inbound.put("to_number", call.to);
        return post("/retell/inbound", JSON.writeValueAsString(body), call.retellKey());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    private Reply post(String path, String body, String key) {
        RetellClient.Response response = new RetellClient(this::port, clock).signed(path, body, key);
        return new Reply(response.status(), response.body(), response.took());
    }

    private Reply send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP answer and how long it took. */
    public record Reply(int status, String body, Duration took) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean ok() {
            return json().path("ok").asBoolean();
        }

        public String message() {
            return json().path("message").asString("");
        }

        public @Nullable String reason() {
            return json().path("reason").asString(null);
        }
    }

    /** One phone call: its id, who calls, the dialled number and the key Retell signs with. */
    public static final class RetellTestCall {

        private final String id = "call_" + UUID.randomUUID().toString().replace("-", "");
        private final String from;
        private final String to;
        private final String retellKey;
        private int toolCalls;

        private RetellTestCall(String from, String to, String retellKey) {
            this.from = from;
            this.to = to;
            this.retellKey = retellKey;
        }

        /** A call from a random German mobile number to {@code to}. */
        public static RetellTestCall to(String to, String retellKey) {
            return new RetellTestCall(
                    "+49151" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)), to, retellKey);
        }

        public String id() {
            return id;
        }

        public String from() {
            return from;
        }

        String retellKey() {
            return retellKey;
        }

        synchronized String nextToolCallId() {
            return "tc_" + id + "_" + (++toolCalls);
        }

        ObjectNode callObject(@Nullable String toolCallId, String function, long nowMillis) {
            ObjectNode call = JSON.createObjectNode();
            call.put("call_type", "phone_call");
            call.put("call_id", id);
            call.put("agent_id", "agent_test");
            call.put("agent_version", 1);
            call.put("call_status", "ongoing");
            call.put("direction", "inbound");
            call.put("from_number", from);
            call.put("to_number", to);
            call.put("start_timestamp", nowMillis);
            var transcript = call.putArray("transcript_with_tool_calls");
            if (toolCallId != null) {
                ObjectNode invocation = transcript.addObject();
                invocation.put("role", "tool_call_invocation");
                invocation.put("tool_call_id", toolCallId);
                invocation.put("name", function);
                invocation.put("arguments", "{}");
            }
            return call;
        }
    }
}
