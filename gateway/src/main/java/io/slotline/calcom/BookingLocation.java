package io.slotline.calcom;

import java.util.Map;
import java.util.Objects;

/**
 * A booking location input, sent as {@code {"type": type, ...details}}, e.g. {@code of("phone")} or
 * {@code new BookingLocation("attendeePhone", Map.of("phone", "+4930123456"))}.
 */
public record BookingLocation(String type, Map<String, String> details) {

    public BookingLocation {
        Objects.requireNonNull(type, "type");
        details = Map.copyOf(details);
        if (details.containsKey("type")) {
            throw new IllegalArgumentException("'type' is given by the type component, not by details");
        }
    }

    public static BookingLocation of(String type) {
        return new BookingLocation(type, Map.of());
    }
}
