package io.slotline.sim.api;

import io.slotline.sim.calendar.Attendee;
import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Seat;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Times;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** BookingOutput_2024_08_13, keys in Cal.com's output order; optional keys only when set. */
final class BookingJson {

    private BookingJson() {}

    static ObjectNode booking(Booking booking, @Nullable EventType eventType, @Nullable Host host) {
        return booking(booking, eventType, host, List.of(), null);
    }

    /**
     * @param seats    a seated booking's seats (its attendees, one each); empty for an ordinary booking
     * @param seatUid  the seat a create just took, answered as {@code seatUid}
     */
    static ObjectNode booking(
            Booking booking,
            @Nullable EventType eventType,
            @Nullable Host host,
            List<Seat> seats,
            @Nullable String seatUid) {
        ObjectNode json = Json.object();
        json.put("id", booking.id());
        json.put("uid", booking.uid());
        json.put(
                "title",
                (eventType == null ? "Booking" : eventType.title()) + " between " + (host == null ? "" : host.name())
                        + " and " + booking.attendee().name());
        json.put("description", "");
        ArrayNode hosts = json.putArray("hosts");
        if (host != null) {
            ObjectNode h = hosts.addObject();
            h.put("id", host.id());
            h.put("name", host.name());
            h.put("email", host.email());
            h.put("displayEmail", host.email());
            h.put("username", host.username());
            h.put("timeZone", host.timeZone().getId());
        }
        json.put("status", booking.status());
        putIfSet(json, "cancellationReason", booking.cancellationReason());
        putIfSet(json, "cancelledByEmail", booking.cancelledByEmail());
        putIfSet(json, "reschedulingReason", booking.reschedulingReason());
        putIfSet(json, "rescheduledByEmail", booking.rescheduledByEmail());
        putIfSet(json, "rescheduledFromUid", booking.rescheduledFromUid());
        putIfSet(json, "rescheduledToUid", booking.rescheduledToUid());
        json.put("start", Times.iso(booking.start()));
        json.put("end", Times.iso(booking.end()));
        json.put("duration", booking.durationMinutes());
        json.put("eventTypeId", booking.eventTypeId());
        ObjectNode type = json.putObject("eventType");
        type.put("id", booking.eventTypeId());
        type.put("slug", eventType == null ? "" : eventType.slug());
        json.put("meetingUrl", booking.location());
        json.put("location", booking.location());
        json.put("absentHost", false);
        json.put("createdAt", Times.iso(booking.createdAt()));
        if (booking.updatedAt() == null) {
            json.putNull("updatedAt");
        } else {
            json.put("updatedAt", Times.iso(booking.updatedAt()));
        }
        json.set("metadata", Json.tree(booking.metadata()));
        json.put("icsUid", booking.uid() + "@Cal.com");
        ArrayNode attendees = json.putArray("attendees");
        if (seats.size() > 1 || (seats.size() == 1 && seats.get(0).seatUid() != null)) {
            for (Seat seat : seats) {
                ObjectNode entry = attendee(seat.attendee());
                if (seat.seatUid() != null) {
                    entry.put("seatUid", seat.seatUid());
                }
                attendees.add(entry);
            }
        } else {
            attendees.add(attendee(booking.attendee()));
        }
        if (seatUid != null) {
            json.put("seatUid", seatUid);
        }
        if (booking.guests() != null) {
            ArrayNode guests = json.putArray("guests");
            booking.guests().forEach(guests::add);
        }
        json.set("bookingFieldsResponses", responses(booking));
        return json;
    }

    private static ObjectNode attendee(Attendee attendee) {
        ObjectNode json = Json.object();
        json.put("name", attendee.name());
        json.put("email", attendee.email());
        json.put("displayEmail", attendee.email());
        if (attendee.phoneNumber() != null) {
            json.put("phoneNumber", attendee.phoneNumber());
        }
        json.put("timeZone", attendee.timeZone());
        json.put("language", attendee.language());
        json.put("absent", false);
        return json;
    }

    private static ObjectNode responses(Booking booking) {
        ObjectNode json = Json.object();
        json.put("name", booking.attendee().name());
        json.put("email", booking.attendee().email());
        if (booking.attendee().phoneNumber() != null) {
            json.put("attendeePhoneNumber", booking.attendee().phoneNumber());
        }
        if (booking.guests() != null) {
            ArrayNode guests = json.putArray("guests");
            booking.guests().forEach(guests::add);
        }
        for (Map.Entry<String, Object> custom : booking.responses().entrySet()) {
            if (!json.has(custom.getKey())) {
                json.set(custom.getKey(), Json.tree(custom.getValue()));
            }
        }
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, @Nullable String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
