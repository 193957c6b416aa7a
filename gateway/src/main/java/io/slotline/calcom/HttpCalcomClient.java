package io.slotline.calcom;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.observability.AccountTags;
import io.slotline.observability.MetricsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CalcomApi} over HTTP with the JDK HttpClient (HTTP/1.1, pooled keep-alive connections). It owns the
 * wire details: each endpoint's path, parameters and body and the mapping of its answer to Slotline's records;
 * {@link CalcomExchange} sends the request (cal-api-version per endpoint group, bearer auth, timeouts, error
 * classification, rate-limit headers and metrics). No retries, caching or circuit breaking here.
 *
 * <p>Each call is bounded by connect timeout + the group's read timeout as a whole (headers and body), so a
 * slowly trickling body can't hold a live phone call hostage.
 */
public final class HttpCalcomClient implements CalcomApi {

    private static final Logger log = LoggerFactory.getLogger(HttpCalcomClient.class);
    private static final DateTimeFormatter BODY_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final CalcomRateLimits rateLimits;
    private final CalcomExchange exchange;

    /** For tests: with {@code tenantTags} the account tag is the company slug (up to 50 of them), else "all". */
    public HttpCalcomClient(CalcomProperties properties, MeterRegistry registry, Clock clock, boolean tenantTags) {
        this(properties, registry, clock, AccountTags.of(new MetricsProperties(tenantTags, 50)));
    }

