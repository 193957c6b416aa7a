package io.slotline.sim.web;

import io.slotline.sim.calendar.CalendarException;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.config.FaultSettings;
import io.slotline.sim.config.SimConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every HTTP request enters here. For Cal.com routes it applies, in Cal.com's order, version routing, the throttler,
 * authentication and the endpoint, plus the simulator's injected faults and latency. Delayed answers are completed by
 * a timer on an async servlet response, so a waiting request holds no thread.
 */
public final class FrontController implements HandlerFunction<ServerResponse> {

    public static final String MSG_INVALID_KEY = "ApiAuthStrategy - api key - Your api key is not valid";
    public static final String MSG_NO_AUTH = "ApiAuthStrategy - No authentication method provided. Either pass an "
            + "API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' "
            + "headers";
    private static final Logger log = LoggerFactory.getLogger(FrontController.class);
    private static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private record Delivery(String endpoint, String requestId, Map<String, String> headers, boolean malformed) {}

    private final Routes routes;
    private final ControlEndpoint control;
    private final Scheduler scheduler;
    private final SimSettings settings;
    private final RateLimiter limiter;
    private final RequestStats stats;
    private final ScheduledExecutorService timer;
    private final RandomGenerator random;
    private final Clock clock;

    public FrontController(
            Routes routes,
            ControlEndpoint control,
            Scheduler scheduler,
            SimSettings settings,
            RateLimiter limiter,
            RequestStats stats,
            ScheduledExecutorService timer,
            RandomGenerator random,
            Clock clock) {
        this.routes = routes;
        this.control = control;
        this.scheduler = scheduler;
        this.settings = settings;
        this.limiter = limiter;
        this.stats = stats;
        this.timer = timer;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest http = request.servletRequest();
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (http.getDispatcherType() == DispatcherType.ERROR) {
            return errorPage(http, requestId, now);
        }
        String path = http.getRequestURI();
        if (path.equals("/_sim") || path.startsWith("/_sim/")) {
            return controlCall(newRequest(http, Map.of(), now), requestId);
        }
        Optional<Routes.Match> match = routes.match(http.getMethod(), path);
        if (match.isEmpty()) {
            ApiRequest unmatched = newRequest(http, Map.of(), now);
            stats.record(http.getMethod() + " (unmatched)", 404);
            return toResponse(routeNotFound(unmatched), requestId);
        }
        return apiCall(match.get().route(), newRequest(http, match.get().variables(), now), requestId);
    }

    private ServerResponse controlCall(ApiRequest request, String requestId) {
        Reply reply;
        try {
            reply = control.handle(request);
        } catch (ApiError e) {
            reply = Envelopes.of(e, request.url(), clock.instant());
        } catch (CalendarException e) {
            reply = Envelopes.of(e, request.url(), clock.instant());
        } catch (RuntimeException e) {
            log.error("control request {} {} failed", request.method(), request.url(), e);
            reply = Envelopes.error(500, "Internal server error", null, request.url(), clock.instant());
        }
        return toResponse(reply, requestId);
    }

    private ServerResponse apiCall(Route route, ApiRequest request, String requestId) {
        Route.VersionDecision version = route.versions().check(request.header("cal-api-version"));
        if (version == Route.VersionDecision.NOT_FOUND) {
            stats.record(route.name(), 404);
            return toResponse(routeNotFound(request), requestId);
        }
        SimConfig config = settings.current();
        String key = request.bearerToken();
        if (key != null) {
            stats.recordKey(key, request.receivedAt());
        }
        String tracker = request.hasAuthorization()
                ? "key:" + String.valueOf(request.header("Authorization")).trim()
                : "ip:" + request.remoteAddress();
        RateLimiter.Decision budget = limiter.acquire(tracker, key, config.rateLimit(), request.receivedAt());
        FaultSettings faults = config.faultsOf(route.group());
        Outcome outcome;
        if (!budget.allowed() || roll(faults.rateLimitRate())) {
            outcome = Envelopes.error(429, Envelopes.MSG_THROTTLED, null, request.url(), request.receivedAt());
        } else if (roll(faults.errorRate())) {
            outcome = Envelopes.error(500, "Internal server error", null, request.url(), request.receivedAt());
        } else {
            outcome = execute(route, request, version);
        }
        long latency = config.latencyOf(route.group()).sampleMillis(random);
        long hold = roll(faults.timeoutRate()) ? Math.max(latency, faults.timeoutMs()) : latency;
        stats.recordDelay(route.name(), hold);
        Delivery delivery = new Delivery(route.name(), requestId, budget.headers(), roll(faults.malformedRate()));
        return deliver(outcome, latency, hold, delivery, request);
    }

    private Outcome execute(Route route, ApiRequest request, Route.VersionDecision version) {
        try {
            authenticate(route, request);
            if (version == Route.VersionDecision.LEGACY) {
                throw legacyVersion(route, request.header("cal-api-version"));
            }
            return route.handler().handle(request);
        } catch (RuntimeException e) {
            return errorReply(e, request);
        }
    }

