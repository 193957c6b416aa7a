package io.slotline.sim.calendar;

import org.jspecify.annotations.Nullable;

/**
 * The person who booked. Phone-only attendees get Cal.com's placeholder address {@code <digits>@sms.cal.com}.
 */
public record Attendee(
        String name,
        String email,
        String timeZone,
        String language,
        @Nullable String phoneNumber) {

    public static Attendee of(
            String name, @Nullable String email, String timeZone, String language, @Nullable String phoneNumber) {
        String address = email != null && !email.isBlank() ? email : placeholderEmail(phoneNumber);
        return new Attendee(name, address, timeZone, language, phoneNumber);
    }

    static String placeholderEmail(@Nullable String phoneNumber) {
        String digits = phoneNumber == null ? "" : phoneNumber.replaceAll("[^0-9]", "");
        return digits + "@sms.cal.com";
    }
}
