package io.slotline.calcom;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.observability.AccountTags;
import io.slotline.observability.MetricsProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CalcomApi} over HTTP with the JDK HttpClient (HTTP/1.1, pooled keep-alive connections). It owns the
 * wire details: cal-api-version per endpoint group, bearer auth, timeouts, mapping to Slotline's records,
 * error classification, rate-limit headers and metrics. No retries, caching or circuit breaking here.
 *
 * <p>Each call is bounded by connect timeout + the group's read timeout as a whole (headers and body), so a
 * slowly trickling body can't hold a live phone call hostage.
 */
public final class HttpCalcomClient implements CalcomApi {

    private static final Logger log = LoggerFactory.getLogger(HttpCalcomClient.class);

    private static final String API_VERSION_HEADER = "cal-api-version";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final DateTimeFormatter BODY_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final CalcomProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AccountTags accountTags;
    private final HttpClient http;
    private final CalcomRateLimits rateLimits;

    /** For tests: with {@code tenantTags} the account tag is the company slug (up to 50 of them), else "all". */
    public HttpCalcomClient(CalcomProperties properties, MeterRegistry registry, Clock clock, boolean tenantTags) {
        this(properties, registry, clock, AccountTags.of(new MetricsProperties(tenantTags, 50)));
    }

