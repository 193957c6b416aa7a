package io.slotline.sim.control;

import io.slotline.sim.calendar.Attendee;
import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Ids;
import io.slotline.sim.calendar.ScenarioData;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.calendar.WeeklySchedule;
import io.slotline.sim.web.Json;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads tenants, hosts, event types and bookings from the JSON of {@code /_sim/scenario}, {@code /_sim/tenants},
 * {@code /_sim/hosts} and {@code /_sim/event-types}, and writes the current data back in the same shape. Bad input
 * throws {@link IllegalArgumentException} with a message naming the field.
 */
final class ScenarioJson {

    private final CalendarStore store;
    private final Ids ids;

    ScenarioJson(CalendarStore store, Ids ids) {
        this.store = store;
        this.ids = ids;
    }

    /**
     * Parses a scenario. References (host usernames, owner keys) may point into the same document or into
     * {@code known}, the data already loaded.
     */
    ScenarioData scenario(JsonNode json, ScenarioData known, Instant now) {
        List<Tenant> tenants = new ArrayList<>();
        for (JsonNode node : list(json, "tenants")) {
            tenants.add(tenant(node));
        }
        List<Host> hosts = new ArrayList<>();
        for (JsonNode node : list(json, "hosts")) {
            hosts.add(host(node));
        }
        List<Tenant> allTenants = concat(known.tenants(), tenants);
        // indexed: a benchmark loads thousands of tenants, hosts and bookings in one document
        HostIndex allHosts = new HostIndex(concat(known.hosts(), hosts));
        Map<String, Tenant> tenantsByKey = new java.util.HashMap<>();
        allTenants.forEach(t -> tenantsByKey.put(t.apiKey(), t));
        List<EventType> eventTypes = new ArrayList<>();
        for (JsonNode node : list(json, "eventTypes")) {
            eventTypes.add(eventType(node, tenantsByKey, allHosts));
        }
        Map<Long, EventType> allEventTypes = new java.util.HashMap<>();
        concat(known.eventTypes(), eventTypes).forEach(e -> allEventTypes.put(e.id(), e));
        List<Booking> bookings = new ArrayList<>();
        long nextId = store.nextBookingId();
        for (JsonNode node : list(json, "bookings")) {
            bookings.add(booking(node, nextId++, allHosts, allEventTypes, now));
        }
        return new ScenarioData(tenants, hosts, eventTypes, bookings);
    }

    Tenant tenant(JsonNode node) {
        String key = text(node, "apiKey");
        String name = optionalText(node, "name").orElse(key);
        String username = optionalText(node, "username").orElse(key.replace('_', '-'));
        return new Tenant(
                key,
                number(node, "userId"),
                name,
                username,
                optionalText(node, "email").orElse(username + "@example.com"),
                optionalLong(node, "teamId"),
                optionalText(node, "teamSlug").orElse(null),
                optionalText(node, "timeZone").orElse("UTC"));
    }

    Host host(JsonNode node) {
        String username = text(node, "username");
        ZoneId zone;
        try {
            zone = ZoneId.of(text(node, "timeZone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be an IANA zone: " + e.getMessage());
        }
        JsonNode schedule = node.get("schedule");
        if (schedule == null || !schedule.isObject()) {
            throw new IllegalArgumentException("schedule must be an object like {\"mon\":[\"09:00-17:00\"]}");
        }
        Map<String, List<String>> days = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> day : schedule.properties()) {
            List<String> windows = new ArrayList<>();
            day.getValue().forEach(w -> windows.add(w.asString()));
            days.put(day.getKey(), windows);
        }
        return new Host(
                number(node, "id"),
                username,
                optionalText(node, "name").orElse(username),
                optionalText(node, "email").orElse(username + "@example.com"),
                zone,
                WeeklySchedule.parse(days));
    }

