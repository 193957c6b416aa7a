package io.slotline.appointments;

import java.util.Locale;

public enum AppointmentStatus {
    BOOKED,
    PENDING,
    CANCELLED,
    RESCHEDULED,
    REJECTED;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AppointmentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Still going to happen: counts for "your next appointment" and can be cancelled or moved. */
    public boolean upcoming() {
        return this == BOOKED || this == PENDING;
    }
}
