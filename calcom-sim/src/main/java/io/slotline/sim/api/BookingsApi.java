package io.slotline.sim.api;

import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Outcome;
import io.slotline.sim.web.Reply;
import io.slotline.sim.webhook.WebhookDispatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The bookings endpoints of cal-api-version 2024-08-13. */
public final class BookingsApi {

    static final List<String> LIST_STATUSES = List.of("upcoming", "recurring", "past", "cancelled", "unconfirmed");

    private static final Set<String> RESCHEDULE_KEYS = Set.of(
            "start",
            "reschedulingReason",
            "rescheduledBy",
            "emailVerificationCode",
            "rescheduleWithSameHost",
            "allowConflicts",
            "allowBookingOutOfBounds",
            "skipBookingLimits",
            "seatUid",
            "rrHostSubsetIds");
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
        Scheduler.PreparedBooking prepared =
                scheduler.prepare(CreateBookingBody.parse(scheduler, request.jsonObjectBody(), Set.of()));
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
        Scheduler.BookingRequest request = CreateBookingBody.parse(scheduler, body, extraKeys);
        if (ownerKey != null && !ownerKey.equals(request.eventType().ownerKey())) {
            throw ApiError.badRequest("Event type " + request.eventType().id() + " does not belong to " + ownerKey);
        }
        Scheduler.Created created = scheduler.commitSeat(scheduler.prepare(request));
        webhooks.bookingCreated(created.booking());
        return render(created);
    }

    static @Nullable String text(JsonNode body, String key) {
        JsonNode value = body.get(key);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    // ---- read

    Reply get(ApiRequest request) {
        String uid = request.pathVariable("uid");
        Booking booking = scheduler
                .booking(uid)
                .orElseThrow(() -> ApiError.notFound("Booking with uid=" + uid + " was not found in the database"));
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
        for (String name : List.of(
                "afterStart", "beforeEnd", "afterCreatedAt", "beforeCreatedAt", "afterUpdatedAt", "beforeUpdatedAt")) {
            String raw = request.query(name);
            if (raw != null) {
                Values.instant(raw)
                        .ifPresentOrElse(
                                v -> bounds.put(name, v),
                                () -> errors.add(
                                        name,
                                        "isIso8601",
                                        (name.startsWith("after") ? "fromDate" : "toDate")
                                                + " must be a valid ISO 8601 date."));
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

        List<Long> typeFilter = eventTypeIds != null && !eventTypeIds.isEmpty()
                ? eventTypeIds
                : eventTypeId != null && eventTypeId != 0 ? List.of(eventTypeId) : null;
        List<Long> teamFilter = teamIds != null && !teamIds.isEmpty()
                ? teamIds
                : teamId != null && teamId != 0 ? List.of(teamId) : null;
        Instant now = scheduler.now();
        String email = request.query("attendeeEmail");
        String wantedEmail =
                email == null || email.isBlank() ? null : email.trim().replaceAll("\\s+", "+");
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
                Long team = scheduler
                        .eventType(booking.eventTypeId())
                        .map(EventType::teamId)
                        .orElse(null);
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
            descending = statuses.size() == 1
                    && (statuses.get(0).equals("past") || statuses.get(0).equals("cancelled"));
        }
        Comparator<Booking> order =
                Comparator.comparing(sortKey(sortField), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
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
                case "afterUpdatedAt" ->
                    booking.updatedAt() != null && !booking.updatedAt().isBefore(limit);
                case "beforeUpdatedAt" ->
                    booking.updatedAt() != null && !booking.updatedAt().isAfter(limit);
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
                errors.add(
                        name,
                        "isNumber",
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

    private static int page(
            ApiRequest request, String name, int fallback, int low, @Nullable Integer high, PipeErrors errors) {
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
        if (value == null || !constraints.isEmpty()) { // a null value always has its isNumber constraint
            errors.add(name, constraints);
            return fallback;
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    // ---- cancel and reschedule

    Reply cancel(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        List<FieldError> errors = FieldError.unknown(body, CANCEL_KEYS::contains);
        FieldError.strings(body, List.of("cancellationReason", "seatUid"), errors);
        FieldError.booleans(body, List.of("cancelSubsequentBookings"), errors);
        FieldError.throwIfAny(errors);
        Tenant caller = request.caller();
        Booking cancelled = scheduler.cancel(
                request.pathVariable("uid"), text(body, "cancellationReason"), caller == null ? null : caller.userId());
        webhooks.bookingCancelled(cancelled);
        return Reply.json(200, Envelopes.success(render(cancelled)));
    }

    Outcome reschedule(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        List<FieldError> errors = FieldError.unknown(body, RESCHEDULE_KEYS::contains);
        if (Values.instant(body.get("start")).isEmpty()) {
            errors.add(FieldError.of("start", "start must be a valid ISO 8601 date string"));
        }
        FieldError.strings(
                body, List.of("rescheduledBy", "reschedulingReason", "emailVerificationCode", "seatUid"), errors);
        FieldError.booleans(
                body,
                List.of("rescheduleWithSameHost", "allowConflicts", "allowBookingOutOfBounds", "skipBookingLimits"),
                errors);
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
        return BookingJson.booking(
                booking,
                store.eventType(booking.eventTypeId()).orElse(null),
                store.host(booking.hostId()).orElse(null),
                scheduler.seats(booking),
                null);
    }

    /** A create's answer: a seat booking adds its {@code seatUid} (CreateSeatedBookingOutput_2024_08_13). */
    ObjectNode render(Scheduler.Created created) {
        Booking booking = created.booking();
        CalendarStore store = scheduler.store();
        return BookingJson.booking(
                booking,
                store.eventType(booking.eventTypeId()).orElse(null),
                store.host(booking.hostId()).orElse(null),
                scheduler.seats(booking),
                created.seatUid());
    }
}
