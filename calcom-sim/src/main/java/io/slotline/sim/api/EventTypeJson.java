package io.slotline.sim.api;

import java.util.List;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.web.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** EventTypeOutput_2024_06_14 (team event types add teamId, hosts and schedulingType). */
final class EventTypeJson {

    private EventTypeJson() {
    }

    static ObjectNode eventType(EventType eventType, List<Host> hosts) {
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
        json.set("bookingFields", bookingFields());
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
        json.put("requiresConfirmation", false);
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
        if (eventType.isTeam()) {
            json.put("teamId", eventType.teamId());
            ArrayNode hostList = json.putArray("hosts");
            for (Host host : hosts) {
                ObjectNode entry = hostList.addObject();
                entry.put("userId", host.id());
                entry.put("name", host.name());
                entry.put("username", host.username());
                entry.putNull("avatarUrl");
            }
            json.put("schedulingType", "ROUND_ROBIN");
        }
        return json;
    }

    private static ArrayNode bookingFields() {
        ArrayNode fields = Json.array();
        field(fields, "name", "name", "your_name", true);
        field(fields, "email", "email", "email_address", false);
        field(fields, "phone", "attendeePhoneNumber", "phone_number", false);
        field(fields, "textarea", "notes", "additional_notes", false);
        field(fields, "multiemail", "guests", "additional_guests", false);
        field(fields, "textarea", "rescheduleReason", "reason_for_reschedule", false);
        return fields;
    }

    private static void field(ArrayNode fields, String type, String slug, String label, boolean required) {
        ObjectNode field = fields.addObject();
        field.put("isDefault", true);
        field.put("type", type);
        field.put("slug", slug);
        field.put("label", label);
        field.put("required", required);
        field.put("hidden", false);
    }
}
