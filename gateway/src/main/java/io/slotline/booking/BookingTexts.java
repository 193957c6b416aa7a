package io.slotline.booking;

import io.slotline.appointments.Appointment;
import io.slotline.tenancy.Language;
import java.time.format.DateTimeFormatter;

/** What a callback request (and a moved appointment's cancellation) says about a booking, in the company's language. */
final class BookingTexts {

    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BookingTexts() {}

    static String promiseText(BookingService.BookingRequest request) {
        String when = request.start().atZone(request.zone()).format(LOCAL_TIME);
        String what = request.service().name()
                + (request.staff() == null ? "" : " / " + request.staff().name());
        return request.company().language() == Language.DE
                ? "Buchung nicht rechtzeitig von Cal.com bestätigt: " + what + ", " + when
                        + ". Dem Anrufer wurde gesagt, dass wir den Termin bestätigen."
                : "Booking not confirmed by Cal.com in time: " + what + ", " + when
                        + ". The caller was told we will confirm the appointment.";
    }

    static String bookedText(Language language, Appointment appointment) {
        return (language == Language.DE ? "Gebucht: Cal.com " : "Booked: Cal.com ") + appointment.calcomBookingUid()
                + ", appointment " + appointment.id();
    }

    static String notBookedText(Language language, String why) {
        return (language == Language.DE ? "Nicht gebucht: " : "Not booked: ") + why;
    }

    static String answeredInCall(BookingService.BookingRequest request) {
        return request.company().language() == Language.DE ? " (noch im Gespräch gesagt)" : " (told in the call)";
    }
}
