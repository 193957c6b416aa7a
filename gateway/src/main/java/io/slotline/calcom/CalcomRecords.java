package io.slotline.calcom;

import static io.slotline.calcom.CalcomJson.date;
import static io.slotline.calcom.CalcomJson.instant;
import static io.slotline.calcom.CalcomJson.intOr;
import static io.slotline.calcom.CalcomJson.intValue;
import static io.slotline.calcom.CalcomJson.list;
import static io.slotline.calcom.CalcomJson.longOr;
import static io.slotline.calcom.CalcomJson.longValue;
import static io.slotline.calcom.CalcomJson.offsetDateTime;
import static io.slotline.calcom.CalcomJson.optionalInstant;
import static io.slotline.calcom.CalcomJson.plainMap;
import static io.slotline.calcom.CalcomJson.requiredText;
import static io.slotline.calcom.CalcomJson.stringMap;
import static io.slotline.calcom.CalcomJson.text;
import static io.slotline.calcom.CalcomJson.textOr;
import static io.slotline.calcom.CalcomJson.zone;

import io.slotline.calcom.CalcomJson.MalformedResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Cal.com's answers as Slotline's records: slots, bookings, reservations, event types, the key's user, teams and
 * webhooks, read with {@link CalcomJson}'s lenient readers. Strict where a wrong value would mislead (a slot or
 * booking without a readable time, an event type without id or length): those throw {@link MalformedResponse}.
 */
final class CalcomRecords {

    private CalcomRecords() {}

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
                list(node.path("hosts"), CalcomRecords::host),
                list(node.path("attendees"), CalcomRecords::attendee),
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
        List<Booking> bookings = list(data, CalcomRecords::booking);
        JsonNode page = root.path("pagination");
        if (!page.isObject()) {
            return new BookingPage(bookings, BookingPage.Pagination.singlePage(bookings.size()));
        }
        return new BookingPage(
                bookings,
                new BookingPage.Pagination(
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
        return new Host(
                id != null ? id : 0L,
                text(node, "name"),
                text(node, "email"),
                text(node, "username"),
                zone(text(node, "timeZone")));
    }

    static Attendee attendee(JsonNode node) {
        return new Attendee(
                textOr(node, "name", ""),
                text(node, "email"),
                text(node, "phoneNumber"),
                zone(text(node, "timeZone")),
                language(node.path("language")));
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
        List<Host> hosts = list(node.path("hosts"), CalcomRecords::host);
        if (hosts.isEmpty()) {
            hosts = list(node.path("users"), CalcomRecords::host);
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
                list(node.path("bookingFields"), CalcomRecords::bookingField),
                hosts,
                longValue(node, "teamId"),
                node.path("hidden").asBoolean(false),
                EventType.SchedulingType.parse(text(node, "schedulingType")),
                longValue(node, "ownerId"),
                list(node.path("lengthInMinutesOptions"), option -> option.canConvertToInt() ? option.asInt() : null)
                        .stream()
                        .filter(java.util.Objects::nonNull)
                        .toList(),
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
        return new CalcomUser(
                id,
                text(node, "username"),
                text(node, "email"),
                text(node, "name"),
                text(node, "timeZone"),
                longValue(node, "organizationId"));
    }

    static CalcomWebhook webhook(JsonNode node) {
        String id = text(node, "id");
        if (id == null) {
            throw new MalformedResponse("webhook without id");
        }
        return new CalcomWebhook(
                id,
                textOr(node, "subscriberUrl", ""),
                list(node.path("triggers"), trigger -> trigger.asString()),
                node.path("active").asBoolean(false),
                longValue(node, "eventTypeId"));
    }

    static CalcomTeam team(JsonNode node) {
        Long id = longValue(node, "id");
        if (id == null) {
            throw new MalformedResponse("team without id");
        }
        return new CalcomTeam(
                id,
                text(node, "slug"),
                textOr(node, "name", ""),
                node.path("isOrganization").asBoolean(false));
    }

    private static EventType.BookingField bookingField(JsonNode node) {
        String slug = text(node, "slug");
        if (slug == null) {
            slug = textOr(node, "name", "");
        }
        return new EventType.BookingField(
                slug,
                textOr(node, "type", ""),
                node.path("required").asBoolean(false),
                node.path("hidden").asBoolean(false),
                node.path("isDefault").asBoolean(false));
    }
}
