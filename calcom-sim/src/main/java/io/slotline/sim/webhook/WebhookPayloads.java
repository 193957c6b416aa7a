package io.slotline.sim.webhook;

import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Times;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook bodies as Cal.com sends them: {@code {"triggerEvent","createdAt","payload":{...}}}, statuses UPPERCASE,
 * {@code startTime}/{@code endTime} as {@code ...Z} without milliseconds except in BOOKING_CANCELLED, which uses
 * {@code +00:00}.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    static ObjectNode created(
            String trigger, Booking booking, @Nullable EventType eventType, @Nullable Host host, Instant now) {
        return envelope(trigger, now, payload(booking, eventType, host, false));
    }

    static ObjectNode cancelled(Booking booking, @Nullable EventType eventType, @Nullable Host host, Instant now) {
        ObjectNode payload = payload(booking, eventType, host, true);
        payload.put("cancellationReason", booking.cancellationReason() == null ? "" : booking.cancellationReason());
        payload.put("cancelledBy", booking.cancelledByEmail() == null ? "" : booking.cancelledByEmail());
        return envelope("BOOKING_CANCELLED", now, payload);
    }

    static ObjectNode rescheduled(
            Booking original, Booking booking, @Nullable EventType eventType, @Nullable Host host, Instant now) {
        ObjectNode payload = payload(booking, eventType, host, false);
        payload.put("rescheduleUid", original.uid());
        payload.put("rescheduleId", original.id());
        payload.put("rescheduleStartTime", Times.webhookUtc(original.start()));
        payload.put("rescheduleEndTime", Times.webhookUtc(original.end()));
        if (booking.reschedulingReason() != null) {
            payload.put("rescheduleReason", booking.reschedulingReason());
        }
        if (booking.rescheduledByEmail() != null) {
            payload.put("rescheduledBy", booking.rescheduledByEmail());
        }
        payload.put("iCalSequence", 1);
        return envelope("BOOKING_RESCHEDULED", now, payload);
    }

    private static ObjectNode envelope(String trigger, Instant now, ObjectNode payload) {
        ObjectNode body = Json.object();
        body.put("triggerEvent", trigger);
        body.put("createdAt", Times.iso(now));
        body.set("payload", payload);
        return body;
    }

    private static ObjectNode payload(
            Booking booking, @Nullable EventType eventType, @Nullable Host host, boolean offsetTimes) {
        ObjectNode payload = Json.object();
        String title = eventType == null ? "Booking" : eventType.title();
        String hostName = host == null ? "" : host.name();
        payload.put(
                "title",
                title + " between " + hostName + " and " + booking.attendee().name());
        payload.put("type", eventType == null ? "" : eventType.slug());
        payload.put("description", "");
        payload.put(
                "startTime", offsetTimes ? Times.webhookOffset(booking.start()) : Times.webhookUtc(booking.start()));
        payload.put("endTime", offsetTimes ? Times.webhookOffset(booking.end()) : Times.webhookUtc(booking.end()));
        payload.put("eventTypeId", booking.eventTypeId());
        payload.put("uid", booking.uid());
        payload.put("bookingId", booking.id());
        payload.put("status", booking.status().toUpperCase(java.util.Locale.ROOT));
        payload.put("length", booking.durationMinutes());
        ObjectNode organizer = payload.putObject("organizer");
        if (host != null) {
            organizer.put("id", host.id());
            organizer.put("name", host.name());
            organizer.put("email", host.email());
            organizer.put("username", host.username());
            organizer.put("timeZone", host.timeZone().getId());
        }
        organizer.putObject("language").put("locale", "en");
        organizer.put("timeFormat", "h:mma");
        ArrayNode attendees = payload.putArray("attendees");
        ObjectNode attendee = attendees.addObject();
        attendee.put("email", booking.attendee().email());
        attendee.put("name", booking.attendee().name());
        String[] names = booking.attendee().name().trim().split("\\s+", 2);
        attendee.put("firstName", names[0]);
        attendee.put("lastName", names.length > 1 ? names[1] : "");
        attendee.put("timeZone", booking.attendee().timeZone());
        if (booking.attendee().phoneNumber() != null) {
            attendee.put("phoneNumber", booking.attendee().phoneNumber());
        }
        attendee.putObject("language").put("locale", booking.attendee().language());
        payload.set("responses", responses(booking));
        payload.put("location", booking.location());
        payload.set("metadata", Json.tree(booking.metadata()));
        payload.put("iCalUID", booking.uid() + "@Cal.com");
        payload.put("iCalSequence", 0);
        return payload;
    }

    private static ObjectNode responses(Booking booking) {
        ObjectNode responses = Json.object();
        field(responses, "name", "your_name", booking.attendee().name());
        field(responses, "email", "email_address", booking.attendee().email());
        if (booking.attendee().phoneNumber() != null) {
            field(
                    responses,
                    "attendeePhoneNumber",
                    "phone_number",
                    booking.attendee().phoneNumber());
        }
        for (Map.Entry<String, Object> custom : booking.responses().entrySet()) {
            ObjectNode entry = responses.putObject(custom.getKey());
            entry.put("label", custom.getKey());
            entry.set("value", Json.tree(custom.getValue()));
        }
        return responses;
    }

    private static void field(ObjectNode responses, String name, String label, String value) {
        ObjectNode entry = responses.putObject(name);
        entry.put("label", label);
        entry.put("value", value);
    }
}
