package io.slotline.sim.api;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import io.slotline.sim.web.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v2/slots} (2024-09-04) and the hidden legacy {@code GET /v2/slots/available}. The query goes through
 * Cal.com's GetSlotsInputPipe: the lookup mode is chosen by which parameters are present, unknown parameters are
 * rejected (forbidNonWhitelisted).
 */
final class SlotsApi {

    static final String MSG_EVENT_TYPE_NOT_FOUND = "Event Type not found";
    static final String MSG_INVALID_RANGE = "Invalid time range given - check the 'start' and 'end' query parameters.";
    private static final Set<String> SHARED = Set.of(
            "start", "end", "timeZone", "duration", "format", "bookingUidToReschedule", "rrHostSubsetIds", "type");
    private static final Map<String, Set<String>> MODE_KEYS = Map.of(
            "id", Set.of("eventTypeId"),
            "user", Set.of("eventTypeSlug", "username", "organizationSlug"),
            "team", Set.of("eventTypeSlug", "teamSlug", "organizationSlug"),
            "usernames", Set.of("usernames", "organizationSlug"));

    private final Scheduler scheduler;

    SlotsApi(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Reply slots(ApiRequest request) {
        String mode = mode(request);
        List<FieldError> errors = validate(request, mode);
        FieldError.throwIfAny(errors);

        EventType eventType;
        Host onlyHost = null;
        switch (mode) {
            case "id" ->
                eventType = scheduler
                        .eventType(Objects.requireNonNull( // validate() refused a missing or non-numeric id
                                Values.jsParseInt(request.query("eventTypeId"))))
                        .orElseThrow(() -> ApiError.notFound(MSG_EVENT_TYPE_NOT_FOUND));
            case "user" -> {
                String username = String.valueOf(request.query("username"));
                onlyHost = scheduler
                        .hostByUsername(username)
                        .orElseThrow(() -> ApiError.notFound("User with username " + username + " not found"));
                eventType = scheduler
                        .eventTypeBySlugAndUsername(String.valueOf(request.query("eventTypeSlug")), username)
                        .orElseThrow(() -> ApiError.notFound(MSG_EVENT_TYPE_NOT_FOUND));
            }
            case "team" -> {
                String team = String.valueOf(request.query("teamSlug"));
                eventType = scheduler
                        .eventTypeBySlugAndTeam(String.valueOf(request.query("eventTypeSlug")), team)
                        .orElseThrow(() -> ApiError.notFound("Team with slug " + team + " not found"));
            }
            default ->
                throw ApiError.badRequest(
                        "Dynamic event types (usernames=...) are not supported by the Cal.com simulator");
        }

        String startText = String.valueOf(request.query("start"));
        String endText = String.valueOf(request.query("end"));
        Instant start = Values.instant(startText).orElseThrow();
        Instant end = Values.instant(endText).orElseThrow();
        if (Values.isDateOnly(endText)) {
            end = end.plus(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
        }
        Instant maxEnd = scheduler.now().plus(Duration.ofDays(365));
        if (end.isAfter(maxEnd)) {
            end = maxEnd;
        }
        if (start.isAfter(end)) {
            throw ApiError.badRequest(MSG_INVALID_RANGE);
        }
        int duration = duration(request, eventType);
        List<Instant> starts =
                scheduler.slots(eventType, onlyHost, start, end, duration, request.query("bookingUidToReschedule"));
        String zone = request.query("timeZone");
        boolean range = "range".equalsIgnoreCase(request.query("format"));
        ObjectNode data = Json.object();
        for (Map.Entry<String, List<Instant>> day : byDate(starts, zone).entrySet()) {
            ArrayNode list = data.putArray(day.getKey());
            for (Instant slot : day.getValue()) {
                ObjectNode item = list.addObject();
                item.put("start", Times.luxon(slot, zone));
                if (range) {
                    item.put("end", Times.luxon(slot.plus(Duration.ofMinutes(duration)), zone));
                }
                if (eventType.isSeated()) {
                    // slots-output.service.ts getAvailable(Range)SlotSeated
                    Scheduler.SeatInfo seats = scheduler.seatInfo(eventType, slot);
                    item.put("seatsBooked", seats.seatsBooked());
                    item.put("seatsRemaining", seats.seatsTotal() - seats.seatsBooked());
                    item.put("seatsTotal", seats.seatsTotal());
                    if (seats.bookingUid() != null) {
                        item.put("bookingUid", seats.bookingUid());
                    }
                }
            }
        }
        return Reply.json(200, Envelopes.success(data));
    }

    /** The pre-2024-09-04 endpoint: {@code {"data":{"slots":{"2024-09-25":[{"time":"..."}]}}}}. */
    Reply available(ApiRequest request) {
        PipeErrors errors = new PipeErrors();
        if (Values.instant(request.query("startTime")).isEmpty()) {
            errors.add("startTime", "isDateString", "startTime must be a valid ISO 8601 date string");
        }
        if (Values.instant(request.query("endTime")).isEmpty()) {
            errors.add("endTime", "isDateString", "endTime must be a valid ISO 8601 date string");
        }
        Long eventTypeId = Values.jsParseInt(request.query("eventTypeId"));
        if (eventTypeId == null) {
            errors.add(
                    "eventTypeId", "isNumber", "eventTypeId must be a number conforming to the specified constraints");
        }
        String zone = request.query("timeZone");
        if (zone != null && !Values.isValidZone(zone)) {
            errors.add("timeZone", "isTimeZone", "timeZone must be a valid IANA time-zone");
        }
        errors.throwIfAny();
        EventType eventType = scheduler
                .eventType(Objects.requireNonNull(eventTypeId)) // a missing id was thrown as an error above
                .orElseThrow(() -> ApiError.notFound(MSG_EVENT_TYPE_NOT_FOUND));
        Instant start = Values.instant(request.query("startTime")).orElseThrow();
        Instant end = Values.instant(request.query("endTime")).orElseThrow();
        if (start.isAfter(end)) {
            throw ApiError.badRequest(MSG_INVALID_RANGE);
        }
        List<Instant> starts = scheduler.slots(eventType, null, start, end, eventType.lengthInMinutes(), null);
        ObjectNode slots = Json.object();
        for (Map.Entry<String, List<Instant>> day : byDate(starts, zone).entrySet()) {
            ArrayNode list = slots.putArray(day.getKey());
            day.getValue().forEach(slot -> list.addObject().put("time", Times.luxon(slot, zone)));
        }
        ObjectNode data = Json.object();
        data.set("slots", slots);
        return Reply.json(200, Envelopes.success(data));
    }

    private static String mode(ApiRequest request) {
        Set<String> names = request.queryNames();
        if (names.contains("eventTypeId")) {
            return "id";
        }
        if (names.contains("username") && names.contains("eventTypeSlug")) {
            return "user";
        }
        if (names.contains("teamSlug") && names.contains("eventTypeSlug")) {
            return "team";
        }
        return "usernames";
    }

    private static List<FieldError> validate(ApiRequest request, String mode) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> modeKeys = Objects.requireNonNull(MODE_KEYS.get(mode), mode); // mode() names one of them
        for (String name : request.queryNames()) {
            if (!SHARED.contains(name) && !modeKeys.contains(name)) {
                errors.add(FieldError.notAllowed(name));
            }
        }
        if (mode.equals("id") && Values.jsParseInt(request.query("eventTypeId")) == null) {
            errors.add(FieldError.of(
                    "eventTypeId", "eventTypeId must be a number conforming to the specified constraints"));
        }
        if (mode.equals("usernames")) {
            String usernames = request.query("usernames");
            if (usernames == null) {
                errors.add(FieldError.of(
                        "usernames",
                        "each value in usernames must be a string",
                        "The array must contain at least 2 elements.",
                        "usernames must be an array"));
            } else if (usernames.split(",").length < 2) {
                errors.add(FieldError.of("usernames", "The array must contain at least 2 elements."));
            }
            if (request.query("organizationSlug") == null) {
                errors.add(FieldError.of("organizationSlug", "organizationSlug must be a string"));
            }
        }
        for (String name : List.of("start", "end")) {
            if (Values.instant(request.query(name)).isEmpty()) {
                errors.add(FieldError.of(name, name + " must be a valid ISO 8601 date string"));
            }
        }
        String zone = request.query("timeZone");
        if (zone != null && !Values.isValidZone(zone)) {
            errors.add(FieldError.of("timeZone", "timeZone must be a valid IANA time-zone"));
        }
        String duration = request.query("duration");
        if (duration != null && Values.jsParseInt(duration) == null) {
            errors.add(FieldError.of("duration", "duration must be a number conforming to the specified constraints"));
        }
        String format = request.query("format");
        if (format != null
                && !format.isEmpty()
                && !format.equalsIgnoreCase("range")
                && !format.equalsIgnoreCase("time")) {
            errors.add(FieldError.of("format", "slotFormat must be either 'range' or 'time'"));
        }
        return errors;
    }

    /**
     * The slot length: the requested duration for any event type, one length or several
     * (packages/trpc/server/routers/viewer/slots/util.ts: {@code eventLength: input.duration || eventType.length},
     * and the step {@code eventType.slotInterval || input.duration || eventType.length}); a booking keeps the event
     * type's own length all the same.
     */
    private static int duration(ApiRequest request, EventType eventType) {
        Long requested = Values.jsParseInt(request.query("duration"));
        if (requested != null && requested > 0 && requested <= 1440) {
            return requested.intValue();
        }
        return eventType.lengthInMinutes();
    }

    private static Map<String, List<Instant>> byDate(List<Instant> starts, @Nullable String zone) {
        Map<String, List<Instant>> days = new LinkedHashMap<>();
        java.time.ZoneId zoneId = Times.isUtcName(zone) ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(zone);
        for (Instant start : starts) {
            days.computeIfAbsent(start.atZone(zoneId).toLocalDate().toString(), d -> new ArrayList<>())
                    .add(start);
        }
        return days;
    }
}
