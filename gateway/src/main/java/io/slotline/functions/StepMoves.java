package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentSteps;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.SlotHold;
import io.slotline.booking.BookingService;
import io.slotline.booking.Calendars;
import io.slotline.booking.SlotHoldService;
import io.slotline.booking.StepPlanner;
import io.slotline.calcom.CalcomException;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Moves an appointment of a service in steps: all steps or none. The new time is planned like a new booking (every
 * step with its pause, other calls' holds counted) and held; the new steps are booked as one attempt that replaces
 * the old appointment ({@link BookingService}: a refused later step cancels the new earlier ones, so nothing moves);
 * once every new step is booked the old ones are cancelled. Cal.com's own reschedule is not used: it moves one
 * booking at a time and keeps its host, where a step may need another stylist at the new time.
 */
@Component
class StepMoves {

    private static final Duration PROMISE_MARGIN = Duration.ofMillis(750);

    private final StepDesk steps;
    private final SlotDesk desk;
    private final Calendars calendars;
    private final BookingService bookings;
    private final AppointmentSteps appointmentSteps;
    private final Appointments appointments;
    private final Customers customers;

    StepMoves(
            StepDesk steps,
            SlotDesk desk,
            Calendars calendars,
            BookingService bookings,
            AppointmentSteps appointmentSteps,
            Appointments appointments,
            Customers customers) {
        this.steps = steps;
        this.desk = desk;
        this.calendars = calendars;
        this.bookings = bookings;
        this.appointmentSteps = appointmentSteps;
        this.appointments = appointments;
        this.customers = customers;
    }

    sealed interface Moved permits Done, Unavailable, Failed {}

    record Done(Appointment replacement) implements Moved {}

    record Unavailable(CalcomException.SlotUnavailable.Reason reason) implements Moved {}

    record Failed(FunctionResult answer) implements Moved {}

    boolean inSteps(CallContext context, Appointment appointment) {
        return service(context, appointment).map(Service::inSteps).orElse(false)
                && !appointmentSteps.of(context.companyId(), appointment.id()).isEmpty();
    }

    Appointment reread(Appointment appointment) {
        return appointments.findById(appointment.companyId(), appointment.id()).orElse(appointment);
    }

    Moved move(CallContext context, Appointment appointment, Instant newStart) {
        Service service = service(context, appointment).orElseThrow();
        SlotDesk.Subject subject = new SlotDesk.Subject(service, null, calendars.of(context.company(), service, null));
        List<SlotHold> held =
                desk.holds().stepsHeldFor(context.companyId(), context.retellCallId(), service.id(), null, newStart);
        if (held.size() != service.steps().size()) {
            LocalDate day = newStart.atZone(context.zone()).toLocalDate();
            Optional<StepPlanner.Plan> plan =
                    steps.load(context, subject, day, day).planAt(newStart);
            if (plan.isEmpty()
                    || !(desk.holds()
                                    .holdSteps(
                                            context.companyId(),
                                            context.retellCallId(),
                                            service.id(),
                                            null,
                                            subject.calendar().account(),
                                            context.zone(),
                                            plan.get())
                            instanceof SlotHoldService.Held)) {
                return new Unavailable(CalcomException.SlotUnavailable.Reason.TAKEN);
            }
            held = desk.holds().stepsHeldFor(context.companyId(), context.retellCallId(), service.id(), null, newStart);
        }
        Optional<List<BookingService.StepBooking>> planned = steps.bookingsOf(context, subject, held);
        if (planned.isEmpty()) {
            return new Unavailable(CalcomException.SlotUnavailable.Reason.TAKEN);
        }
        Optional<Customer> customer = appointment.customerId() == null
                ? Optional.empty()
                : customers.findById(context.companyId(), appointment.customerId());
        String name = customer.map(Customer::name)
                .filter(n -> n != null && !n.isBlank())
                .orElse(context.language() == io.slotline.tenancy.Language.DE ? "Kunde" : "Customer");
        String phone = customer.map(Customer::phone).orElse(context.callerNumber());
        BookingService.BookingOutcome outcome = bookings.book(
                new BookingService.BookingRequest(
                        context.company(),
                        context.branch().id(),
                        context.zone(),
                        context.callId(),
                        context.retellCallId(),
                        service,
                        null,
                        planned.get().get(0).calendar(),
                        newStart,
                        name,
                        phone,
                        null,
                        appointment.notes(),
                        held.get(0).id(),
                        null,
                        planned.get(),
                        appointment.id()),
                Deadline.remaining().minus(PROMISE_MARGIN));
        if (outcome instanceof BookingService.Booked booked) {
            return new Done(booked.appointment());
        }
        if (outcome instanceof BookingService.SlotTaken taken) {
            for (SlotHold hold : held) {
                desk.holds().release(subject.calendar().account(), context.zone(), hold);
            }
            return new Unavailable(taken.reason());
        }
        if (outcome instanceof BookingService.Pending pending) {
            return new Failed(new FunctionResult(
                    true,
                    Messages.render(
                            MessageKey.BOOKING_TAKEN_DOWN,
                            context.language(),
                            Map.of("name", name, "service", service.name(), "time", desk.spoken(context, newStart))),
                    Reason.PENDING_CONFIRMATION,
                    pending.callbackRequestId() == null
                            ? Map.of("pending_confirmation", true)
                            : Map.of(
                                    "pending_confirmation", true, "callback_request_id", pending.callbackRequestId())));
        }
        return new Failed(FunctionResult.notOk(
                Reason.CALCOM_REFUSED,
                Messages.render(MessageKey.RESCHEDULE_REFUSED, context.language()),
                Map.of("callback_offered", true)));
    }

    private Optional<Service> service(CallContext context, Appointment appointment) {
        return appointment.serviceId() == null
                ? Optional.empty()
                : context.company() == null ? Optional.empty() : desk.activeService(context, appointment.serviceId());
    }
}
