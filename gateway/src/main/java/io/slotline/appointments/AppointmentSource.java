package io.slotline.appointments;

import java.util.Locale;

/** Where a booking was made: on the phone through us, in Cal.com directly (learned by webhook), or by an admin. */
public enum AppointmentSource {
    PHONE,
    CALCOM,
    ADMIN;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AppointmentSource fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
