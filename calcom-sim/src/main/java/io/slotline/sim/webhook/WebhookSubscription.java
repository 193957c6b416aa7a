package io.slotline.sim.webhook;

import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.EventType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook subscriber, at one of Cal.com's levels. Which subscriptions a booking fires follows getWebhooks /
 * WebhookRepository.getSubscribers (packages/features/webhooks/lib/getWebhooks.ts) with the subscriber options of
 * RegularBookingService (packages/features/bookings/lib/service/RegularBookingService.ts):
 * <ul>
 * <li>a user webhook ({@code userId}, {@code eventTypeId} null) fires for bookings its user organizes, but only of
 * personal event types and managed children ({@code triggerForUser = !teamId || parentId}): never for round-robin
 * or collective team bookings;</li>
 * <li>an event type webhook ({@code eventTypeId}) fires for that event type's bookings and, on a managed parent,
 * for its children's;</li>
 * <li>through {@code /_sim/webhooks} only: {@code userId} null with an {@code ownerKey} receives every booking of
 * that tenant's event types, {@code ownerKey} null every booking's events.</li>
 * </ul>
 */
public record WebhookSubscription(
        String id,
        @Nullable String ownerKey,
        @Nullable Long userId,
        String subscriberUrl,
        List<String> triggers,
        boolean active,
        @Nullable String secret,
        @Nullable String payloadTemplate,
        Instant createdAt,
        @Nullable Long eventTypeId) {

    public WebhookSubscription(
            String id,
            @Nullable String ownerKey,
            @Nullable Long userId,
            String subscriberUrl,
            List<String> triggers,
            boolean active,
            @Nullable String secret,
            @Nullable String payloadTemplate,
            Instant createdAt) {
        this(id, ownerKey, userId, subscriberUrl, triggers, active, secret, payloadTemplate, createdAt, null);
    }

    public static final List<String> TRIGGERS = List.of(
            "BOOKING_CREATED",
            "BOOKING_RESCHEDULED",
            "BOOKING_CANCELLED",
            "BOOKING_REQUESTED",
            "BOOKING_REJECTED",
            "BOOKING_PAYMENT_INITIATED",
            "BOOKING_PAID",
            "BOOKING_NO_SHOW_UPDATED",
            "MEETING_STARTED",
            "MEETING_ENDED",
            "RECORDING_READY",
            "INSTANT_MEETING_CREATED",
            "FORM_SUBMITTED",
            "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
            "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
            "WRONG_ASSIGNMENT_REPORT");

    public WebhookSubscription {
        triggers = List.copyOf(triggers);
    }

    boolean wants(String trigger, Booking booking, @Nullable EventType eventType) {
        if (!active || !triggers.contains(trigger)) {
            return false;
        }
        if (ownerKey == null) {
            return true;
        }
        if (eventTypeId == null && userId == null) {
            return ownerKey.equals(booking.ownerKey());
        }
        if (eventTypeId != null) {
            return eventType != null
                    && (eventTypeId == eventType.id()
                            || (eventType.parentId() != null && eventTypeId.longValue() == eventType.parentId()));
        }
        boolean triggerForUser = eventType != null && (!eventType.isTeam() || eventType.isManagedChild());
        return triggerForUser && userId != null && userId == booking.hostId();
    }
}