    public HttpCalcomClient(CalcomProperties properties, MeterRegistry registry, Clock clock,
            AccountTags accountTags) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accountTags = Objects.requireNonNull(accountTags, "accountTags");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.rateLimits = new CalcomRateLimits(registry, clock, accountTags);
    }

    // ---- slots and reservations

    @Override
    public SlotsResult slots(CalcomAccount account, SlotsQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        putEventType(params, query.eventType());
        params.put("start", query.start().toString());
        params.put("end", query.end().toString());
        params.put("timeZone", query.timeZone().getId());
        params.put("format", "range");
        if (query.durationMinutes() != null) {
            params.put("duration", query.durationMinutes().toString());
        }
        if (query.bookingUidToReschedule() != null) {
            params.put("bookingUidToReschedule", query.bookingUidToReschedule());
        }
        return exchange(account, Endpoint.SLOTS, "GET", "/v2/slots", params, null,
                root -> CalcomJson.slots(root.path("data"), query.durationMinutes(), clock.instant()));
    }

    @Override
    public Reservation reserve(CalcomAccount account, long eventTypeId, Instant slotStart, int slotDurationMinutes,
            int reservationMinutes) {
        if (slotDurationMinutes <= 0 || reservationMinutes <= 0) {
            throw new IllegalArgumentException("slot and reservation durations must be positive");
        }
        ObjectNode body = CalcomJson.MAPPER.createObjectNode()
                .put("eventTypeId", eventTypeId)
                .put("slotStart", BODY_INSTANT.format(slotStart))
                // no slotDuration: Cal.com rejects it (400) for event types with a single length, which is every
                // event type a Slotline service maps to; the event type's own length is reserved
                .put("reservationDuration", reservationMinutes);
        return exchange(account, Endpoint.RESERVATIONS_CREATE, "POST", "/v2/slots/reservations", Map.of(), body,
                root -> CalcomJson.reservation(data(root), eventTypeId, slotDurationMinutes));
    }

    @Override
    public void releaseReservation(CalcomAccount account, String reservationUid) {
        try {
            exchange(account, Endpoint.RESERVATIONS_DELETE, "DELETE",
                    "/v2/slots/reservations/" + pathSegment(reservationUid), Map.of(), null, root -> Boolean.TRUE);
        } catch (CalcomException.NotFound alreadyGone) {
            log.debug("Reservation {} of {} was already gone", reservationUid, account.name());
        }
    }

    // ---- bookings

    @Override
    public Booking createBooking(CalcomAccount account, CreateBooking request) {
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("start", BODY_INSTANT.format(request.start()));
        if (request.eventType() instanceof EventTypeRef.ById byId) {
            body.put("eventTypeId", byId.eventTypeId());
        } else if (request.eventType() instanceof EventTypeRef.BySlug bySlug) {
            body.put("eventTypeSlug", bySlug.eventTypeSlug());
            body.put("username", bySlug.username());
            putIfPresent(body, "organizationSlug", bySlug.organizationSlug());
        }
        Attendee attendee = request.attendee();
        ObjectNode attendeeNode = body.putObject("attendee");
        attendeeNode.put("name", attendee.name());
        putIfPresent(attendeeNode, "email", attendee.email());
        attendeeNode.put("timeZone", Objects.requireNonNull(attendee.timeZone()).getId());
        putIfPresent(attendeeNode, "phoneNumber", attendee.phoneNumber());
        putIfPresent(attendeeNode, "language", attendee.language());
        if (!request.bookingFieldsResponses().isEmpty()) {
            body.set("bookingFieldsResponses", CalcomJson.MAPPER.valueToTree(request.bookingFieldsResponses()));
        }
        ObjectNode metadata = body.putObject("metadata");
        request.metadataToSend().forEach(metadata::put);
        putIfPresent(body, "reservedSlotUid", request.reservedSlotUid());
        if (request.lengthInMinutes() != null) {
            body.put("lengthInMinutes", request.lengthInMinutes());
        }
        BookingLocation location = request.location();
        if (location != null) {
            ObjectNode locationNode = body.putObject("location");
            locationNode.put("type", location.type());
            location.details().forEach(locationNode::put);
        }
        return exchange(account, Endpoint.BOOKINGS_CREATE, "POST", "/v2/bookings", Map.of(), body,
                root -> CalcomJson.bookingData(data(root)));
    }

    @Override
    public Booking getBooking(CalcomAccount account, String uid) {
        return exchange(account, Endpoint.BOOKINGS_GET, "GET", "/v2/bookings/" + pathSegment(uid), Map.of(), null,
                root -> CalcomJson.bookingData(data(root)));
    }

    @Override
    public BookingPage listBookings(CalcomAccount account, BookingFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!filter.statuses().isEmpty()) {
            params.put("status", filter.statuses().stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")));
        }
        putIfPresent(params, "attendeeEmail", filter.attendeeEmail());
        putIfPresent(params, "attendeeName", filter.attendeeName());
        if (!filter.eventTypeIds().isEmpty()) {
            params.put("eventTypeIds", filter.eventTypeIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
        if (filter.afterStart() != null) {
            params.put("afterStart", filter.afterStart().toString());
        }
        if (filter.beforeEnd() != null) {
            params.put("beforeEnd", filter.beforeEnd().toString());
        }
        if (filter.take() != null) {
            params.put("take", filter.take().toString());
        }
        if (filter.skip() != null) {
            params.put("skip", filter.skip().toString());
        }
        if (filter.sort() != null) {
            params.put(filter.sort().by().queryParameter(),
                    filter.sort().direction().name().toLowerCase(Locale.ROOT));
        }
        return exchange(account, Endpoint.BOOKINGS_LIST, "GET", "/v2/bookings", params, null,
                CalcomJson::bookingPage);
    }

    @Override
    public Booking cancel(CalcomAccount account, String uid, String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation reason is required");
        }
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("cancellationReason", reason);
        return exchange(account, Endpoint.BOOKINGS_CANCEL, "POST", "/v2/bookings/" + pathSegment(uid) + "/cancel",
                Map.of(), body, root -> CalcomJson.bookingData(data(root)));
    }

    @Override
    public Booking reschedule(CalcomAccount account, String uid, Instant newStart, @Nullable String reason) {
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("start", BODY_INSTANT.format(newStart));
        putIfPresent(body, "reschedulingReason", reason);
        return exchange(account, Endpoint.BOOKINGS_RESCHEDULE, "POST",
                "/v2/bookings/" + pathSegment(uid) + "/reschedule", Map.of(), body,
                root -> CalcomJson.bookingData(data(root)));
    }

    // ---- event types

    @Override
    public List<EventType> eventTypes(CalcomAccount account) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/event-types", Map.of(), null, root -> {
            JsonNode data = data(root);
            if (!data.isArray()) {
                throw new CalcomJson.MalformedResponse("event types data is not an array");
            }
            return List.copyOf(CalcomJson.list(data, CalcomJson::eventType));
        });
    }

    @Override
    public List<EventType> userEventTypes(CalcomAccount account, String username) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/event-types", Map.of("username", username), null,
                root -> eventTypeList(root));
    }

    @Override
    public List<EventType> teamEventTypes(CalcomAccount account, long teamId) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/teams/" + teamId + "/event-types", Map.of(), null,
                root -> eventTypeList(root));
    }

    @Override
    public CalcomUser me(CalcomAccount account) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/me", Map.of(), null,
                root -> CalcomJson.user(data(root)));
    }

    @Override
    public List<CalcomTeam> teams(CalcomAccount account) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/teams", Map.of(), null, root -> {
            JsonNode data = data(root);
            if (!data.isArray()) {
                throw new CalcomJson.MalformedResponse("teams data is not an array");
            }
            return List.copyOf(CalcomJson.list(data, CalcomJson::team));
        });
    }

    @Override
    public EventType eventType(CalcomAccount account, EventTypeKey key) {
        Origin origin = Origin.of(account.name(), Endpoint.EVENT_TYPES.tag());
        if (key.ownerUsername() != null && key.slug() != null) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("username", key.ownerUsername());
            params.put("eventSlug", key.slug());
            List<EventType> found = exchange(account, Endpoint.EVENT_TYPES, "GET", "/v2/event-types", params, null,
                    this::eventTypeList);
            return found.stream().filter(eventType -> eventType.id() == key.id()).findFirst()
                    .orElseThrow(() -> new CalcomException.NotFound(origin, "event type " + key.id() + " of "
                            + key.ownerUsername() + " not found"));
        }
        String path = key.teamId() != null ? "/v2/teams/" + key.teamId() + "/event-types/" + key.id()
                : "/v2/event-types/" + key.id();
        return exchange(account, Endpoint.EVENT_TYPES, "GET", path, Map.of(), null,
                root -> {
                    JsonNode data = root.path("data");
                    if (data.isNull() || data.isMissingNode()) {
                        throw new CalcomException.NotFound(origin, "event type " + key.id() + " not found");
                    }
                    return CalcomJson.eventType(data);
                });
    }

    @Override
    public List<CalcomWebhook> eventTypeWebhooks(CalcomAccount account, EventTypeKey key) {
        return exchange(account, Endpoint.EVENT_TYPES, "GET", webhooksPath(key), Map.of(), null, root -> {
            JsonNode data = data(root);
            if (!data.isArray()) {
                throw new CalcomJson.MalformedResponse("webhooks data is not an array");
            }
            return List.copyOf(CalcomJson.list(data, CalcomJson::webhook));
        });
    }

    @Override
    public CalcomWebhook createEventTypeWebhook(CalcomAccount account, EventTypeKey key, String subscriberUrl,
            List<String> triggers, String secret) {
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("subscriberUrl", subscriberUrl);
        triggers.forEach(body.putArray("triggers")::add);
        body.put("active", true);
        body.put("secret", secret);
        // Slotline reads Cal.com's own body: a payload template would replace it
        body.putNull("payloadTemplate");
        return exchange(account, Endpoint.EVENT_TYPES, "POST", webhooksPath(key), Map.of(), body,
                root -> CalcomJson.webhook(data(root)));
    }

    /**
     * A team event type's webhooks live under its team (TEAM_ADMIN,
     * apps/api/v2/src/modules/teams/event-types/controllers/teams-event-types-webhooks.controller.ts), a user's own
     * event type's under {@code /v2/event-types/{id}/webhooks}.
     */
    private static String webhooksPath(EventTypeKey key) {
        return key.teamId() != null ? "/v2/teams/" + key.teamId() + "/event-types/" + key.id() + "/webhooks"
                : "/v2/event-types/" + key.id() + "/webhooks";
    }

    private List<EventType> eventTypeList(JsonNode root) {
        JsonNode data = data(root);
        if (!data.isArray()) {
            throw new CalcomJson.MalformedResponse("event types data is not an array");
        }
        return List.copyOf(CalcomJson.list(data, CalcomJson::eventType));
    }

    @Override
    public Optional<RateLimitStatus> rateLimitStatus(String accountName) {
        return rateLimits.status(accountName);
    }

    // ---- the exchange

    @FunctionalInterface
    private interface ResponseMapper<T> {
        T map(JsonNode root);
    }

    private <T> T exchange(CalcomAccount account, Endpoint endpoint, String method, String path,
            Map<String, String> query, @Nullable JsonNode body, ResponseMapper<T> mapper) {
        HttpRequest request = buildRequest(account, endpoint, method, path, query, body);
        Duration deadline = properties.connectTimeout().plus(properties.readTimeout(endpoint.group()));
        long startNanos = registry.config().clock().monotonicTime();
        HttpResponse<byte[]> response;
        try {
            response = send(request, deadline);
        } catch (HttpTimeoutException | TimeoutException e) {
            throw failure(account, endpoint, startNanos, "timeout", Kind.TIMEOUT,
                    "no answer in time (read timeout " + properties.readTimeout(endpoint.group()).toMillis() + " ms)", e);
        } catch (IOException e) {
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, "interrupted", e);
        } catch (RuntimeException e) {
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, e.toString(), e);
        }
        int status = response.statusCode();
        record(account, endpoint, startNanos, String.valueOf(status));
        rateLimits.observe(account.name(), response.headers(), status);
        String requestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        if (status < 200 || status > 299) {
            CalcomException error = CalcomErrors.fromResponse(account.name(), endpoint, status, response.body(),
                    requestId, CalcomRateLimits.resetSeconds(response.headers()));
            logFailure(error);
            throw error;
        }
        try {
            byte[] bytes = response.body();
            JsonNode root = bytes.length == 0 ? MissingNode.getInstance() : CalcomJson.MAPPER.readTree(bytes);
            if ("error".equals(CalcomJson.text(root, "status"))) {
                throw new CalcomJson.MalformedResponse("error envelope with HTTP " + status);
            }
            return mapper.map(root);
        } catch (CalcomException e) {
            throw e;
        } catch (RuntimeException e) {
            Origin origin = new Origin(account.name(), endpoint.tag(), status, null, requestId);
            CalcomException error = new CalcomException.Unavailable(origin, Kind.MALFORMED_RESPONSE,
                    "unreadable response: " + e.getMessage(), e);
            logFailure(error);
            throw error;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, Duration deadline)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new IOException("request cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause != null ? cause.toString() : "request failed", cause);
        }
    }

    private HttpRequest buildRequest(CalcomAccount account, Endpoint endpoint, String method, String path,
            Map<String, String> query, @Nullable JsonNode body) {
        URI base = account.baseUrl() != null ? account.baseUrl() : properties.baseUrl();
        String baseText = base.toString().replaceAll("/+$", "");
        String uri = baseText + path + (query.isEmpty() ? "" : "?" + queryString(query));
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new CalcomException.Unavailable(Origin.of(account.name(), endpoint.tag()), Kind.IO_ERROR,
                    "invalid Cal.com URL for account: " + e.getMessage(), e);
        }
        builder.timeout(properties.readTimeout(endpoint.group()))
                .header(API_VERSION_HEADER, properties.apiVersion(endpoint.group()))
                .header("Authorization", "Bearer " + account.apiKey())
                .header("User-Agent", properties.userAgent())
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(CalcomJson.MAPPER.writeValueAsBytes(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CalcomException failure(CalcomAccount account, Endpoint endpoint, long startNanos, String statusTag,
            Kind kind, String message, Throwable cause) {
        record(account, endpoint, startNanos, statusTag);
        CalcomException error = new CalcomException.Unavailable(Origin.of(account.name(), endpoint.tag()), kind,
                message, cause);
        logFailure(error);
        return error;
    }

    private void record(CalcomAccount account, Endpoint endpoint, long startNanos, String statusTag) {
        long elapsed = registry.config().clock().monotonicTime() - startNanos;
        Timer.builder("slotline.calcom.requests")
                .description("Requests to Cal.com")
                .tag("account", accountTags.tag(account.name()))
                .tag("endpoint", endpoint.tag())
                .tag("status", statusTag)
                .register(registry)
                .record(elapsed, TimeUnit.NANOSECONDS);
        UpstreamCounter.recordCall(elapsed);
    }

    private static void logFailure(CalcomException error) {
        if (error instanceof CalcomException.Unavailable || error instanceof CalcomException.Unauthorized) {
            log.warn("{}", error.getMessage());
        } else {
            log.debug("{}", error.getMessage());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null && !message.isBlank() ? ": " + message : "");
    }

    private static JsonNode data(JsonNode root) {
        JsonNode data = root.path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw new CalcomJson.MalformedResponse("response without data");
        }
        return data;
    }

    private static void putEventType(Map<String, String> params, EventTypeRef ref) {
        if (ref instanceof EventTypeRef.ById byId) {
            params.put("eventTypeId", String.valueOf(byId.eventTypeId()));
        } else if (ref instanceof EventTypeRef.BySlug bySlug) {
            params.put("eventTypeSlug", bySlug.eventTypeSlug());
            params.put("username", bySlug.username());
            putIfPresent(params, "organizationSlug", bySlug.organizationSlug());
        }
    }

    private static void putIfPresent(Map<String, String> params, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    /** Keeps '/' and ':' readable (both legal in a query), so requests look like Cal.com's own examples. */
    static String queryString(Map<String, String> params) {
        List<String> pairs = new ArrayList<>(params.size());
        params.forEach((name, value) -> pairs.add(encode(name) + "=" + encodeQueryValue(value)));
        return String.join("&", pairs);
    }

    private static String encodeQueryValue(String value) {
        return encode(value).replace("%2F", "/").replace("%3A", ":").replace("%2C", ",");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pathSegment(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        return encode(value);
    }
}
