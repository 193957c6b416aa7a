package io.slotline.calcom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new booking. {@code requestId} is Slotline's own id for the attempt, sent as metadata
 * {@code slotlineRequestId}: Cal.com has no idempotency key, so after a timeout we find out whether the
 * first attempt succeeded by looking for that id. {@code metadata} holds further keys (Cal.com's limits: 50
 * keys including ours, keys up to 40 characters, values up to 500).
 */
public record CreateBooking(
        EventTypeRef eventType,
        Instant start,
        Attendee attendee,
        String requestId,
        @Nullable String reservedSlotUid,
        @Nullable Integer lengthInMinutes,
        @Nullable BookingLocation location,
        Map<String, Object> bookingFieldsResponses,
        Map<String, String> metadata) {

    public static final String REQUEST_ID_METADATA_KEY = "slotlineRequestId";
    static final int MAX_METADATA_KEYS = 50;
    static final int MAX_METADATA_KEY_LENGTH = 40;
    static final int MAX_METADATA_VALUE_LENGTH = 500;

    public CreateBooking {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(attendee, "attendee");
        Objects.requireNonNull(requestId, "requestId");
        if (attendee.name().isBlank()) {
            throw new IllegalArgumentException("attendee name must not be blank");
        }
        if (attendee.timeZone() == null) {
            throw new IllegalArgumentException("attendee time zone is required for a booking");
        }
        if (isBlank(attendee.email()) && isBlank(attendee.phoneNumber())) {
            throw new IllegalArgumentException("a booking needs the attendee's email or phone number");
        }
        if (lengthInMinutes != null && lengthInMinutes <= 0) {
            throw new IllegalArgumentException("lengthInMinutes must be positive: " + lengthInMinutes);
        }
        bookingFieldsResponses = Map.copyOf(bookingFieldsResponses);
        metadata = Map.copyOf(metadata);
        validateMetadata(requestId, metadata);
    }

    public static CreateBooking of(EventTypeRef eventType, Instant start, Attendee attendee, String requestId) {
        return new CreateBooking(eventType, start, attendee, requestId, null, null, null, Map.of(), Map.of());
    }

    public CreateBooking withReservedSlotUid(String uid) {
        return new CreateBooking(
                eventType,
                start,
                attendee,
                requestId,
                uid,
                lengthInMinutes,
                location,
                bookingFieldsResponses,
                metadata);
    }

    public CreateBooking withLengthInMinutes(int minutes) {
        return new CreateBooking(
                eventType,
                start,
                attendee,
                requestId,
                reservedSlotUid,
                minutes,
                location,
                bookingFieldsResponses,
                metadata);
    }

    public CreateBooking withLocation(BookingLocation newLocation) {
        return new CreateBooking(
                eventType,
                start,
                attendee,
                requestId,
                reservedSlotUid,
                lengthInMinutes,
                newLocation,
                bookingFieldsResponses,
                metadata);
    }

    public CreateBooking withBookingFieldsResponses(Map<String, Object> responses) {
        return new CreateBooking(
                eventType, start, attendee, requestId, reservedSlotUid, lengthInMinutes, location, responses, metadata);
    }

    public CreateBooking withMetadata(Map<String, String> extra) {
        return new CreateBooking(
                eventType,
                start,
                attendee,
                requestId,
                reservedSlotUid,
                lengthInMinutes,
                location,
                bookingFieldsResponses,
                extra);
    }

    /** The metadata as sent: the extra keys plus our request id. */
    public Map<String, String> metadataToSend() {
        Map<String, String> all = new LinkedHashMap<>(metadata);
        all.put(REQUEST_ID_METADATA_KEY, requestId);
        return all;
    }

    private static void validateMetadata(String requestId, Map<String, String> metadata) {
        if (requestId.isBlank() || requestId.length() > MAX_METADATA_VALUE_LENGTH) {
            throw new IllegalArgumentException("requestId must be 1.." + MAX_METADATA_VALUE_LENGTH + " characters");
        }
        if (metadata.containsKey(REQUEST_ID_METADATA_KEY)) {
            throw new IllegalArgumentException(REQUEST_ID_METADATA_KEY + " is set from requestId");
        }
        if (metadata.size() + 1 > MAX_METADATA_KEYS) {
            throw new IllegalArgumentException("Cal.com accepts at most " + MAX_METADATA_KEYS + " metadata keys");
        }
        metadata.forEach((key, value) -> {
            if (key.length() > MAX_METADATA_KEY_LENGTH) {
                throw new IllegalArgumentException("metadata key longer than " + MAX_METADATA_KEY_LENGTH + ": " + key);
            }
            if (value.length() > MAX_METADATA_VALUE_LENGTH) {
                throw new IllegalArgumentException(
                        "metadata value of " + key + " longer than " + MAX_METADATA_VALUE_LENGTH);
            }
        });
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
