package io.slotline.calcom;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Booking status; the REST API sends lowercase, webhooks uppercase. Unrecognised values map to UNKNOWN. */
public enum BookingStatus {
    ACCEPTED,
    PENDING,
    CANCELLED,
    REJECTED,
    AWAITING_HOST,
    UNKNOWN;

    public static BookingStatus parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String normalized = raw.trim().toUpperCase(Locale.ROOT);
        for (BookingStatus status : values()) {
            if (status.name().equals(normalized)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
