package io.slotline.sim.control;

import io.slotline.sim.api.BookingsApi;
import io.slotline.sim.api.WebhooksApi;
import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.ScenarioData;
import io.slotline.sim.calendar.Scenarios;
import io.slotline.sim.calendar.SimClock;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.ControlEndpoint;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.RateLimiter;
import io.slotline.sim.web.Reply;
import io.slotline.sim.web.RequestStats;
import io.slotline.sim.web.SimSettings;
import io.slotline.sim.web.Times;
import io.slotline.sim.webhook.WebhookDispatcher;
import io.slotline.sim.webhook.WebhookSubscription;
import io.slotline.sim.webhook.WebhookSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /_sim} control API for tests, benchmarks and demos (see README). */
public final class ControlApi implements ControlEndpoint {

    private final SimClock clock;
    private final CalendarStore store;
    private final ScenarioJson scenarioJson;
    private final BookingsApi bookings;
    private final WebhooksApi webhooksApi;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final SimSettings settings;
    private final RateLimiter limiter;
    private final RequestStats stats;
    private volatile String scenario;

    public ControlApi(
            SimClock clock,
            CalendarStore store,
            io.slotline.sim.calendar.Ids ids,
            BookingsApi bookings,
            WebhooksApi webhooksApi,
            WebhookSubscriptions subscriptions,
            WebhookDispatcher dispatcher,
            SimSettings settings,
            RateLimiter limiter,
            RequestStats stats,
            String scenario) {
        this.clock = clock;
        this.store = store;
        this.scenarioJson = new ScenarioJson(store, ids);
        this.bookings = bookings;
        this.webhooksApi = webhooksApi;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.limiter = limiter;
        this.stats = stats;
        this.scenario = scenario;
    }

    /** Loads a built-in scenario relative to the clock's now. */
    public void loadScenario(String name) {
        store.load(Scenarios.named(name, clock.instant()));
        scenario = name;
    }

    @Override
    public Reply handle(ApiRequest request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        String route = request.method() + " " + path;
        try {
            return switch (route) {
                case "GET /_sim" -> ok(info());
                case "GET /_sim/stats" -> ok(stats.toJson());
                case "POST /_sim/reset" -> ok(reset(request));
                case "GET /_sim/config" -> ok(Json.tree(settings.current()));
                case "POST /_sim/config" -> ok(Json.tree(settings.merge(request.jsonBody())));
                case "GET /_sim/clock" -> ok(clockJson());
                case "POST /_sim/clock" -> ok(setClock(request.jsonObjectBody()));
                case "GET /_sim/bookings" -> ok(listBookings(request.query("apiKey")));
                case "POST /_sim/bookings" -> createBooking(request.jsonObjectBody());
                case "GET /_sim/scenario" -> ok(describe());
                case "POST /_sim/scenario" -> ok(loadScenario(request.jsonObjectBody()));
                case "POST /_sim/tenants" -> created(add("tenants", request.jsonObjectBody()));
                case "POST /_sim/hosts" -> created(add("hosts", request.jsonObjectBody()));
                case "POST /_sim/event-types" -> created(add("eventTypes", request.jsonObjectBody()));
                case "GET /_sim/webhooks" -> ok(webhooks());
                case "POST /_sim/webhooks" -> subscribe(request.jsonObjectBody());
                default -> {
                    if (request.method().equals("DELETE") && path.startsWith("/_sim/webhooks/")) {
                        yield unsubscribe(path.substring("/_sim/webhooks/".length()));
                    }
                    throw ApiError.notFound("Cannot " + request.method() + " " + request.url());
                }
            };
        } catch (IllegalArgumentException | JacksonException e) {
            throw ApiError.badRequest(rootMessage(e));
        }
    }

    private ObjectNode info() {
        ObjectNode json = Json.object();
        json.put("status", "ok");
        json.put("scenario", scenario);
        json.set("clock", clockJson());
        ArrayNode keys = json.putArray("apiKeys");
        store.tenants().forEach(t -> keys.add(t.apiKey()));
        return json;
    }

    private ObjectNode reset(ApiRequest request) {
        JsonNode body = request.jsonBody();
        boolean dataReset = "true".equals(request.query("data"));
        String requested = body.path("scenario").asString(null);
        if (requested != null) {
            if (!Scenarios.exists(requested)) {
                throw new IllegalArgumentException("unknown scenario " + requested + " (known: demo, empty)");
            }
            loadScenario(requested);
            dataReset = true;
        } else if (dataReset) {
            loadScenario(scenario);
        }
        boolean configReset = body.path("config").asBoolean(false);
        if (configReset) {
            settings.restoreInitial();
        }
        if (body.path("webhooks").asBoolean(false)) {
            subscriptions.clear();
        }
        stats.reset(clock.instant());
        limiter.reset();
        dispatcher.clearDeliveries();
        ObjectNode json = Json.object();
        json.put("status", "ok");
        json.put("scenario", scenario);
        json.put("dataReset", dataReset);
        json.put("configReset", configReset);
        return json;
    }

