package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.availability.Availability;
import io.slotline.availability.CalendarUnavailableException;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.booking.BookingService;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.calcom.CalcomException;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What book_appointment answers once the booking was tried: booked, taken down, refused, or gone with alternatives. */
@Component
class BookingAnswers {

    /** Under book_appointment's name, where the team has always looked for refused bookings. */
    private static final Logger log = LoggerFactory.getLogger(BookAppointment.class);

    private final SlotDesk desk;
    private final OfferableSlots offerable;

    BookingAnswers(SlotDesk desk, OfferableSlots offerable) {
        this.desk = desk;
        this.offerable = offerable;
    }

    FunctionResult answer(
            CallContext context,
            SlotDesk.Subject subject,
            DateTimeRequest request,
            Instant start,
            String name,
            BookingOutcome outcome) {
        if (outcome instanceof BookingService.Booked booked) {
            return booked(context, subject, name, booked);
        }
        if (outcome instanceof BookingService.SlotTaken) {
            return slotGone(context, subject, request, start, true);
        }
        if (outcome instanceof BookingService.MissingContact) {
            return FunctionResult.notOk(
                    Reason.MISSING_CONTACT, Messages.render(MessageKey.ASK_PHONE, context.language()));
        }
        if (outcome instanceof BookingService.Rejected rejected) {
            // the caller hears a plain "could not"; the team reads why in the log
            log.warn(
                    "booking of {} at {} in call {} rejected: {}",
                    subject.service().name(),
                    start,
                    context.retellCallId(),
                    rejected.detail());
            return FunctionResult.notOk(
                    Reason.BOOKING_FAILED, Messages.render(MessageKey.BOOKING_FAILED, context.language()));
        }
        if (outcome instanceof BookingService.Pending pending) {
            return takenDown(context, subject, name, start, pending);
        }
        if (outcome instanceof BookingService.InProgress) {
            return FunctionResult.notOk(
                    Reason.IN_PROGRESS, Messages.render(MessageKey.REQUEST_IN_PROGRESS, context.language()));
        }
        return FunctionResult.notOk(
                Reason.CALCOM_UNAVAILABLE, Messages.render(MessageKey.CALCOM_UNAVAILABLE, context.language()));
    }

    private FunctionResult booked(
            CallContext context, SlotDesk.Subject subject, String name, BookingService.Booked booked) {
        Appointment appointment = booked.appointment();
        String spoken = desk.spoken(context, appointment.startsAt());
        boolean pending = appointment.status() == AppointmentStatus.PENDING;
        // in steps, one sentence says when it starts and when the caller will be done
        boolean steps = !pending && subject.service().inSteps();
        // by name when Cal.com says who; in steps only when the caller asked for someone
        String staff = !pending && (!steps || subject.staff() != null) ? booked.staffName() : null;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("service", subject.service().name());
        if (staff != null) {
            values.put("staff", staff);
        }
        values.put("time", spoken);
        if (steps) {
            values.put(
                    "end",
                    SpokenTimes.time(appointment.endsAt().atZone(context.zone()).toLocalTime(), context.language()));
        }
        MessageKey key = pending
                ? MessageKey.BOOKING_REQUESTED
                : steps
                        ? (staff != null ? MessageKey.BOOKED_STEPS_WITH_STAFF : MessageKey.BOOKED_STEPS)
                        : (staff != null ? MessageKey.BOOKED_WITH_STAFF : MessageKey.BOOKED);
        String message = Messages.render(key, context.language(), values);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", appointment.id());
        details.put("booking_uid", appointment.calcomBookingUid());
        details.put("status", appointment.status().name().toLowerCase());
        details.put("service", subject.service().name());
        if (booked.staffName() != null) {
            details.put("staff", booked.staffName());
        }
        details.putAll(desk.slot(context, appointment.startsAt()));
        details.put("end", appointment.endsAt().atZone(context.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", true);
        data.put("appointment", details);
        if (booked.repeated()) {
            data.put("repeated", true);
        }
        return FunctionResult.ok(message, data);
    }

    /**
     * Cal.com has not confirmed in time: the caller hears that the request is taken down and will be confirmed. Not
     * a final answer: a retry of the same request gets the booking once it is settled, or this answer again.
     */
    private FunctionResult takenDown(
            CallContext context, SlotDesk.Subject subject, String name, Instant start, BookingService.Pending pending) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", false);
        data.put("pending_confirmation", true);
        data.put("service", subject.service().name());
        data.put("requested", desk.slot(context, start));
        if (pending.callbackRequestId() != null) {
            data.put("callback_request_id", pending.callbackRequestId());
        }
        return new FunctionResult(
                true,
                Messages.render(
                        MessageKey.BOOKING_TAKEN_DOWN,
                        context.language(),
                        Map.of("name", name, "service", subject.service().name(), "time", desk.spoken(context, start))),
                Reason.PENDING_CONFIRMATION,
                data);
    }

    /**
     * The time is gone: alternatives for that calendar and day without it and without what other calls hold.
     *
     * @param askCalcom Cal.com refused it: its answer for that day is read again; otherwise another call holds it
     *                  and memory is right
     */
    FunctionResult slotGone(
            CallContext context, SlotDesk.Subject subject, DateTimeRequest request, Instant start, boolean askCalcom) {
        String spoken = desk.spoken(context, start);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", false);
        data.put("service", subject.service().name());
        data.put("requested", desk.slot(context, start));
        List<FreeSlot> alternatives = List.of();
        try {
            LocalDate until = desk.searchEnd(context, request.date());
            Availability availability = offerable.around(context, subject, request.date(), until, start, askCalcom);
            alternatives = desk.alternatives(
                    context,
                    availability,
                    new Alternatives.Wish(
                            request.date(),
                            request.time().orElse(null),
                            request.window().orElse(null)),
                    CheckAvailability.ALTERNATIVES,
                    Set.of(start));
        } catch (CalendarUnavailableException | CalcomException e) {
            data.put("alternatives_unavailable", true);
        }
        data.put("alternatives", desk.slots(context, alternatives));
        String message = alternatives.isEmpty()
                ? Messages.render(MessageKey.BOOKING_SLOT_GONE, context.language(), Map.of("time", spoken))
                : Messages.render(
                        MessageKey.BOOKING_SLOT_GONE_WITH_ALTERNATIVES,
                        context.language(),
                        Map.of("time", spoken, "alternatives", desk.spokenList(context, alternatives)));
        return FunctionResult.notOk(Reason.SLOT_TAKEN, message, data);
    }
}
