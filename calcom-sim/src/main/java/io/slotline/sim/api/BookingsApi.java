package io.slotline.sim.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.slotline.sim.calendar.Attendee;
import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Outcome;
import io.slotline.sim.web.Reply;
import io.slotline.sim.webhook.WebhookDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The bookings endpoints of cal-api-version 2024-08-13. */
public final class BookingsApi {

    static final String MSG_CONTACT = "Attendee must have at least one contact method (email or phone number)";
    static final String MSG_EMAIL_REQUIRED = "{email}error_required_field";
    static final String MSG_METADATA = "Metadata must have at most 50 keys, each key up to 40 characters, and string "
            + "values up to 500 characters.";
    static final String MSG_EVENT_LOOKUP = "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug "
            + "must be provided";
    static final String MSG_SINGLE_LENGTH = "Can't specify 'lengthInMinutes' because event type does not have multiple "
            + "possible lengths. Please, remove the 'lengthInMinutes' field from the request.";
    static final List<String> LANGUAGES = List.of("ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro",
            "sr", "th", "vi", "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN",
            "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "sl", "ta", "uk", "zh-TW", "bn");
    static final List<String> LIST_STATUSES = List.of("upcoming", "recurring", "past", "cancelled", "unconfirmed");

    private static final Set<String> CREATE_KEYS = Set.of("start", "lengthInMinutes", "eventTypeId", "eventTypeSlug",
            "username", "teamSlug", "organizationSlug", "attendee", "guests", "meetingUrl", "location", "metadata",
            "bookingFieldsResponses", "routing", "emailVerificationCode", "allowConflicts", "allowBookingOutOfBounds",
            "skipBookingLimits", "instant", "recurrenceCount", "rrHostSubsetIds", "reservedSlotUid");
    private static final Set<String> ATTENDEE_KEYS = Set.of("name", "email", "timeZone", "phoneNumber", "language");
    private static final Set<String> RESCHEDULE_KEYS = Set.of("start", "reschedulingReason", "rescheduledBy",
            "emailVerificationCode", "rescheduleWithSameHost", "allowConflicts", "allowBookingOutOfBounds",
            "skipBookingLimits", "seatUid", "rrHostSubsetIds");
    private static final Set<String> CANCEL_KEYS = Set.of("cancellationReason", "cancelSubsequentBookings", "seatUid");
    private static final Map<String, String> SORTS = sorts();

    private final Scheduler scheduler;
    private final WebhookDispatcher webhooks;

    public BookingsApi(Scheduler scheduler, WebhookDispatcher webhooks) {
        this.scheduler = scheduler;
        this.webhooks = webhooks;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("sortStart", "SortStart must be either \"asc\" or \"desc\".");
        sorts.put("sortEnd", "SortEnd must be either \"asc\" or \"desc\".");
        sorts.put("sortCreated", "SortCreated must be either \"asc\" or \"desc\".");
        sorts.put("sortUpdatedAt", "SortCreated must be either \"asc\" or \"desc\".");
        return sorts;
    }

    // ---- create

    /** The write happens after the simulated latency, so concurrent creates really race for the unique key. */
    Outcome create(ApiRequest request) {
        Scheduler.PreparedBooking prepared = scheduler.prepare(parseCreate(request.jsonObjectBody(), Set.of()));
        return new Outcome.Deferred(() -> {
            Scheduler.Created created = scheduler.commitSeat(prepared);
            webhooks.bookingCreated(created.booking());
            return Reply.json(201, Envelopes.success(render(created)));
        });
    }

    /**
     * Books at once, as a person on the booking page would: same validation, same webhook. {@code ownerKey}, when
     * given, must own the event type.
     */
    public ObjectNode createNow(ObjectNode body, Set<String> extraKeys, @Nullable String ownerKey) {
        Scheduler.BookingRequest request = parseCreate(body, extraKeys);
        if (ownerKey != null && !ownerKey.equals(request.eventType().ownerKey())) {
            throw ApiError.badRequest("Event type " + request.eventType().id() + " does not belong to " + ownerKey);
        }
        Scheduler.Created created = scheduler.commitSeat(scheduler.prepare(request));
        webhooks.bookingCreated(created.booking());
        return render(created);
    }

    Scheduler.BookingRequest parseCreate(ObjectNode body, Set<String> extraKeys) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.propertyNames()) {
            if (!CREATE_KEYS.contains(key) && !extraKeys.contains(key)) {
                errors.add(FieldError.notAllowed(key));
            }
        }
        if (Values.instant(body.get("start")).isEmpty()) {
            errors.add(FieldError.of("start", "start must be a valid ISO 8601 date string"));
        }
        Attendee attendee = attendee(body.get("attendee"), errors);
        JsonNode responses = body.get("bookingFieldsResponses");
        if (Values.present(responses) && !responses.isObject()) {
            errors.add(FieldError.of("bookingFieldsResponses", "bookingFieldsResponses must be an object"));
        }
        JsonNode eventTypeId = body.get("eventTypeId");
        if (Values.present(eventTypeId) && !Values.isInteger(eventTypeId)) {
            errors.add(FieldError.of("eventTypeId", "eventTypeId must be an integer number"));
        }
        for (String key : List.of("eventTypeSlug", "username", "teamSlug", "organizationSlug", "reservedSlotUid")) {
            if (Values.present(body.get(key)) && !body.get(key).isString()) {
                errors.add(FieldError.of(key, key + " must be a string"));
            }
        }
        JsonNode guests = body.get("guests");
        if (Values.present(guests)) {
            List<String> constraints = new ArrayList<>();
            boolean allStrings = guests.isArray() ? guests.valueStream().allMatch(JsonNode::isString)
                    : guests.isString();
            if (!allStrings) {
                constraints.add("each value in guests must be a string");
            }
            if (!guests.isArray()) {
                constraints.add("guests must be an array");
            }
            if (!constraints.isEmpty()) {
                errors.add(new FieldError("guests", constraints, List.of()));
            }
        }
        JsonNode location = body.get("location");
        if (Values.present(location) && !location.isObject() && !location.isString()) {
            errors.add(FieldError.of("location", "location must be an object"));
        }
        FieldError metadata = metadataError(body.get("metadata"));
        if (metadata != null) {
            errors.add(metadata);
        }
        JsonNode length = body.get("lengthInMinutes");
        if (Values.present(length)) {
            List<String> constraints = new ArrayList<>();
            if (!length.isNumber() || length.asDouble() < 1) {
                constraints.add("lengthInMinutes must not be less than 1");
            }
            if (!Values.isInteger(length)) {
                constraints.add("lengthInMinutes must be an integer number");
            }
            if (!constraints.isEmpty()) {
                errors.add(new FieldError("lengthInMinutes", constraints, List.of()));
            }
        }
        for (String key : List.of("allowConflicts", "allowBookingOutOfBounds", "skipBookingLimits", "instant")) {
            if (Values.present(body.get(key)) && !body.get(key).isBoolean()) {
                errors.add(FieldError.of(key, key + " must be a boolean value"));
            }
        }
        String slug = text(body, "eventTypeSlug");
        String username = text(body, "username");
        String team = text(body, "teamSlug");
        boolean byId = Values.present(eventTypeId) && eventTypeId.asLong(0) != 0;
        if (!byId && !(slug != null && (username != null || team != null))) {
            errors.add(FieldError.of("eventTypeId or eventTypeSlug + username", MSG_EVENT_LOOKUP));
        }
        FieldError.throwIfAny(errors);

