package io.slotline.appointments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A call's hold of one host from {@code startsAt} to {@code endsAt} while the caller confirms: Slotline's own claim,
 * counted by every other call.
 *
 * @param staffId        the staff member the caller asked for, null for "anyone"
 * @param host           the Cal.com username held (for "anyone", the host picked); null only for holds older than
 *                       host claims
 * @param reservationUid the courtesy reservation in Cal.com, if one was made
 */
public record SlotHold(
        long id,
        long companyId,
        String retellCallId,
        long serviceId,
        @Nullable Long staffId,
        @Nullable String host,
        Instant startsAt,
        Instant endsAt,
        @Nullable String reservationUid,
        Instant expiresAt,
        Status status,
        Instant createdAt) {

    public enum Status {
        HELD,
        BOOKED,
        RELEASED
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
