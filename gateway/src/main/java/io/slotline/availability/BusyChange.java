package io.slotline.availability;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone's time became busy or free, known to us before a slots request could show it: our own booking, cancel
 * or reschedule, a released hold, or a Cal.com webhook.
 *
 * @param zone         the branch's zone: the local days that are dropped when the change cannot be applied exactly
 * @param eventTypeId  the booking's event type (its buffers widen the busy time), when known
 * @param hostUsername the Cal.com user whose time changed, when known; without it every host may have changed
 */
public record BusyChange(
        long companyId,
        Kind kind,
        Instant start,
        Instant end,
        ZoneId zone,
        @Nullable Long eventTypeId,
        @Nullable String hostUsername) {

    public BusyChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        hostUsername = hostUsername == null ? null : CalendarRef.normalized(hostUsername);
    }

    public enum Kind {
        BOOKED,
        FREED
    }

    public static BusyChange booked(
            long companyId,
            Instant start,
            Instant end,
            ZoneId zone,
            @Nullable Long eventTypeId,
            @Nullable String hostUsername) {
        return new BusyChange(companyId, Kind.BOOKED, start, end, zone, eventTypeId, hostUsername);
    }

    public static BusyChange freed(
            long companyId,
            Instant start,
            Instant end,
            ZoneId zone,
            @Nullable Long eventTypeId,
            @Nullable String hostUsername) {
        return new BusyChange(companyId, Kind.FREED, start, end, zone, eventTypeId, hostUsername);
    }
}
