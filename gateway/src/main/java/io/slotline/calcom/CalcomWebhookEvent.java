package io.slotline.calcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Cal.com webhook, reduced to what cache invalidation and reconciliation need. {@code uid} is the booking
 * the event is about (for BOOKING_RESCHEDULED the new booking; {@code rescheduleUid} and the reschedule times
 * describe the old one). Times accept {@code Z}, {@code .000Z} and {@code +00:00}; {@code status} is parsed
 * case-insensitively (webhooks send UPPERCASE). Most booking fields are null for non-booking triggers.
 */
public record CalcomWebhookEvent(
        String triggerEvent,
        @Nullable Instant createdAt,
        @Nullable String uid,
        @Nullable Long bookingId,
        @Nullable String rescheduleUid,
        @Nullable Long eventTypeId,
        @Nullable Instant start,
        @Nullable Instant end,
        @Nullable Instant rescheduleStart,
        @Nullable Instant rescheduleEnd,
        @Nullable BookingStatus status,
        @Nullable String cancellationReason,
        List<Person> attendees,
        @Nullable Person organizer,
        Map<String, String> metadata) {

    public CalcomWebhookEvent {
        Objects.requireNonNull(triggerEvent, "triggerEvent");
        attendees = List.copyOf(attendees);
        metadata = Map.copyOf(metadata);
    }

    public record Person(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phoneNumber,
            @Nullable String username,
            @Nullable String timeZone) {}

    /**
     * Cal.com's webhook event types (packages/features/webhooks/lib/constants.ts, WebhookTriggerEvents) plus PING,
     * the subscription's "Ping test"; anything else is {@link #UNKNOWN} and refused.
     */
    public enum Trigger {
        BOOKING_CREATED,
        BOOKING_RESCHEDULED,
        BOOKING_CANCELLED,
        BOOKING_REQUESTED,
        BOOKING_REJECTED,
        BOOKING_PAYMENT_INITIATED,
        BOOKING_PAID,
        BOOKING_NO_SHOW_UPDATED,
        MEETING_STARTED,
        MEETING_ENDED,
        RECORDING_READY,
        RECORDING_TRANSCRIPTION_GENERATED,
        INSTANT_MEETING,
        INSTANT_MEETING_CREATED,
        FORM_SUBMITTED,
        FORM_SUBMITTED_NO_EVENT,
        ROUTING_FORM_FALLBACK_HIT,
        OOO_CREATED,
        AFTER_HOSTS_CAL_VIDEO_NO_SHOW,
        AFTER_GUESTS_CAL_VIDEO_NO_SHOW,
        WRONG_ASSIGNMENT_REPORT,
        DELEGATION_CREDENTIAL_ERROR,
        PING,
        UNKNOWN;

        public static Trigger from(String triggerEvent) {
            for (Trigger trigger : values()) {
                if (trigger.name().equals(triggerEvent)) {
                    return trigger;
                }
            }
            return UNKNOWN;
        }
    }

    /** The body could not be read as a Cal.com webhook; answer 400. */
    public static final class MalformedPayload extends IllegalArgumentException {
        MalformedPayload(String message, @Nullable Throwable cause) {
            super(message, cause);
        }

        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    public Trigger trigger() {
        return Trigger.from(triggerEvent);
    }

    /** Whether the event changes which times are free (the availability cache must drop the affected ranges). */
    public boolean changesAvailability() {
        return switch (trigger()) {
            case BOOKING_CREATED,
                    BOOKING_RESCHEDULED,
                    BOOKING_CANCELLED,
                    BOOKING_REQUESTED,
                    BOOKING_REJECTED,
                    BOOKING_PAID,
                    INSTANT_MEETING_CREATED -> true;
            default -> false;
        };
    }

    /**
     * Parses the raw body (after the signature check). Booking triggers wrap the booking in {@code payload};
     * MEETING_STARTED/ENDED put it at the top level.
     */
    public static CalcomWebhookEvent parse(byte[] rawBody) {
        JsonNode root;
        try {
            root = CalcomJson.MAPPER.readTree(rawBody);
        } catch (JacksonException e) {
            throw new MalformedPayload("webhook body is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayload("webhook body is not a JSON object", null);
        }
        try {
            return fromTree(root);
        } catch (CalcomJson.MalformedResponse e) {
            throw new MalformedPayload("unreadable webhook: " + e.getMessage(), e);
        }
    }

    private static CalcomWebhookEvent fromTree(JsonNode root) {
        String triggerEvent = CalcomJson.text(root, "triggerEvent");
        if (triggerEvent == null || triggerEvent.isBlank()) {
            throw new MalformedPayload("webhook without triggerEvent", null);
        }
        JsonNode payload = root.path("payload").isObject() ? root.path("payload") : root;
        boolean flat = payload == root;
        Long bookingId = CalcomJson.longValue(payload, "bookingId");
        if (bookingId == null && flat) {
            bookingId = CalcomJson.longValue(payload, "id");
        }
        String status = CalcomJson.text(payload, "status");
        JsonNode organizer = payload.path("organizer").isObject() ? payload.path("organizer") : payload.path("user");
        return new CalcomWebhookEvent(
                triggerEvent,
                CalcomJson.optionalInstant(CalcomJson.text(root, "createdAt")),
                CalcomJson.text(payload, "uid"),
                bookingId,
                CalcomJson.text(payload, "rescheduleUid"),
                CalcomJson.longValue(payload, "eventTypeId"),
                CalcomJson.optionalInstant(CalcomJson.text(payload, "startTime")),
                CalcomJson.optionalInstant(CalcomJson.text(payload, "endTime")),
                CalcomJson.optionalInstant(CalcomJson.text(payload, "rescheduleStartTime")),
                CalcomJson.optionalInstant(CalcomJson.text(payload, "rescheduleEndTime")),
                status != null ? BookingStatus.parse(status) : null,
                CalcomJson.text(payload, "cancellationReason"),
                attendees(payload),
                organizer.isObject() ? person(organizer) : null,
                CalcomJson.stringMap(payload.path("metadata")));
    }

    /** The booking form's phone answer belongs to the (first) attendee when the attendee entry lacks it. */
    private static List<Person> attendees(JsonNode payload) {
        List<Person> attendees =
                new ArrayList<>(CalcomJson.list(payload.path("attendees"), CalcomWebhookEvent::person));
        String formPhone = formAnswer(payload.path("responses").path(EventType.ATTENDEE_PHONE_FIELD));
        if (!attendees.isEmpty() && attendees.get(0).phoneNumber() == null && formPhone != null) {
            Person first = attendees.get(0);
            attendees.set(0, new Person(first.name(), first.email(), formPhone, first.username(), first.timeZone()));
        }
        return attendees;
    }

    private static @Nullable String formAnswer(JsonNode response) {
        if (response.isObject()) {
            return CalcomJson.text(response, "value");
        }
        return response.isString() && !response.stringValue().isBlank() ? response.stringValue() : null;
    }

    private static Person person(JsonNode node) {
        return new Person(
                CalcomJson.text(node, "name"),
                CalcomJson.text(node, "email"),
                CalcomJson.text(node, "phoneNumber"),
                CalcomJson.text(node, "username"),
                CalcomJson.text(node, "timeZone"));
    }
}
