package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.speech.SpokenTimes;
import io.slotline.speech.TimeWindow;
import io.slotline.tenancy.Language;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/** Day, time or window the caller named; what is missing matches anything. */
record AppointmentFilter(
        @Nullable LocalDate date,
        @Nullable LocalTime time,
        @Nullable TimeWindow window) {

    static final AppointmentFilter NONE = new AppointmentFilter(null, null, null);

    boolean isEmpty() {
        return date == null && time == null && window == null;
    }

    boolean matches(Appointment appointment, CallContext context) {
        LocalDateTime local = LocalDateTime.ofInstant(appointment.startsAt(), context.zone());
        return (date == null || local.toLocalDate().equals(date))
                && (time == null || local.toLocalTime().equals(time))
                && (window == null || window.contains(local.toLocalTime()));
    }

    /** For the team: the day and time as the caller meant them. */
    String described() {
        StringBuilder text = new StringBuilder();
        if (date != null) {
            text.append(date);
        }
        if (time != null) {
            text.append(text.isEmpty() ? "" : " ").append(time);
        }
        if (window != null) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(window.start())
                    .append("-")
                    .append(window.end());
        }
        return text.toString();
    }

    String spoken(CallContext context) {
        Language language = context.language();
        if (date != null && time != null) {
            return SpokenTimes.dateTime(date.atTime(time), context.today(), language);
        }
        if (date != null) {
            return SpokenTimes.day(date, context.today(), language);
        }
        if (time != null) {
            return SpokenTimes.time(time, language);
        }
        return language == Language.DE ? "diese Zeit" : "that time";
    }
}