    EventType eventType(JsonNode node, Map<String, Tenant> tenants, HostIndex hosts) {
        long id = number(node, "id");
        String ownerKey = text(node, "ownerKey");
        Tenant owner = Optional.ofNullable(tenants.get(ownerKey))
                .orElseThrow(() -> new IllegalArgumentException("ownerKey " + ownerKey + " is not a known tenant"));
        List<Long> hostIds = new ArrayList<>();
        for (JsonNode ref : list(node, "hosts")) {
            hostIds.add(resolveHost(ref, hosts).id());
        }
        Long teamId = optionalLong(node, "teamId");
        Long parentId = optionalLong(node, "parentId");
        EventType.SchedulingType scheduling = optionalText(node, "schedulingType")
                .map(EventType.SchedulingType::parse)
                .orElse(null);
        if (teamId == null && parentId == null && (hostIds.size() > 1 || scheduling != null)) {
            teamId = owner.teamId() != null ? owner.teamId() : 1_000_000L + id;
        }
        Long ownerUserId = null;
        if (teamId == null) {
            Long given = optionalLong(node, "ownerUserId");
            ownerUserId = given != null ? given : hostIds.isEmpty() ? owner.userId() : hostIds.get(0);
            if (hostIds.isEmpty()) {
                hostIds.add(ownerUserId);
            }
        }
        List<Integer> options = new ArrayList<>();
        list(node, "lengthInMinutesOptions").forEach(o -> options.add(o.asInt()));
        int length = (int) number(node, "lengthInMinutes");
        Long interval = optionalLong(node, "slotInterval");
        Long window = optionalLong(node, "bookingWindowDays");
        List<String> requiredFields = new ArrayList<>();
        list(node, "requiredBookingFields").forEach(f -> requiredFields.add(f.asString()));
        Long seatsPerTimeSlot = optionalLong(node, "seatsPerTimeSlot");
        EventType.Settings settings = new EventType.Settings(
                node.path("requiresConfirmation").asBoolean(false),
                node.path("rescheduleWithSameRoundRobinHost").asBoolean(false),
                node.path("emailRequired").asBoolean(true),
                node.path("phoneRequired").asBoolean(false),
                requiredFields,
                optionalText(node, "requiresCancellationReason")
                        .map(EventType.CancellationReason::valueOf)
                        .orElse(EventType.CancellationReason.MANDATORY_HOST_ONLY),
                seatsPerTimeSlot == null ? null : seatsPerTimeSlot.intValue());
        return new EventType(
                id,
                ownerKey,
                ownerUserId,
                teamId,
                text(node, "title"),
                text(node, "slug"),
                optionalText(node, "description").orElse(""),
                length,
                options,
                interval == null ? null : interval.intValue(),
                (int) optionalNumber(node, "minimumBookingNotice", 0),
                (int) optionalNumber(node, "beforeEventBuffer", 0),
                (int) optionalNumber(node, "afterEventBuffer", 0),
                hostIds,
                window == null ? null : window.intValue(),
                node.path("hidden").asBoolean(false),
                optionalText(node, "location").orElse(null),
                teamId == null ? null : scheduling,
                parentId,
                settings);
    }