    private void authenticate(Route route, ApiRequest request) {
        if (request.hasAuthorization()) {
            String key = request.bearerToken();
            Tenant tenant = key == null ? null : scheduler.tenant(key).orElse(null);
            if (tenant == null) {
                throw ApiError.unauthorized(MSG_INVALID_KEY);
            }
            request.caller(tenant);
        } else if (route.auth() == Route.Auth.REQUIRED) {
            throw ApiError.unauthorized(MSG_NO_AUTH);
        }
    }

    /**
     * A missing or unknown version reaches Cal.com's 2024-04-15 controller (other request and response shapes). The
     * simulator does not model it and answers like the global validation pipe would reject a foreign body.
     */
    private static ApiError legacyVersion(Route route, @Nullable String version) {
        String got = version == null ? "is missing" : "\"" + version + "\" is not supported by this endpoint";
        ObjectNode details = Json.object();
        ObjectNode error = details.putArray("errors").addObject();
        error.put("property", "cal-api-version");
        error.putArray("children");
        error.putObject("constraints")
                .put(
                        "calcomSimulator",
                        "cal-api-version " + got
                                + ": Cal.com falls back to its legacy 2024-04-15 handler, whose request and response shapes the "
                                + "simulator does not model. Send cal-api-version: "
                                + route.versions().expected());
        return new ApiError(400, "Bad Request Exception", details, false);
    }

    private Reply errorReply(RuntimeException e, ApiRequest request) {
        if (e instanceof ApiError apiError) {
            return Envelopes.of(apiError, request.url(), clock.instant());
        }
        if (e instanceof CalendarException calendarError) {
            return Envelopes.of(calendarError, request.url(), clock.instant());
        }
        log.error("request {} {} failed", request.method(), request.url(), e);
        return Envelopes.error(500, "Internal server error", null, request.url(), clock.instant());
    }

    private ServerResponse deliver(
            Outcome outcome, long workDelay, long responseDelay, Delivery delivery, ApiRequest request) {
        if (responseDelay <= 0) {
            return finish(resolve(outcome, request), delivery);
        }
        CompletableFuture<ServerResponse> future = new CompletableFuture<>();
        long workAt = Math.min(workDelay, responseDelay);
        schedule(
                () -> {
                    Reply reply = resolve(outcome, request);
                    long remaining = responseDelay - workAt;
                    if (remaining <= 0) {
                        future.complete(finish(reply, delivery));
                    } else {
                        schedule(() -> future.complete(finish(reply, delivery)), remaining, future);
                    }
                },
                workAt,
                future);
        return ServerResponse.async(future);
    }

    private void schedule(Runnable task, long delayMs, CompletableFuture<ServerResponse> future) {
        timer.schedule(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("delayed response failed", e);
                        future.completeExceptionally(e);
                    }
                },
                delayMs,
                TimeUnit.MILLISECONDS);
    }

    private Reply resolve(Outcome outcome, ApiRequest request) {
        if (outcome instanceof Reply reply) {
            return reply;
        }
        try {
            return ((Outcome.Deferred) outcome).completion().get();
        } catch (RuntimeException e) {
            return errorReply(e, request);
        }
    }

    private ServerResponse finish(Reply reply, Delivery delivery) {
        Reply sent = delivery.malformed() ? reply.truncated() : reply;
        stats.record(delivery.endpoint(), sent.status());
        return toResponse(sent.withHeaders(delivery.headers()), delivery.requestId());
    }

    private Reply routeNotFound(ApiRequest request) {
        return Envelopes.error(
                404, "Cannot " + request.method() + " " + request.url(), null, request.url(), request.receivedAt());
    }

    private ServerResponse errorPage(HttpServletRequest http, String requestId, Instant now) {
        Object code = http.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        Object uri = http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : http.getRequestURI();
        String message = status == 404 ? "Cannot " + http.getMethod() + " " + path : Envelopes.reason(status);
        return toResponse(Envelopes.error(status, message, null, path, now), requestId);
    }

    private static ApiRequest newRequest(HttpServletRequest http, Map<String, String> variables, Instant now) {
        byte[] body;
        try {
            body = http.getInputStream().readAllBytes();
        } catch (IOException e) {
            body = new byte[0];
        }
        return new ApiRequest(
                http.getMethod(),
                http.getRequestURI(),
                http.getQueryString(),
                variables,
                http::getHeader,
                body,
                http.getRemoteAddr(),
                now);
    }

    static ServerResponse toResponse(Reply reply, String requestId) {
        byte[] body = reply.body();
        return ServerResponse.status(reply.status())
                .headers(headers -> {
                    reply.headers().forEach(headers::set);
                    headers.set("X-Request-Id", requestId);
                })
                .contentType(JSON_UTF8)
                .contentLength(body.length)
                .build((req, res) -> {
                    res.getOutputStream().write(body);
                    return null;
                });
    }

    private boolean roll(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
