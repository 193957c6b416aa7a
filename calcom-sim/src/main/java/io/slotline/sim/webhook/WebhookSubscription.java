package io.slotline.sim.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.slotline.sim.calendar.Booking;

/**
 * A webhook subscriber. {@code ownerKey} scopes it to one tenant's bookings (as a user webhook in Cal.com);
 * null (only possible through {@code /_sim/webhooks}) receives every booking's events.
 */
public record WebhookSubscription(String id, @Nullable String ownerKey, @Nullable Long userId, String subscriberUrl,
        List<String> triggers, boolean active, @Nullable String secret, @Nullable String payloadTemplate,
        Instant createdAt) {

    public static final List<String> TRIGGERS = List.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED",
            "BOOKING_REQUESTED", "BOOKING_REJECTED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID",
            "BOOKING_NO_SHOW_UPDATED", "MEETING_STARTED", "MEETING_ENDED", "RECORDING_READY",
            "INSTANT_MEETING_CREATED", "FORM_SUBMITTED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
            "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "WRONG_ASSIGNMENT_REPORT");

    public WebhookSubscription {
        triggers = List.copyOf(triggers);
    }

    boolean wants(String trigger, Booking booking) {
        return active && triggers.contains(trigger) && (ownerKey == null || ownerKey.equals(booking.ownerKey()));
    }
}
