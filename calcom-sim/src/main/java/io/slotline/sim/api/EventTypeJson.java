package io.slotline.sim.api;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventTypeOutput_2024_06_14 and TeamEventTypeOutput_2024_06_14
 * (packages/platform/types/event-types/event-types_2024_06_14/outputs/event-type.output.ts): team event types add
 * teamId, parentEventTypeId, hosts (round robin with mandatory and priority; managed built from the children's
 * owners, without child ids), schedulingType in camel case and the team.
 */
final class EventTypeJson {

    private EventTypeJson() {}

    static ObjectNode eventType(EventType eventType, List<Host> hosts) {
        return eventType(eventType, hosts, null);
    }

    static ObjectNode eventType(EventType eventType, List<Host> hosts, @Nullable Tenant team) {
        ObjectNode json = Json.object();
        json.put("id", eventType.id());
        json.put("lengthInMinutes", eventType.lengthInMinutes());
        if (eventType.hasMultipleDurations()) {
            ArrayNode options = json.putArray("lengthInMinutesOptions");
            eventType.lengthOptions().forEach(options::add);
        }
        json.put("title", eventType.title());
        json.put("slug", eventType.slug());
        json.put("description", eventType.description());
        ArrayNode locations = json.putArray("locations");
        if (eventType.locationAddress() != null) {
            ObjectNode address = locations.addObject();
            address.put("type", "address");
            address.put("address", eventType.locationAddress());
            address.put("public", true);
        } else {
            locations.addObject().put("type", "integration").put("integration", "cal-video");
        }
        json.set("bookingFields", bookingFields(eventType.settings()));
        json.put("disableGuests", false);
        if (eventType.slotInterval() == null) {
            json.putNull("slotInterval");
        } else {
            json.put("slotInterval", eventType.slotInterval());
        }
        json.put("minimumBookingNotice", eventType.minimumBookingNotice());
        json.put("beforeEventBuffer", eventType.beforeEventBuffer());
        json.put("afterEventBuffer", eventType.afterEventBuffer());
        json.putNull("recurrence");
        json.putObject("metadata");
        json.put("price", 0);
        json.put("currency", "usd");
        json.put("lockTimeZoneToggleOnBookingPage", false);
        json.putNull("seatsPerTimeSlot");
        json.put("forwardParamsSuccessRedirect", true);
        json.putNull("successRedirectUrl");
        json.put("isInstantEvent", false);
        json.putNull("scheduleId");
        if (eventType.bookingWindowDays() == null) {
            json.putArray("bookingWindow");
        } else {
            ObjectNode window = json.putObject("bookingWindow");
            window.put("type", "calendarDays");
            window.put("value", eventType.bookingWindowDays());
            window.put("rolling", true);
        }
        json.put("requiresConfirmation", eventType.settings().requiresConfirmation());
        json.put("hidden", eventType.hidden());
        if (eventType.ownerUserId() == null) {
            json.putNull("ownerId");
        } else {
            json.put("ownerId", eventType.ownerUserId());
        }
        ArrayNode users = json.putArray("users");
        for (Host host : hosts) {
            ObjectNode user = users.addObject();
            user.put("id", host.id());
            user.put("name", host.name());
            user.put("username", host.username());
            user.putNull("avatarUrl");
            user.put("weekStart", "Monday");
            user.putNull("brandColor");
            user.putNull("darkBrandColor");
            user.putObject("metadata");
        }
        if (eventType.isSeated()) {
            // event-types_2024_06_14 output: seats {seatsPerTimeSlot, showAttendeeInfo, showAvailabilityCount}
            ObjectNode seats = json.putObject("seats");
            seats.put("seatsPerTimeSlot", eventType.settings().seatsPerTimeSlot());
            seats.put("showAttendeeInfo", false);
            seats.put("showAvailabilityCount", true);
        }
        if (eventType.isTeam()) {
            json.put("teamId", eventType.teamId());
            json.putNull("parentEventTypeId");
            ArrayNode hostList = json.putArray("hosts");
            for (Host host : hosts) {
                ObjectNode entry = hostList.addObject();
                entry.put("userId", host.id());
                entry.put("name", host.name());
                entry.put("username", host.username());
                entry.putNull("avatarUrl");
                if (eventType.isRoundRobin()) {
                    entry.put("mandatory", false);
                    entry.put("priority", "medium");
                }
            }
            json.put("assignAllTeamMembers", false);
            json.put("schedulingType", eventType.teamSchedulingType().apiName());
            json.put("rescheduleWithSameRoundRobinHost", eventType.settings().rescheduleWithSameRoundRobinHost());
            if (team != null) {
                ObjectNode teamJson = json.putObject("team");
                teamJson.put("id", eventType.teamId());
                teamJson.put("slug", team.teamSlug());
                teamJson.put("name", team.name());
            }
        }
        return json;
    }

    /** Cal.com's default booking fields (packages/features/bookings/lib/getBookingFields.ts) with the settings. */
    private static ArrayNode bookingFields(EventType.Settings settings) {
        ArrayNode fields = Json.array();
        field(fields, "name", "name", "your_name", true, true);
        field(fields, "email", "email", "email_address", settings.emailRequired(), true);
        field(fields, "phone", "attendeePhoneNumber", "phone_number", settings.phoneRequired(), true);
        field(fields, "textarea", "notes", "additional_notes", false, true);
        field(fields, "multiemail", "guests", "additional_guests", false, true);
        field(fields, "textarea", "rescheduleReason", "reason_for_reschedule", false, true);
        for (String custom : settings.requiredCustomFields()) {
            field(fields, "text", custom, custom, true, false);
        }
        return fields;
    }

    private static void field(
            ArrayNode fields, String type, String slug, String label, boolean required, boolean isDefault) {
        ObjectNode field = fields.addObject();
        field.put("isDefault", isDefault);
        field.put("type", type);
        field.put("slug", slug);
        field.put("label", label);
        field.put("required", required);
        field.put("hidden", false);
    }
}
