package io.slotline.calcom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Cal.com booking. After a reschedule, the new booking carries {@code rescheduledFromUid}; the old one is
 * cancelled and carries {@code rescheduledToUid}.
 */
public record Booking(
        long id,
        String uid,
        String title,
        BookingStatus status,
        Instant start,
        Instant end,
        int durationMinutes,
        @Nullable Long eventTypeId,
        @Nullable String eventTypeSlug,
        List<Host> hosts,
        List<Attendee> attendees,
        @Nullable String location,
        Map<String, String> metadata,
        Map<String, Object> bookingFieldsResponses,
        @Nullable String cancellationReason,
        @Nullable String rescheduledFromUid,
        @Nullable String rescheduledToUid,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    public Booking {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        hosts = List.copyOf(hosts);
        attendees = List.copyOf(attendees);
        metadata = Map.copyOf(metadata);
        bookingFieldsResponses = Map.copyOf(bookingFieldsResponses);
    }

    /** The Cal.com user the booking went to (the first host with a username), if Cal.com says. */
    public @Nullable String hostUsername() {
        return hosts.stream()
                .map(Host::username)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Our request id, when Slotline made this booking. */
    public @Nullable String slotlineRequestId() {
        return metadata.get(CreateBooking.REQUEST_ID_METADATA_KEY);
    }
}
