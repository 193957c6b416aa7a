package io.slotline.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings ({@code slotline.booking.*}).
 *
 * @param liveDeadline           how long a function may wait for availability while the caller listens; past it,
 *                               stale data or a "calendar unavailable" answer beats silence
 * @param holdMinutes            how long a call's hold of a slot (Slotline's own, see SlotHoldService) lasts while
 *                               the caller confirms; it ends earlier with the call
 * @param searchDays             days looked at for alternatives: the requested day and this many after it (covers
 *                               the same weekday next week)
 * @param placeholderEmailDomain for event types that require an email when the caller gave none: the attendee gets
 *                               {@code <phone digits>@<domain>}; the default is under the reserved TLD .invalid, so
 *                               Cal.com's confirmation mails can never reach anybody
 * @param eventTypeCacheTtl      how long an event type's booking fields (is an email required?) are remembered
 */
@ConfigurationProperties("slotline.booking")
public record BookingProperties(
        @DefaultValue("2500ms") Duration liveDeadline,
        @DefaultValue("5") int holdMinutes,
        @DefaultValue("14") int searchDays,
        @DefaultValue("phone.slotline.invalid") String placeholderEmailDomain,
        @DefaultValue("10m") Duration eventTypeCacheTtl) {

    public BookingProperties {
        if (liveDeadline.isNegative() || liveDeadline.isZero()) {
            throw new IllegalArgumentException("slotline.booking.live-deadline must be positive");
        }
        if (holdMinutes < 1 || holdMinutes > 60) {
            throw new IllegalArgumentException("slotline.booking.hold-minutes must be 1..60");
        }
        if (searchDays < 7 || searchDays > 60) {
            throw new IllegalArgumentException("slotline.booking.search-days must be 7..60 (same weekday next week)");
        }
        if (placeholderEmailDomain.isBlank() || placeholderEmailDomain.contains("@")) {
            throw new IllegalArgumentException("slotline.booking.placeholder-email-domain must be a domain");
        }
    }

    public static BookingProperties defaults() {
        return new BookingProperties(Duration.ofMillis(2500), 5, 14, "phone.slotline.invalid", Duration.ofMinutes(10));
    }
}
