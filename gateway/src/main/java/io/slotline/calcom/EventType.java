package io.slotline.calcom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A Cal.com event type (a Slotline service maps to one). Durations are minutes. {@code hosts} are the team
 * hosts, or the users of a personal event type.
 */
public record EventType(long id, String title, String slug, int lengthInMinutes, @Nullable Integer slotInterval,
        int minimumBookingNotice, int beforeEventBuffer, int afterEventBuffer, List<BookingField> bookingFields,
        List<Host> hosts, @Nullable Long teamId, boolean hidden) {

    static final String EMAIL_FIELD = "email";
    static final String ATTENDEE_PHONE_FIELD = "attendeePhoneNumber";

    public EventType {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(slug, "slug");
        bookingFields = List.copyOf(bookingFields);
        hosts = List.copyOf(hosts);
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
        return bookingFields.stream().filter(f -> !f.isDefault() && f.mustBeAnswered()).toList();
    }

    public Optional<BookingField> field(String slug) {
        return bookingFields.stream().filter(f -> f.slug().equals(slug)).findFirst();
    }
}
