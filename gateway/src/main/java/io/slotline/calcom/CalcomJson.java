package io.slotline.calcom;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps Cal.com's JSON to Slotline's records. Lenient where Cal.com varies (missing optional fields, numbers as
 * strings, time formats {@code Z}, {@code .000Z}, {@code +02:00}), strict where a wrong value would mislead
 * (a slot or booking without a readable time): those throw {@link MalformedResponse}.
 */
final class CalcomJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> PLAIN_MAP = new TypeReference<>() {
    };

    private CalcomJson() {
    }

    static final class MalformedResponse extends RuntimeException {
        MalformedResponse(String message) {
            super(message);
        }
    }

    // ---- slots

    static SlotsResult slots(JsonNode data, @Nullable Integer requestedDuration, Instant fetchedAt) {
        if (data.isNull() || data.isMissingNode()) {
            return new SlotsResult(new TreeMap<>(), fetchedAt);
        }
        if (!data.isObject()) {
            throw new MalformedResponse("slots data is not an object");
        }
        TreeMap<LocalDate, List<Slot>> days = new TreeMap<>();
        for (Map.Entry<String, JsonNode> day : data.properties()) {
            LocalDate date = date(day.getKey());
            if (!day.getValue().isArray()) {
                throw new MalformedResponse("slots of " + day.getKey() + " are not an array");
            }
            List<Slot> slots = new ArrayList<>();
            for (JsonNode slot : day.getValue()) {
                slots.add(slot(slot, requestedDuration));
            }
            days.put(date, slots);
        }
        return new SlotsResult(days, fetchedAt);
    }

    private static Slot slot(JsonNode node, @Nullable Integer requestedDuration) {
        OffsetDateTime start = offsetDateTime(requiredText(node, "start"));
        String end = text(node, "end");
        if (end != null) {
            return new Slot(start, offsetDateTime(end));
        }
        // format=range was not honoured (e.g. a version fallback); the length is only known if we asked for one
        if (requestedDuration != null) {
            return new Slot(start, start.plusMinutes(requestedDuration));
        }
        throw new MalformedResponse("slot without end at " + start);
    }

    // ---- bookings

    /** A booking from {@code data}; recurring bookings come as an array, of which the first occurrence counts. */
    static Booking bookingData(JsonNode data) {
        if (data.isArray()) {
            if (data.isEmpty()) {
                throw new MalformedResponse("empty booking array");
            }
            return booking(data.get(0));
        }
        return booking(data);
    }

    static Booking booking(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedResponse("booking is not an object");
        }
        Instant start = instant(requiredText(node, "start"));
        Instant end = instant(requiredText(node, "end"));
        JsonNode eventType = node.path("eventType");
        Long eventTypeId = longValue(node, "eventTypeId");
        if (eventTypeId == null) {
            eventTypeId = longValue(eventType, "id");
        }
        Integer duration = intValue(node, "duration");
        return new Booking(
                longOr(node, "id", 0L),
                requiredText(node, "uid"),
                textOr(node, "title", ""),
                BookingStatus.parse(text(node, "status")),
                start,
                end,
                duration != null ? duration : (int) Duration.between(start, end).toMinutes(),
                eventTypeId,
                text(eventType, "slug"),
                list(node.path("hosts"), CalcomJson::host),
                list(node.path("attendees"), CalcomJson::attendee),
                text(node, "location"),
                stringMap(node.path("metadata")),
                plainMap(node.path("bookingFieldsResponses")),
                text(node, "cancellationReason"),
                text(node, "rescheduledFromUid"),
                text(node, "rescheduledToUid"),
                optionalInstant(text(node, "createdAt")),
                optionalInstant(text(node, "updatedAt")));
    }

    static BookingPage bookingPage(JsonNode root) {
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new MalformedResponse("bookings data is not an array");
        }
        List<Booking> bookings = list(data, CalcomJson::booking);
        JsonNode page = root.path("pagination");
        if (!page.isObject()) {
            return new BookingPage(bookings, BookingPage.Pagination.singlePage(bookings.size()));
        }
        return new BookingPage(bookings, new BookingPage.Pagination(
                intOr(page, "totalItems", bookings.size()),
                intOr(page, "remainingItems", 0),
                intOr(page, "returnedItems", bookings.size()),
                intOr(page, "itemsPerPage", bookings.size()),
                intOr(page, "currentPage", 1),
                intOr(page, "totalPages", 1),
                page.path("hasNextPage").asBoolean(false),
                page.path("hasPreviousPage").asBoolean(false)));
    }

    static Host host(JsonNode node) {
        Long id = longValue(node, "id");
        if (id == null) {
            id = longValue(node, "userId");
        }
        return new Host(id != null ? id : 0L, text(node, "name"), text(node, "email"), text(node, "username"),
                zone(text(node, "timeZone")));
    }

    static Attendee attendee(JsonNode node) {
        return new Attendee(textOr(node, "name", ""), text(node, "email"), text(node, "phoneNumber"),
                zone(text(node, "timeZone")), language(node.path("language")));
    }

    /** REST sends {@code "language":"it"}, webhooks {@code "language":{"locale":"it"}}. */
    private static @Nullable String language(JsonNode node) {
        if (node.isObject()) {
            return text(node, "locale");
        }
        return node.isString() ? node.stringValue() : null;
    }

    // ---- reservations and event types

    static Reservation reservation(JsonNode data, long requestedEventTypeId, int requestedDuration) {
        Instant slotStart = instant(requiredText(data, "slotStart"));
        String slotEnd = text(data, "slotEnd");
        int duration = intOr(data, "slotDuration", requestedDuration);
        return new Reservation(
                requiredText(data, "reservationUid"),
                longOr(data, "eventTypeId", requestedEventTypeId),
                slotStart,
                slotEnd != null ? instant(slotEnd) : slotStart.plus(Duration.ofMinutes(duration)),
                duration,
                instant(requiredText(data, "reservationUntil")));
    }

    static EventType eventType(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedResponse("event type is not an object");
        }
        Long id = longValue(node, "id");
        Integer length = intValue(node, "lengthInMinutes");
        if (id == null || length == null) {
            throw new MalformedResponse("event type without id or lengthInMinutes");
        }
        List<Host> hosts = list(node.path("hosts"), CalcomJson::host);
        if (hosts.isEmpty()) {
            hosts = list(node.path("users"), CalcomJson::host);
        }
        return new EventType(
                id,
                textOr(node, "title", ""),
                requiredText(node, "slug"),
                length,
                intValue(node, "slotInterval"),
                intOr(node, "minimumBookingNotice", 0),
                intOr(node, "beforeEventBuffer", 0),
                intOr(node, "afterEventBuffer", 0),
                list(node.path("bookingFields"), CalcomJson::bookingField),
                hosts,
                longValue(node, "teamId"),
                node.path("hidden").asBoolean(false),
                EventType.SchedulingType.parse(text(node, "schedulingType")),
                longValue(node, "ownerId"),
                list(node.path("lengthInMinutesOptions"), option -> option.canConvertToInt() ? option.asInt() : null)
                        .stream().filter(java.util.Objects::nonNull).toList(),
                node.path("requiresConfirmation").asBoolean(false),
                seats(node));
    }

    /**
     * 2024-06-14 answers {@code seats: {seatsPerTimeSlot, showAttendeeInfo, showAvailabilityCount}}
     * (event-types_2024_06_14/outputs/event-type.output.ts, transformers' seats); older shapes a top-level
     * {@code seatsPerTimeSlot}. Null when not seated.
     */
    private static @Nullable Integer seats(JsonNode node) {
        Integer seats = intValue(node.path("seats"), "seatsPerTimeSlot");
        if (seats == null) {
            seats = intValue(node, "seatsPerTimeSlot");
        }
        return seats != null && seats > 0 ? seats : null;
    }

    /** {@code GET /v2/me}: MeOutput (apps/api/v2/src/ee/me/outputs/me.output.ts). */
    static CalcomUser user(JsonNode node) {
        Long id = longValue(node, "id");
        if (id == null) {
            throw new MalformedResponse("user without id");
        }
        return new CalcomUser(id, text(node, "username"), text(node, "email"), text(node, "name"),
                text(node, "timeZone"), longValue(node, "organizationId"));
    }

    static CalcomWebhook webhook(JsonNode node) {
        String id = text(node, "id");
        if (id == null) {
            throw new MalformedResponse("webhook without id");
        }
        return new CalcomWebhook(id, textOr(node, "subscriberUrl", ""),
                list(node.path("triggers"), trigger -> trigger.asString()), node.path("active").asBoolean(false),
                longValue(node, "eventTypeId"));
    }

    static CalcomTeam team(JsonNode node) {
        Long id = longValue(node, "id");
        if (id == null) {
            throw new MalformedResponse("team without id");
        }
        return new CalcomTeam(id, text(node, "slug"), textOr(node, "name", ""),
                node.path("isOrganization").asBoolean(false));
    }

    private static EventType.BookingField bookingField(JsonNode node) {
        String slug = text(node, "slug");
        if (slug == null) {
            slug = textOr(node, "name", "");
        }
        return new EventType.BookingField(slug, textOr(node, "type", ""), node.path("required").asBoolean(false),
                node.path("hidden").asBoolean(false), node.path("isDefault").asBoolean(false));
    }

    // ---- scalars

    static @Nullable String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    static String textOr(JsonNode parent, String field, String fallback) {
        String value = text(parent, field);
        return value != null ? value : fallback;
    }

    static String requiredText(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null || value.isBlank()) {
            throw new MalformedResponse("missing " + field);
        }
        return value;
    }

    static @Nullable Long longValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.stringValue().trim());
            } catch (NumberFormatException e) {
                throw new MalformedResponse(field + " is not a number");
            }
        }
        throw new MalformedResponse(field + " is not a number");
    }

    static long longOr(JsonNode parent, String field, long fallback) {
        Long value = longValue(parent, field);
        return value != null ? value : fallback;
    }

    static @Nullable Integer intValue(JsonNode parent, String field) {
        Long value = longValue(parent, field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedResponse(field + " out of range");
        }
        return value.intValue();
    }

    static int intOr(JsonNode parent, String field, int fallback) {
        Integer value = intValue(parent, field);
        return value != null ? value : fallback;
    }

    static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedResponse("unreadable time '" + text + "'");
        }
    }

    static Instant instant(String text) {
        return offsetDateTime(text).toInstant();
    }

    static @Nullable Instant optionalInstant(@Nullable String text) {
        return text == null || text.isBlank() ? null : instant(text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedResponse("unreadable date key '" + text + "'");
        }
    }

    /** An unknown zone id is not worth failing a whole booking for. */
    static @Nullable ZoneId zone(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---- containers

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (!array.isArray()) {
            return List.of();
        }
        List<T> result = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            result.add(element.apply(node));
        }
        return result;
    }

    /** Scalars as text, nested structures as their JSON. */
    static Map<String, String> stringMap(JsonNode object) {
        if (!object.isObject()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            result.put(entry.getKey(), value.isContainer() ? value.toString()
                    : value.isString() ? value.stringValue() : value.asString());
        }
        return Collections.unmodifiableMap(result);
    }

    /** Plain Java values (String, Number, Boolean, List, Map); null values are dropped. */
    static Map<String, Object> plainMap(JsonNode object) {
        if (!object.isObject()) {
            return Map.of();
        }
        Map<String, Object> converted = MAPPER.treeToValue(object, PLAIN_MAP);
        Map<String, Object> result = new LinkedHashMap<>();
        converted.forEach((key, value) -> {
            if (value != null) {
                result.put(key, value);
            }
        });
        return Collections.unmodifiableMap(result);
    }
}
