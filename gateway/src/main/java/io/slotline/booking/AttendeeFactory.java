package io.slotline.booking;

import io.slotline.calcom.Attendee;
import io.slotline.tenancy.Language;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The attendee Cal.com gets. Cal.com needs an email or a phone number, and most event types require the email.
 * A caller on the phone rarely spells one out, so when the event type requires an email and the caller gave none,
 * the attendee gets a placeholder built from the phone number: {@code <digits>@<placeholder domain>} (by default
 * under the reserved TLD .invalid, which no mail server accepts). The real contact is the phone number.
 */
final class AttendeeFactory {

    private AttendeeFactory() {}

    /** What the caller still has to tell before Cal.com accepts the booking. */
    enum Missing {
        PHONE,
        EMAIL
    }

    sealed interface Result permits Ready, Incomplete {}

    record Ready(Attendee attendee, boolean placeholderEmail) implements Result {}

    record Incomplete(Missing missing) implements Result {}

    static Result attendee(
            String name,
            @Nullable String phone,
            @Nullable String email,
            ZoneId zone,
            Language language,
            boolean emailRequired,
            boolean phoneRequired,
            String placeholderDomain) {
        if (phoneRequired && phone == null) {
            return new Incomplete(Missing.PHONE);
        }
        if (email == null && phone == null) {
            return new Incomplete(Missing.PHONE);
        }
        boolean placeholder = false;
        String attendeeEmail = email;
        if (attendeeEmail == null && emailRequired) {
            attendeeEmail = placeholderEmail(Objects.requireNonNull(phone), placeholderDomain); // no email: a phone
            placeholder = true;
        }
        return new Ready(new Attendee(name, attendeeEmail, phone, zone, language.code()), placeholder);
    }

    static String placeholderEmail(String phone, String domain) {
        return phone.replaceAll("\\D", "") + "@" + domain;
    }
}