    public HttpCalcomClient(CalcomProperties properties, MeterRegistry registry, Clock clock, AccountTags accountTags) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimits = new CalcomRateLimits(
                Objects.requireNonNull(registry, "registry"),
                clock,
                Objects.requireNonNull(accountTags, "accountTags"));
        this.exchange =
                new CalcomExchange(Objects.requireNonNull(properties, "properties"), registry, accountTags, rateLimits);
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
        return exchange.call(
                account,
                Endpoint.SLOTS,
                "GET",
                "/v2/slots",
                params,
                null,
                root -> CalcomRecords.slots(root.path("data"), query.durationMinutes(), clock.instant()));
    }

    @Override
    public Reservation reserve(
            CalcomAccount account,
            long eventTypeId,
            Instant slotStart,
            int slotDurationMinutes,
            int reservationMinutes) {
        if (slotDurationMinutes <= 0 || reservationMinutes <= 0) {
            throw new IllegalArgumentException("slot and reservation durations must be positive");
        }
        ObjectNode body = CalcomJson.MAPPER
                .createObjectNode()
                .put("eventTypeId", eventTypeId)
                .put("slotStart", BODY_INSTANT.format(slotStart))
                // no slotDuration: Cal.com rejects it (400) for event types with a single length, which is every
                // event type a Slotline service maps to; the event type's own length is reserved
                .put("reservationDuration", reservationMinutes);
        return exchange.call(
                account,
                Endpoint.RESERVATIONS_CREATE,
                "POST",
                "/v2/slots/reservations",
                Map.of(),
                body,
                root -> CalcomRecords.reservation(data(root), eventTypeId, slotDurationMinutes));
    }

    @Override
    public void releaseReservation(CalcomAccount account, String reservationUid) {
        try {
            exchange.call(
                    account,
                    Endpoint.RESERVATIONS_DELETE,
                    "DELETE",
                    "/v2/slots/reservations/" + pathSegment(reservationUid),
                    Map.of(),
                    null,
                    root -> Boolean.TRUE);
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
        return exchange.call(
                account,
                Endpoint.BOOKINGS_CREATE,
                "POST",
                "/v2/bookings",
                Map.of(),
                body,
                root -> CalcomRecords.bookingData(data(root)));
    }

    @Override
    public Booking getBooking(CalcomAccount account, String uid) {
        return exchange.call(
                account,
                Endpoint.BOOKINGS_GET,
                "GET",
                "/v2/bookings/" + pathSegment(uid),
                Map.of(),
                null,
                root -> CalcomRecords.bookingData(data(root)));
    }

    @Override
    public BookingPage listBookings(CalcomAccount account, BookingFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!filter.statuses().isEmpty()) {
            params.put(
                    "status",
                    filter.statuses().stream()
                            .map(s -> s.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(",")));
        }
        putIfPresent(params, "attendeeEmail", filter.attendeeEmail());
        putIfPresent(params, "attendeeName", filter.attendeeName());
        if (!filter.eventTypeIds().isEmpty()) {
            params.put(
                    "eventTypeIds",
                    filter.eventTypeIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
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
            params.put(
                    filter.sort().by().queryParameter(),
                    filter.sort().direction().name().toLowerCase(Locale.ROOT));
        }
        return exchange.call(
                account, Endpoint.BOOKINGS_LIST, "GET", "/v2/bookings", params, null, CalcomRecords::bookingPage);
    }

    @Override
    public Booking cancel(CalcomAccount account, String uid, String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation reason is required");
        }
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("cancellationReason", reason);
        return exchange.call(
                account,
                Endpoint.BOOKINGS_CANCEL,
                "POST",
                "/v2/bookings/" + pathSegment(uid) + "/cancel",
                Map.of(),
                body,
                root -> CalcomRecords.bookingData(data(root)));
    }

    @Override
    public Booking reschedule(CalcomAccount account, String uid, Instant newStart, @Nullable String reason) {
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("start", BODY_INSTANT.format(newStart));
        putIfPresent(body, "reschedulingReason", reason);
        return exchange.call(
                account,
                Endpoint.BOOKINGS_RESCHEDULE,
                "POST",
                "/v2/bookings/" + pathSegment(uid) + "/reschedule",
                Map.of(),
                body,
                root -> CalcomRecords.bookingData(data(root)));
    }

    // ---- event types

    @Override
    public List<EventType> eventTypes(CalcomAccount account) {
        return read(account, "/v2/event-types", Map.of(), this::eventTypeList);
    }

    @Override
    public List<EventType> userEventTypes(CalcomAccount account, String username) {
        return read(account, "/v2/event-types", Map.of("username", username), this::eventTypeList);
    }

    @Override
    public List<EventType> teamEventTypes(CalcomAccount account, long teamId) {
        return read(account, "/v2/teams/" + teamId + "/event-types", Map.of(), this::eventTypeList);
    }

    @Override
    public CalcomUser me(CalcomAccount account) {
        return read(account, "/v2/me", Map.of(), root -> CalcomRecords.user(data(root)));
    }

    @Override
    public List<CalcomTeam> teams(CalcomAccount account) {
        return read(account, "/v2/teams", Map.of(), root -> dataList(root, "teams", CalcomRecords::team));
    }

    @Override
    public EventType eventType(CalcomAccount account, EventTypeKey key) {
        Origin origin = Origin.of(account.name(), Endpoint.EVENT_TYPES.tag());
        if (key.ownerUsername() != null && key.slug() != null) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("username", key.ownerUsername());
            params.put("eventSlug", key.slug());
            List<EventType> found = read(account, "/v2/event-types", params, this::eventTypeList);
            return found.stream()
                    .filter(eventType -> eventType.id() == key.id())
                    .findFirst()
                    .orElseThrow(() -> new CalcomException.NotFound(
                            origin, "event type " + key.id() + " of " + key.ownerUsername() + " not found"));
        }
        String path = key.teamId() != null
                ? "/v2/teams/" + key.teamId() + "/event-types/" + key.id()
                : "/v2/event-types/" + key.id();
        return read(account, path, Map.of(), root -> {
            JsonNode data = root.path("data");
            if (data.isNull() || data.isMissingNode()) {
                throw new CalcomException.NotFound(origin, "event type " + key.id() + " not found");
            }
            return CalcomRecords.eventType(data);
        });
    }

    @Override
    public List<CalcomWebhook> eventTypeWebhooks(CalcomAccount account, EventTypeKey key) {
        return read(account, webhooksPath(key), Map.of(), root -> dataList(root, "webhooks", CalcomRecords::webhook));
    }

    @Override
    public CalcomWebhook createEventTypeWebhook(
            CalcomAccount account, EventTypeKey key, String subscriberUrl, List<String> triggers, String secret) {
        ObjectNode body = CalcomJson.MAPPER.createObjectNode();
        body.put("subscriberUrl", subscriberUrl);
        triggers.forEach(body.putArray("triggers")::add);
        body.put("active", true);
        body.put("secret", secret);
        // Slotline reads Cal.com's own body: a payload template would replace it
        body.putNull("payloadTemplate");
        return exchange.call(
                account,
                Endpoint.EVENT_TYPES,
                "POST",
                webhooksPath(key),
                Map.of(),
                body,
                root -> CalcomRecords.webhook(data(root)));
    }

    /**
     * A team event type's webhooks live under its team (TEAM_ADMIN,
     * apps/api/v2/src/modules/teams/event-types/controllers/teams-event-types-webhooks.controller.ts), a user's own
     * event type's under {@code /v2/event-types/{id}/webhooks}.
     */
    private static String webhooksPath(EventTypeKey key) {
        return key.teamId() != null
                ? "/v2/teams/" + key.teamId() + "/event-types/" + key.id() + "/webhooks"
                : "/v2/event-types/" + key.id() + "/webhooks";
    }

    /** A GET of the account's setup (user, teams, event types, webhooks): counted and limited as event-type reads. */
    private <T> T read(
            CalcomAccount account, String path, Map<String, String> query, CalcomExchange.ResponseMapper<T> mapper) {
        return exchange.call(account, Endpoint.EVENT_TYPES, "GET", path, query, null, mapper);
    }

    private List<EventType> eventTypeList(JsonNode root) {
        return dataList(root, "event types", CalcomRecords::eventType);
    }

    /** {@code data} as a list; anything but an array is a malformed answer. */
    private static <T> List<T> dataList(JsonNode root, String what, Function<JsonNode, T> element) {
        JsonNode data = data(root);
        if (!data.isArray()) {
            throw new CalcomJson.MalformedResponse(what + " data is not an array");
        }
        return List.copyOf(CalcomJson.list(data, element));
    }

    @Override
    public Optional<RateLimitStatus> rateLimitStatus(String accountName) {
        return rateLimits.status(accountName);
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

    private static String pathSegment(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        return CalcomExchange.encode(value);
    }
}