    private ObjectNode clockJson() {
        ObjectNode json = Json.object();
        json.put("now", Times.iso(clock.instant()));
        json.put("mode", clock.isReal() ? "real" : clock.isFrozen() ? "fixed" : "ticking");
        return json;
    }

    private ObjectNode setClock(ObjectNode body) {
        if (body.has("advanceSeconds")) {
            Instant moved = clock.instant()
                    .plus(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
            if (clock.isFrozen()) {
                clock.fix(moved);
            } else {
                clock.startAt(moved);
            }
        } else if (body.has("now")) {
            JsonNode now = body.get("now");
            if (now.isNull()) {
                clock.useRealTime();
            } else if (body.path("ticking").asBoolean(false)) {
                clock.startAt(ScenarioJson.instant(now.asString()));
            } else {
                clock.fix(ScenarioJson.instant(now.asString()));
            }
        } else {
            throw new IllegalArgumentException(
                    "send {\"now\": \"<ISO instant>\"|null, \"ticking\": false} " + "or {\"advanceSeconds\": n}");
        }
        return clockJson();
    }

    private ObjectNode listBookings(@Nullable String apiKey) {
        ArrayNode data = Json.array();
        store.bookings().stream()
                .filter(b -> apiKey == null || b.ownerKey().equals(apiKey))
                .sorted(Comparator.comparing(Booking::start).thenComparingLong(Booking::id))
                .forEach(b -> data.add(bookings.render(b)));
        return Envelopes.success(data);
    }

    private Reply createBooking(ObjectNode body) {
        String apiKey = body.path("apiKey").asString(null);
        if (apiKey != null && store.tenant(apiKey).isEmpty()) {
            throw new IllegalArgumentException("unknown apiKey " + apiKey);
        }
        ObjectNode booking = bookings.createNow(body, Set.of("apiKey"), apiKey);
        return Reply.json(201, Envelopes.success(booking));
    }

    private ObjectNode describe() {
        ObjectNode json = scenarioJson.describe(current());
        json.put("scenario", scenario);
        return json;
    }

    private ObjectNode loadScenario(ObjectNode body) {
        String name = body.path("name").asString(null);
        if (name != null) {
            if (!Scenarios.exists(name)) {
                throw new IllegalArgumentException("unknown scenario " + name + " (known: demo, empty); send "
                        + "tenants, hosts, eventTypes and bookings without a name to load your own data");
            }
            loadScenario(name);
        } else {
            boolean replace = body.path("reset").asBoolean(false);
            ScenarioData known = replace ? ScenarioData.empty() : current();
            ScenarioData parsed = scenarioJson.scenario(body, known, clock.instant());
            if (replace) {
                store.load(parsed);
            } else {
                store.add(parsed);
            }
        }
        return describe();
    }

    private ObjectNode add(String kind, ObjectNode entity) {
        ObjectNode wrapper = Json.object();
        wrapper.putArray(kind).add(entity);
        ScenarioData parsed = scenarioJson.scenario(wrapper, current(), clock.instant());
        store.add(parsed);
        return scenarioJson.describe(parsed);
    }

    private ScenarioData current() {
        return new ScenarioData(store.tenants(), store.hosts(), store.eventTypes(), List.of());
    }

    private ObjectNode webhooks() {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("subscriptions");
        for (WebhookSubscription subscription : subscriptions.all()) {
            ObjectNode entry = WebhooksApi.render(subscription);
            if (subscription.ownerKey() == null) {
                entry.putNull("apiKey");
            } else {
                entry.put("apiKey", subscription.ownerKey());
            }
            list.add(entry);
        }
        ArrayNode deliveries = json.putArray("deliveries");
        for (WebhookDispatcher.Delivery delivery : dispatcher.deliveries()) {
            ObjectNode entry = deliveries.addObject();
            entry.put("trigger", delivery.trigger());
            entry.put("bookingUid", delivery.bookingUid());
            entry.put("subscriptionId", delivery.subscriptionId());
            entry.put("subscriberUrl", delivery.subscriberUrl());
            entry.put("sentAt", Times.iso(delivery.sentAt()));
            if (delivery.status() == null) {
                entry.putNull("status");
            } else {
                entry.put("status", delivery.status());
            }
            if (delivery.error() != null) {
                entry.put("error", delivery.error());
            }
        }
        return json;
    }

    private Reply subscribe(ObjectNode body) {
        String apiKey = body.path("apiKey").asString(null);
        Tenant owner = null;
        if (apiKey != null) {
            owner = store.tenant(apiKey).orElseThrow(() -> new IllegalArgumentException("unknown apiKey " + apiKey));
        }
        ObjectNode copy = body.deepCopy();
        copy.remove("apiKey");
        return Reply.json(201, Envelopes.success(webhooksApi.subscribeTenantWide(copy, owner)));
    }

    private Reply unsubscribe(String id) {
        if (!subscriptions.remove(id)) {
            throw ApiError.notFound("Webhook with id " + id + " not found");
        }
        ObjectNode json = Json.object();
        json.put("status", "success");
        return ok(json);
    }

    private static Reply ok(JsonNode body) {
        return Reply.json(200, body);
    }

    private static Reply created(JsonNode body) {
        return Reply.json(201, body);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
