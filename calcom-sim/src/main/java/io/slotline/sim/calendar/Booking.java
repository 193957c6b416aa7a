package io.slotline.sim.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A booking as Cal.com stores it. Immutable: a change produces a new instance that replaces the old one in the store.
 *
 * @param status accepted | pending | cancelled | rejected (lowercase, as the REST API shows it)
 * @param responses custom booking field responses as sent in {@code bookingFieldsResponses}
 */
public record Booking(
        long id,
        String uid,
        long eventTypeId,
        String ownerKey,
        long hostId,
        Instant start,
        Instant end,
        String status,
        Attendee attendee,
        @Nullable List<String> guests,
        Map<String, Object> metadata,
        Map<String, Object> responses,
        String location,
        Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable String cancellationReason,
        @Nullable String cancelledByEmail,
        @Nullable String reschedulingReason,
        @Nullable String rescheduledByEmail,
        @Nullable String rescheduledFromUid,
        @Nullable String rescheduledToUid) {

    public static final String ACCEPTED = "accepted";
    public static final String PENDING = "pending";
    public static final String CANCELLED = "cancelled";
    public static final String REJECTED = "rejected";

    public Booking {
        guests = guests == null ? null : List.copyOf(guests);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }

    /** Accepted or pending: the booking occupies its host's time. */
    public boolean isActive() {
        return ACCEPTED.equals(status) || PENDING.equals(status);
    }

    public int durationMinutes() {
        return (int) Duration.between(start, end).toMinutes();
    }

    Booking cancelled(@Nullable String reason, String byEmail, Instant now) {
        return new Booking(
                id,
                uid,
                eventTypeId,
                ownerKey,
                hostId,
                start,
                end,
                CANCELLED,
                attendee,
                guests,
                metadata,
                responses,
                location,
                createdAt,
                now,
                reason == null ? "" : reason,
                byEmail,
                reschedulingReason,
                rescheduledByEmail,
                rescheduledFromUid,
                rescheduledToUid);
    }

    Booking rescheduledTo(String newUid, @Nullable String byEmail, Instant now) {
        return new Booking(
                id,
                uid,
                eventTypeId,
                ownerKey,
                hostId,
                start,
                end,
                CANCELLED,
                attendee,
                guests,
                metadata,
                responses,
                location,
                createdAt,
                now,
                cancellationReason,
                cancelledByEmail,
                reschedulingReason,
                byEmail != null ? byEmail : rescheduledByEmail,
                rescheduledFromUid,
                newUid);
    }
}