        EventType eventType;
        if (byId) {
            long id = eventTypeId.asLong();
            eventType = scheduler.eventType(id)
                    .orElseThrow(() -> ApiError.notFound("Event type with id " + id + " not found."));
        } else if (username != null) {
            if (scheduler.userIdByUsername(username).isEmpty()) {
                throw ApiError.notFound("User with username " + username + " not found");
            }
            eventType = scheduler.eventTypeBySlugAndUsername(slug, username).orElseThrow(() -> ApiError.notFound(
                    "Event type with slug " + slug + " belonging to user " + username + " not found."));
        } else {
            eventType = scheduler.eventTypeBySlugAndTeam(slug, team).orElseThrow(() -> ApiError.notFound(
                    "Event type with slug " + slug + " belonging to team " + team + " not found."));
        }
        checkBookingFields(eventType, body);
        int duration = eventType.lengthInMinutes();
        if (Values.present(length)) {
            if (!eventType.hasMultipleDurations()) {
                throw ApiError.badRequest(MSG_SINGLE_LENGTH);
            }
            if (!eventType.lengthOptions().contains(length.asInt())) {
                throw ApiError.badRequest("Provided lengthInMinutes=" + length.asInt()
                        + " is not one of the possible lengths for the event type: "
                        + String.join(", ", eventType.lengthOptions().stream().map(String::valueOf).toList()));
            }
            duration = length.asInt();
        }
        Instant start = Values.instant(body.get("start")).orElseThrow();
        List<String> guestList = Values.present(guests) ? guests.valueStream().map(JsonNode::stringValue).toList()
                : null;
        Map<String, Object> meta = Values.present(body.get("metadata")) ? toMap(body.get("metadata")) : Map.of();
        Map<String, Object> custom = Values.present(responses) ? toMap(responses) : Map.of();
        return new Scheduler.BookingRequest(eventType, null, start, duration, attendee, guestList, meta,
                custom, locationText(location), text(body, "reservedSlotUid"));
    }

    /**
     * Booking questions, as hasRequiredBookingFieldsResponses
     * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts) checks the non-system ones; the email
     * field is checked by the core's response schema (packages/features/bookings/lib/getBookingResponsesSchema.ts):
     * a phone-only attendee is sent with an empty email, which fails while the email field is required (Cal.com's
     * default).
     */
    private static void checkBookingFields(EventType eventType, ObjectNode body) {
        JsonNode attendee = body.path("attendee");
        boolean hasEmail = attendee.path("email").isString() && !attendee.path("email").stringValue().isBlank();
        boolean hasPhone = attendee.path("phoneNumber").isString()
                && !attendee.path("phoneNumber").stringValue().isBlank();
        EventType.Settings settings = eventType.settings();
        if (settings.phoneRequired() && !hasPhone) {
            throw ApiError.badRequest("Missing attendee phone number - it is required by the event type. Pass it as "
                    + "\"attendee.phoneNumber\" string in the request.");
        }
        JsonNode responses = body.path("bookingFieldsResponses");
        for (String field : settings.requiredCustomFields()) {
            JsonNode answer = responses.path(field);
            if (answer.isMissingNode() || answer.isNull()) {
                throw ApiError.badRequest("Missing required booking field response: " + field + " - it is required "
                        + "by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch "
                        + "the event type with ID " + eventType.id() + " to see the required fields.");
            }
        }
        if (settings.emailRequired() && !hasEmail) {
            throw ApiError.badRequest(MSG_EMAIL_REQUIRED);
        }
    }

    private static Attendee attendee(@Nullable JsonNode value, List<FieldError> errors) {
        if (!Values.present(value)) {
            errors.add(FieldError.of("attendee", "attendee should not be null or undefined"));
            return Attendee.of("", null, "UTC", "en", null);
        }
        if (!value.isObject()) {
            errors.add(FieldError.of("attendee", "nested property attendee must be either object or array"));
            return Attendee.of("", null, "UTC", "en", null);
        }
        List<FieldError> children = new ArrayList<>();
        for (String key : value.propertyNames()) {
            if (!ATTENDEE_KEYS.contains(key)) {
                children.add(FieldError.notAllowed(key));
            }
        }
        JsonNode name = value.get("name");
        JsonNode email = value.get("email");
        JsonNode zone = value.get("timeZone");
        JsonNode phone = value.get("phoneNumber");
        JsonNode language = value.get("language");
        if (Values.present(email) && !email.isString()) {
            children.add(FieldError.of("email", "email must be a string"));
        }
        boolean hasEmail = Values.present(email) && email.isString() && !email.stringValue().isBlank();
        boolean hasPhone = Values.present(phone) && phone.isString() && !phone.stringValue().isBlank();
        if (!hasEmail && !hasPhone) {
            children.add(FieldError.of("attendee email or phone", MSG_CONTACT));
        }
        if (name == null || !name.isString()) {
            children.add(FieldError.of("name", "name must be a string"));
        }
        String zoneName = zone != null && zone.isString() ? zone.stringValue() : null;
        if (!Values.isValidZone(zoneName)) {
            children.add(FieldError.of("timeZone", "timeZone must be a valid IANA time-zone"));
        }
        if (Values.present(phone)) {
            if (!phone.isString()) {
                children.add(FieldError.of("phoneNumber", "phoneNumber must be a string"));
            } else if (!Values.isE164(phone.stringValue())) {
                children.add(FieldError.of("phoneNumber", "phoneNumber must be a valid phone number"));
            }
        }
        String lang = Values.present(language) && language.isString() ? language.stringValue()
                : Values.present(language) ? "" : "en";
        if (!LANGUAGES.contains(lang)) {
            children.add(FieldError.of("language",
                    "language must be one of the following values: " + String.join(", ", LANGUAGES)));
        }
        if (!children.isEmpty()) {
            errors.add(FieldError.nested("attendee", children));
            return Attendee.of("", null, "UTC", "en", null);
        }
        return Attendee.of(name.stringValue(), hasEmail ? email.stringValue() : null, zoneName, lang,
                hasPhone ? phone.stringValue() : null);
    }

    /**
     * Cal.com's metadata rule: at most 50 keys of at most 40 characters; strings up to 500, numbers, booleans
     * (packages/platform/types/bookings/2024-08-13/inputs/validators/validate-metadata.ts). The metadata is stored
     * with the booking and returned by every read, list and webhook, which is what lets a client find its own
     * booking again after a lost answer (Slotline's {@code slotlineRequestId}).
     */
    private static @Nullable FieldError metadataError(@Nullable JsonNode value) {
        if (!Values.present(value)) {
            return null;
        }
        List<String> constraints = new ArrayList<>();
        boolean ok = value.isObject() && value.size() <= 50;
        if (ok) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                JsonNode item = entry.getValue();
                boolean valueOk = item.isNumber() || item.isBoolean()
                        || (item.isString() && item.stringValue().length() <= 500);
                if (entry.getKey().length() > 40 || !valueOk) {
                    ok = false;
                    break;
                }
            }
        }
        if (!ok) {
            constraints.add(MSG_METADATA);
        }
        if (!value.isObject()) {
            constraints.add("metadata must be an object");
        }
        return constraints.isEmpty() ? null : new FieldError("metadata", constraints, List.of());
    }

    private static @Nullable String locationText(@Nullable JsonNode location) {
        if (!Values.present(location)) {
            return null;
        }
        if (location.isString()) {
            return location.stringValue().isEmpty() ? null : location.stringValue();
        }
        for (String key : List.of("address", "link", "phone", "location")) {
            JsonNode value = location.get(key);
            if (value != null && value.isString() && !value.stringValue().isEmpty()) {
                return value.stringValue();
            }
        }
        JsonNode integration = location.get("integration");
        if (integration != null && integration.isString() && !integration.stringValue().equals("cal-video")) {
            return "integrations:" + integration.stringValue();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return Json.MAPPER.convertValue(node, LinkedHashMap.class);
    }

    private static @Nullable String text(JsonNode body, String key) {
        JsonNode value = body.get(key);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    // ---- read

    Reply get(ApiRequest request) {
        String uid = request.pathVariable("uid");
        Booking booking = scheduler.booking(uid).orElseThrow(
                () -> ApiError.notFound("Booking with uid=" + uid + " was not found in the database"));
        return Reply.json(200, Envelopes.success(render(booking)));
    }

    /**
     * {@code GET /v2/bookings}: the query of packages/platform/types/bookings/2024-08-13/inputs/get-bookings.input.ts
     * (status list, attendee email and exact name, booking uid, event type and team ids, start/end/created/updated
     * bounds, one sort, take 1-250 and skip), only the calling key's bookings. Cal.com has no metadata filter: a
     * client narrows by attendee, event type and time and matches the metadata itself.
     */
    Reply list(ApiRequest request) {
        Tenant caller = request.caller();
        if (caller == null) {
            throw new IllegalStateException("list bookings is an authenticated route");
        }
        PipeErrors errors = new PipeErrors();
        List<String> statuses = statuses(request.query("status"), errors);
        List<Long> eventTypeIds = ids(request, "eventTypeIds", errors);
        Long eventTypeId = id(request, "eventTypeId", errors);
        List<Long> teamIds = ids(request, "teamsIds", errors);
        Long teamId = id(request, "teamId", errors);
        Map<String, Instant> bounds = new LinkedHashMap<>();
        for (String name : List.of("afterStart", "beforeEnd", "afterCreatedAt", "beforeCreatedAt", "afterUpdatedAt",
                "beforeUpdatedAt")) {
            String raw = request.query(name);
            if (raw != null) {
                Values.instant(raw).ifPresentOrElse(v -> bounds.put(name, v), () -> errors.add(name, "isIso8601",
                        (name.startsWith("after") ? "fromDate" : "toDate") + " must be a valid ISO 8601 date."));
            }
        }
        String sortField = null;
        boolean descending = false;
        for (Map.Entry<String, String> sort : SORTS.entrySet()) {
            String raw = request.query(sort.getKey());
            if (raw == null) {
                continue;
            }
            if (!raw.equals("asc") && !raw.equals("desc")) {
                errors.add(sort.getKey(), "isEnum", sort.getValue());
            } else if (sortField == null) {
                sortField = sort.getKey();
                descending = raw.equals("desc");
            }
        }
        int take = page(request, "take", 100, 1, 250, errors);
        int skip = page(request, "skip", 0, 0, null, errors);
        errors.throwIfAny();

        List<Long> typeFilter = eventTypeIds != null && !eventTypeIds.isEmpty() ? eventTypeIds
                : eventTypeId != null && eventTypeId != 0 ? List.of(eventTypeId) : null;
        List<Long> teamFilter = teamIds != null && !teamIds.isEmpty() ? teamIds
                : teamId != null && teamId != 0 ? List.of(teamId) : null;
        Instant now = scheduler.now();
        String email = request.query("attendeeEmail");
        String wantedEmail = email == null || email.isBlank() ? null : email.trim().replaceAll("\\s+", "+");
        String name = request.query("attendeeName");
        String wantedName = name == null || name.isBlank() ? null : name.trim();
        String uid = request.query("bookingUid");
        String wantedUid = uid == null || uid.isBlank() ? null : uid.trim();

        List<Booking> matching = new ArrayList<>();
        for (Booking booking : scheduler.bookingsOwnedBy(caller.apiKey())) {
            if (wantedEmail != null && !booking.attendee().email().equalsIgnoreCase(wantedEmail)) {
                continue;
            }
            if (wantedName != null && !booking.attendee().name().equals(wantedName)) {
                continue;
            }
            if (wantedUid != null && !booking.uid().equals(wantedUid)) {
                continue;
            }
            if (typeFilter != null && !typeFilter.contains(booking.eventTypeId())) {
                continue;
            }
            if (teamFilter != null) {
                Long team = scheduler.eventType(booking.eventTypeId()).map(EventType::teamId).orElse(null);
                if (team == null || !teamFilter.contains(team)) {
                    continue;
                }
            }
            if (!withinBounds(booking, bounds) || statuses.stream().noneMatch(s -> hasStatus(booking, s, now))) {
                continue;
            }
            matching.add(booking);
        }
        if (sortField == null) {
            sortField = "sortStart";
            descending = statuses.size() == 1 && (statuses.get(0).equals("past")
                    || statuses.get(0).equals("cancelled"));
        }
        Comparator<Booking> order = Comparator.comparing(sortKey(sortField),
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
        if (descending) {
            order = order.reversed();
        }
        matching.sort(order.thenComparingLong(Booking::id));

        int total = matching.size();
        int from = Math.min(skip, total);
        List<Booking> page = matching.subList(from, Math.min(total, from + take));
        ArrayNode data = Json.array();
        page.forEach(b -> data.add(render(b)));
        ObjectNode body = Envelopes.success(data);
        ObjectNode pagination = body.putObject("pagination");
        int totalPages = (int) Math.ceil((double) total / take);
        pagination.put("totalItems", total);
        pagination.put("remainingItems", Math.min(Math.max(total - (from + take), 0), total));
        pagination.put("returnedItems", page.size());
        pagination.put("itemsPerPage", take);
        pagination.put("currentPage", totalPages == 0 ? 0 : Math.min(Math.max(from / take + 1, 1), totalPages));
        pagination.put("totalPages", totalPages);
        pagination.put("hasNextPage", from + take < total);
        pagination.put("hasPreviousPage", from > 0);
        return Reply.json(200, body);
    }

    private static Function<Booking, @Nullable Instant> sortKey(String sortField) {
        return switch (sortField) {
            case "sortEnd" -> Booking::end;
            case "sortCreated" -> Booking::createdAt;
            case "sortUpdatedAt" -> Booking::updatedAt;
            default -> Booking::start;
        };
    }

    private static List<String> statuses(@Nullable String raw, PipeErrors errors) {
        if (raw == null) {
            return List.of("upcoming");
        }
        List<String> statuses = new ArrayList<>();
        for (String part : raw.split(",")) {
            statuses.add(part.trim());
        }
        if (!LIST_STATUSES.containsAll(statuses)) {
            errors.add("status", "isEnum", "Invalid status. Allowed are " + String.join(", ", LIST_STATUSES));
        }
        return statuses;
    }

    private static boolean hasStatus(Booking booking, String status, Instant now) {
        boolean ended = !booking.end().isAfter(now);
        return switch (status) {
            case "upcoming" -> !booking.end().isBefore(now) && booking.isActive();
            case "past" -> ended && booking.isActive();
            case "cancelled" -> !booking.isActive();
            case "unconfirmed" -> !booking.end().isBefore(now) && Booking.PENDING.equals(booking.status());
            default -> false;
        };
    }

    private static boolean withinBounds(Booking booking, Map<String, Instant> bounds) {
        for (Map.Entry<String, Instant> bound : bounds.entrySet()) {
            Instant limit = bound.getValue();
            boolean ok = switch (bound.getKey()) {
                case "afterStart" -> !booking.start().isBefore(limit);
                case "beforeEnd" -> !booking.end().isAfter(limit);
                case "afterCreatedAt" -> !booking.createdAt().isBefore(limit);
                case "beforeCreatedAt" -> !booking.createdAt().isAfter(limit);
                case "afterUpdatedAt" -> booking.updatedAt() != null && !booking.updatedAt().isBefore(limit);
                case "beforeUpdatedAt" -> booking.updatedAt() != null && !booking.updatedAt().isAfter(limit);
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable List<Long> ids(ApiRequest request, String name, PipeErrors errors) {
        String raw = request.query(name);
        if (raw == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            Long id = Values.jsParseInt(part);
            if (id == null) {
                errors.add(name, "isNumber",
                        "each value in " + name + " must be a number conforming to the specified constraints");
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static @Nullable Long id(ApiRequest request, String name, PipeErrors errors) {
        String raw = request.query(name);
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(name, "isInt", name + " must be an integer number");
            return null;
        }
    }

    private static int page(ApiRequest request, String name, int fallback, int low, @Nullable Integer high,
            PipeErrors errors) {
        String raw = request.query(name);
        if (raw == null) {
            return fallback;
        }
        Long value = Values.jsParseInt(raw);
        Map<String, String> constraints = new LinkedHashMap<>();
        if (high != null && (value == null || value > high)) {
            constraints.put("max", name + " must not be greater than " + high);
        }
        if (value == null || value < low) {
            constraints.put("min", name + " must not be less than " + low);
        }
        if (value == null) {
            constraints.put("isNumber", name + " must be a number conforming to the specified constraints");
        }
        if (!constraints.isEmpty()) {
            errors.add(name, constraints);
            return fallback;
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    // ---- cancel and reschedule

    Reply cancel(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.propertyNames()) {
            if (!CANCEL_KEYS.contains(key)) {
                errors.add(FieldError.notAllowed(key));
            }
        }
        for (String key : List.of("cancellationReason", "seatUid")) {
            if (Values.present(body.get(key)) && !body.get(key).isString()) {
                errors.add(FieldError.of(key, key + " must be a string"));
            }
        }
        if (Values.present(body.get("cancelSubsequentBookings")) && !body.get("cancelSubsequentBookings").isBoolean()) {
            errors.add(FieldError.of("cancelSubsequentBookings", "cancelSubsequentBookings must be a boolean value"));
        }
        FieldError.throwIfAny(errors);
        Tenant caller = request.caller();
        Booking cancelled = scheduler.cancel(request.pathVariable("uid"), text(body, "cancellationReason"),
                caller == null ? null : caller.userId());
        webhooks.bookingCancelled(cancelled);
        return Reply.json(200, Envelopes.success(render(cancelled)));
    }

    Outcome reschedule(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.propertyNames()) {
            if (!RESCHEDULE_KEYS.contains(key)) {
                errors.add(FieldError.notAllowed(key));
            }
        }
        if (Values.instant(body.get("start")).isEmpty()) {
            errors.add(FieldError.of("start", "start must be a valid ISO 8601 date string"));
        }
        for (String key : List.of("rescheduledBy", "reschedulingReason", "emailVerificationCode", "seatUid")) {
            if (Values.present(body.get(key)) && !body.get(key).isString()) {
                errors.add(FieldError.of(key, key + " must be a string"));
            }
        }
        for (String key : List.of("rescheduleWithSameHost", "allowConflicts", "allowBookingOutOfBounds",
                "skipBookingLimits")) {
            if (Values.present(body.get(key)) && !body.get(key).isBoolean()) {
                errors.add(FieldError.of(key, key + " must be a boolean value"));
            }
        }
        FieldError.throwIfAny(errors);
        Scheduler.PreparedReschedule prepared = scheduler.prepare(new Scheduler.RescheduleRequest(
                request.pathVariable("uid"), Values.instant(body.get("start")).orElseThrow(),
                text(body, "reschedulingReason"), text(body, "rescheduledBy")));
        return new Outcome.Deferred(() -> {
            Scheduler.Rescheduled result = scheduler.commit(prepared);
            webhooks.bookingRescheduled(result.original(), result.booking());
            return Reply.json(201, Envelopes.success(render(result.booking())));
        });
    }

    public ObjectNode render(Booking booking) {
        CalendarStore store = scheduler.store();
        return BookingJson.booking(booking, store.eventType(booking.eventTypeId()).orElse(null),
                store.host(booking.hostId()).orElse(null), scheduler.seats(booking), null);
    }

    /** A create's answer: a seat booking adds its {@code seatUid} (CreateSeatedBookingOutput_2024_08_13). */
    ObjectNode render(Scheduler.Created created) {
        Booking booking = created.booking();
        CalendarStore store = scheduler.store();
        return BookingJson.booking(booking, store.eventType(booking.eventTypeId()).orElse(null),
                store.host(booking.hostId()).orElse(null), scheduler.seats(booking), created.seatUid());
    }
}
