package io.slotline.calcom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Cal.com event type (a Slotline service maps to one). Durations are minutes. {@code hosts} are the team
 * hosts, or the users of a personal event type.
 *
 * @param schedulingType a team event type's; null for a user's own (personal or managed child)
 * @param ownerId the owning user of a personal event type or managed child; null for team event types
 * @param lengthOptions further lengths a caller may choose (Cal.com's "multiple durations")
 * @param seatsPerTimeSlot for a seated event type, how many attendees share one booking of a time (null: not seated)
 */
public record EventType(
        long id,
        String title,
        String slug,
        int lengthInMinutes,
        @Nullable Integer slotInterval,
        int minimumBookingNotice,
        int beforeEventBuffer,
        int afterEventBuffer,
        List<BookingField> bookingFields,
        List<Host> hosts,
        @Nullable Long teamId,
        boolean hidden,
        @Nullable SchedulingType schedulingType,
        @Nullable Long ownerId,
        List<Integer> lengthOptions,
        boolean requiresConfirmation,
        @Nullable Integer seatsPerTimeSlot) {

    /** Not seated (most event types; tests build them so). */
    public EventType(
            long id,
            String title,
            String slug,
            int lengthInMinutes,
            @Nullable Integer slotInterval,
            int minimumBookingNotice,
            int beforeEventBuffer,
            int afterEventBuffer,
            List<BookingField> bookingFields,
            List<Host> hosts,
            @Nullable Long teamId,
            boolean hidden,
            @Nullable SchedulingType schedulingType,
            @Nullable Long ownerId,
            List<Integer> lengthOptions,
            boolean requiresConfirmation) {
        this(
                id,
                title,
                slug,
                lengthInMinutes,
                slotInterval,
                minimumBookingNotice,
                beforeEventBuffer,
                afterEventBuffer,
                bookingFields,
                hosts,
                teamId,
                hidden,
                schedulingType,
                ownerId,
                lengthOptions,
                requiresConfirmation,
                null);
    }

    /**
     * Several callers share one booking of a time, each in a seat: Cal.com answers a seat booking with the shared
     * booking's uid and a seat uid, and cancels a seat by that seat uid. The phone flow books and cancels whole
     * bookings, so it can't serve such an event type.
     */
    public boolean isSeated() {
        return seatsPerTimeSlot != null && seatsPerTimeSlot > 0;
    }

    static final String EMAIL_FIELD = "email";
    static final String ATTENDEE_PHONE_FIELD = "attendeePhoneNumber";

    /**
     * How a team event type picks its host. API v2 spells them {@code roundRobin}, {@code collective},
     * {@code managed} (event-types_2024_06_14/outputs/event-type.output.ts); older answers use the enum names.
     */
    public enum SchedulingType {
        ROUND_ROBIN,
        COLLECTIVE,
        MANAGED;

        static @Nullable SchedulingType parse(@Nullable String text) {
            if (text == null) {
                return null;
            }
            String plain = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            for (SchedulingType type : values()) {
                if (type.name()
                        .replace("_", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .equals(plain)) {
                    return type;
                }
            }
            return null;
        }
    }

    public EventType {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(slug, "slug");
        bookingFields = List.copyOf(bookingFields);
        hosts = List.copyOf(hosts);
        lengthOptions = List.copyOf(lengthOptions);
    }

    /** Whether a caller may choose among several lengths; only then is a length sent with slots or bookings. */
    public boolean hasMultipleLengths() {
        return lengthOptions.stream().anyMatch(length -> length != lengthInMinutes);
    }

    public boolean isManagedParent() {
        return schedulingType == SchedulingType.MANAGED;
    }

    /** A field of the booking form: {@code slug} is the key in bookingFieldsResponses. */
    public record BookingField(String slug, String type, boolean required, boolean hidden, boolean isDefault) {
        public BookingField {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(type, "type");
        }

        boolean mustBeAnswered() {
            return required && !hidden;
        }
    }

    /** Email is Cal.com's default requirement; an event type may make it optional or hide it (phone-only booking). */
    public boolean requiresEmail() {
        return field(EMAIL_FIELD).map(BookingField::mustBeAnswered).orElse(true);
    }

    /** Whether the attendee's phone number (attendee.phoneNumber) is required. */
    public boolean requiresPhone() {
        return field(ATTENDEE_PHONE_FIELD).map(BookingField::mustBeAnswered).orElse(false);
    }

    /** Required custom (non-default) fields that must go into bookingFieldsResponses. */
    public List<BookingField> requiredCustomFields() {
        return bookingFields.stream()
                .filter(f -> !f.isDefault() && f.mustBeAnswered())
                .toList();
    }

    public Optional<BookingField> field(String slug) {
        return bookingFields.stream().filter(f -> f.slug().equals(slug)).findFirst();
    }
}