    private Booking booking(JsonNode node, long id, HostIndex hosts, Map<Long, EventType> eventTypes, Instant now) {
        long eventTypeId = number(node, "eventTypeId");
        EventType eventType = Optional.ofNullable(eventTypes.get(eventTypeId))
                .orElseThrow(() -> new IllegalArgumentException("booking refers to unknown event type " + eventTypeId));
        JsonNode hostRef = node.has("host") ? node.get("host") : node.get("hostId");
        Host host = hostRef != null
                ? resolveHost(hostRef, hosts)
                : Optional.ofNullable(hosts.byId.get(eventType.hostIds().get(0)))
                        .orElseThrow();
        Instant start = instant(text(node, "start"));
        int length = (int) optionalNumber(node, "lengthInMinutes", eventType.lengthInMinutes());
        JsonNode attendee = node.path("attendee");
        String name = attendee.path("name").asString("Guest");
        Attendee person = Attendee.of(
                name,
                attendee.path("email").asString(null),
                attendee.path("timeZone").asString(host.timeZone().getId()),
                attendee.path("language").asString("en"),
                attendee.path("phoneNumber").asString(null));
        Map<String, Object> metadata = node.has("metadata") ? toMap(node.get("metadata")) : Map.of();
        String status = optionalText(node, "status").orElse(Booking.ACCEPTED);
        return new Booking(
                id,
                optionalText(node, "uid").orElseGet(ids::bookingUid),
                eventType.id(),
                eventType.ownerKey(),
                host.id(),
                start,
                start.plus(Duration.ofMinutes(length)),
                status,
                person,
                null,
                metadata,
                Map.of(),
                eventType.location(),
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    ObjectNode describe(ScenarioData data) {
        ObjectNode json = Json.object();
        ArrayNode tenants = json.putArray("tenants");
        for (Tenant tenant : data.tenants()) {
            ObjectNode t = tenants.addObject();
            t.put("apiKey", tenant.apiKey());
            t.put("userId", tenant.userId());
            t.put("name", tenant.name());
            t.put("username", tenant.username());
            t.put("email", tenant.email());
            if (tenant.teamId() != null) {
                t.put("teamId", tenant.teamId());
                t.put("teamSlug", tenant.teamSlug());
            }
        }
        ArrayNode hosts = json.putArray("hosts");
        for (Host host : data.hosts()) {
            ObjectNode h = hosts.addObject();
            h.put("id", host.id());
            h.put("username", host.username());
            h.put("name", host.name());
            h.put("email", host.email());
            h.put("timeZone", host.timeZone().getId());
            h.set("schedule", Json.tree(host.schedule().describe()));
        }
        ArrayNode eventTypes = json.putArray("eventTypes");
        for (EventType eventType : data.eventTypes()) {
            ObjectNode e = eventTypes.addObject();
            e.put("id", eventType.id());
            e.put("ownerKey", eventType.ownerKey());
            e.put("title", eventType.title());
            e.put("slug", eventType.slug());
            e.put("lengthInMinutes", eventType.lengthInMinutes());
            e.set("lengthInMinutesOptions", Json.tree(eventType.lengthOptions()));
            if (eventType.slotInterval() != null) {
                e.put("slotInterval", eventType.slotInterval());
            }
            e.put("minimumBookingNotice", eventType.minimumBookingNotice());
            e.put("beforeEventBuffer", eventType.beforeEventBuffer());
            e.put("afterEventBuffer", eventType.afterEventBuffer());
            e.set("hosts", Json.tree(eventType.hostIds()));
            if (eventType.teamId() != null) {
                e.put("teamId", eventType.teamId());
                e.put("schedulingType", eventType.teamSchedulingType().apiName());
            }
            if (eventType.ownerUserId() != null) {
                e.put("ownerUserId", eventType.ownerUserId());
            }
            if (eventType.parentId() != null) {
                e.put("parentId", eventType.parentId());
            }
            EventType.Settings settings = eventType.settings();
            e.put("requiresConfirmation", settings.requiresConfirmation());
            e.put("rescheduleWithSameRoundRobinHost", settings.rescheduleWithSameRoundRobinHost());
            e.put("emailRequired", settings.emailRequired());
            e.put("phoneRequired", settings.phoneRequired());
            e.set("requiredBookingFields", Json.tree(settings.requiredCustomFields()));
            e.put("requiresCancellationReason", settings.cancellationReason().name());
            if (settings.seatsPerTimeSlot() != null) {
                e.put("seatsPerTimeSlot", settings.seatsPerTimeSlot());
            }
            if (eventType.bookingWindowDays() != null) {
                e.put("bookingWindowDays", eventType.bookingWindowDays());
            }
            e.put("hidden", eventType.hidden());
            if (eventType.locationAddress() != null) {
                e.put("location", eventType.locationAddress());
            }
        }
        json.put("bookings", data.bookings().size());
        json.put(
                "activeBookings",
                data.bookings().stream().filter(Booking::isActive).count());
        return json;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException again) {
                throw new IllegalArgumentException("not an ISO instant: " + text);
            }
        }
    }

    private static Host resolveHost(JsonNode ref, HostIndex hosts) {
        Host host = ref.isNumber() ? hosts.byId.get(ref.asLong()) : hosts.byUsername.get(ref.asString());
        if (host == null) {
            throw new IllegalArgumentException("unknown host " + ref);
        }
        return host;
    }

    /** Hosts by id and by username; a later entry with the same key wins, as in the store. */
    private static final class HostIndex {
        private final Map<Long, Host> byId = new java.util.HashMap<>();
        private final Map<String, Host> byUsername = new java.util.HashMap<>();

        HostIndex(List<Host> hosts) {
            for (Host host : hosts) {
                byId.put(host.id(), host);
                byUsername.putIfAbsent(host.username(), host);
            }
        }
    }

    private static List<JsonNode> list(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(name + " must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException(name + " is required and must be a non-empty string");
        }
        return value.stringValue();
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() && !value.stringValue().isBlank()
                ? Optional.of(value.stringValue())
                : Optional.empty();
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException(name + " is required and must be an integer");
        }
        return value.asLong();
    }

    private static long optionalNumber(JsonNode node, String name, long fallback) {
        Long value = optionalLong(node, name);
        return value == null ? fallback : value;
    }

    private static @Nullable Long optionalLong(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return value.asLong();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return Json.MAPPER.convertValue(node, LinkedHashMap.class);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
