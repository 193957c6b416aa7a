package io.slotline.appointments.webhook;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.AppointmentSteps;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookEvent.Person;
import io.slotline.calcom.CalcomWebhookEvent.Trigger;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps our appointment records in step with a Cal.com booking webhook (inside the delivery's transaction):
 * <ul>
 * <li>BOOKING_CREATED / BOOKING_REQUESTED of a known customer (attendee phone, else email) adds an appointment
 * with source {@code calcom} (booked / pending), so the caller's get_appointments sees a web booking. Our own
 * bookings echoed back are already there (same booking uid) and are left alone.</li>
 * <li>BOOKING_CANCELLED / BOOKING_REJECTED cancels ours. One step of an appointment in steps cancelled (or moved)
 * in Cal.com marks the appointment for attention and requests a callback; the steps of our own bookings echoed
 * back are never appointments of their own.</li>
 * <li>BOOKING_RESCHEDULED moves ours (old row 'rescheduled', new row pointing back); unknown old booking: like
 * a new one.</li>
 * </ul>
 * Unknown web bookers get no customer record: we only link bookings to people who called us.
 */
@Component
class WebhookAppointments {

    private static final Logger log = LoggerFactory.getLogger(WebhookAppointments.class);

    private final Appointments appointments;
    private final Customers customers;
    private final TenantDirectory directory;
    private final AppointmentSteps steps;
    private final CallbackRequests callbacks;
    private final WebhookServices services;

    WebhookAppointments(
            Appointments appointments,
            Customers customers,
            TenantDirectory directory,
            AppointmentSteps steps,
            CallbackRequests callbacks,
            WebhookServices services) {
        this.appointments = appointments;
        this.customers = customers;
        this.directory = directory;
        this.steps = steps;
        this.callbacks = callbacks;
        this.services = services;
    }

    void apply(Company company, CalcomWebhookEvent event, String uid) {
        Trigger trigger = event.trigger();
        switch (trigger) {
            case BOOKING_CREATED, BOOKING_REQUESTED ->
                created(
                        company,
                        event,
                        uid,
                        trigger == Trigger.BOOKING_REQUESTED ? AppointmentStatus.PENDING : AppointmentStatus.BOOKED);
            case BOOKING_CANCELLED -> cancelled(company, uid, reasonOr(event, "cancelled in Cal.com"));
            case BOOKING_REJECTED -> cancelled(company, uid, reasonOr(event, "rejected in Cal.com"));
            case BOOKING_RESCHEDULED -> rescheduled(company, event, uid);
            default -> log.debug("{} for {} only changes availability", trigger, uid);
        }
    }

    private void created(Company company, CalcomWebhookEvent event, String uid, AppointmentStatus status) {
        if (isStep(company, event, uid)) {
            return; // one step of our own booking in steps, echoed back: the appointment is all its steps
        }
        if (appointments.findByBookingUid(company.id(), uid).isPresent()
                || event.start() == null
                || event.end() == null
                || !event.end().isAfter(event.start())) {
            return;
        }
        Optional<Customer> customer = knownCustomer(company, event);
        if (customer.isEmpty()) {
            log.debug("Booking {} of company {} is by nobody we know; no appointment record", uid, company.slug());
            return;
        }
        Long serviceId = services.serviceId(company, event);
        Staff staff = services.staff(company, event, serviceId);
        appointments.insert(new NewAppointment(
                company.id(),
                staff != null ? staff.branchId() : null,
                serviceId,
                staff != null ? staff.id() : null,
                customer.get().id(),
                null,
                event.start(),
                event.end(),
                uid,
                status,
                AppointmentSource.CALCOM,
                null,
                null));
    }

    /**
     * A step of an appointment in steps: what we booked (recorded, or on its way: its request id names the step),
     * never an appointment of its own.
     */
    private boolean isStep(Company company, CalcomWebhookEvent event, String uid) {
        String requestId = event.metadata().get("slotlineRequestId");
        return steps.byBookingUid(company.id(), uid).isPresent() || requestId != null && requestId.contains("#");
    }

    /**
     * One step of an appointment in steps cancelled in Cal.com, not by us: the rest of the appointment can't be
     * served as booked (a colour without its wash), so the appointment is marked for a person's attention and a
     * callback request asks the team to call the customer. Our own cancels (marked before they leave) are echoes.
     */
    private boolean stepCancelled(Company company, String uid, String reason) {
        Optional<AppointmentSteps.Step> step = steps.byBookingUid(company.id(), uid);
        if (step.isEmpty()) {
            return false;
        }
        AppointmentSteps.Step cancelled = step.get();
        boolean ours = cancelled.ours() || cancelled.cancelled();
        steps.markCancelled(company.id(), cancelled.appointmentId(), cancelled.step());
        Optional<Appointment> appointment = appointments.findById(company.id(), cancelled.appointmentId());
        if (ours || appointment.isEmpty() || !appointment.get().status().upcoming()) {
            return true;
        }
        Appointment affected = appointment.get();
        if (steps.of(company.id(), affected.id()).stream().allMatch(AppointmentSteps.Step::cancelled)) {
            // nothing of it is left in Cal.com: the appointment is cancelled (the callback asked for stays)
            appointments.markCancelled(company.id(), affected.id(), reason);
        }
        String when = cancelled
                .startsAt()
                .atZone(company.defaultTimeZone())
                .toLocalDateTime()
                .toString()
                .replace('T', ' ');
        String service = affected.serviceId() == null
                ? ""
                : directory.allServices(company.id()).stream()
                        .filter(s -> s.id() == affected.serviceId())
                        .findFirst()
                        .map(s -> s.name())
                        .orElse("");
        String why = switch (company.language()) {
            case DE ->
                "Schritt " + (cancelled.step() + 1) + " von " + service + " (" + when
                        + ") wurde in Cal.com storniert: " + reason + ". Die übrigen Schritte stehen noch; bitte den "
                        + "Kunden zurückrufen.";
            case EN ->
                "Step " + (cancelled.step() + 1) + " of " + service + " (" + when
                        + ") was cancelled in Cal.com: " + reason + ". The other steps are still booked; please call "
                        + "the customer back.";
        };
        if (steps.markAttention(company.id(), affected.id(), why)) {
            Optional<Customer> customer = affected.customerId() == null
                    ? Optional.empty()
                    : customers.findById(company.id(), affected.customerId());
            String name = customer.map(Customer::name)
                    .filter(n -> n != null && !n.isBlank())
                    .orElse(company.language() == io.slotline.tenancy.Language.DE ? "Unbekannt" : "Unknown");
            callbacks.create(new NewCallbackRequest(
                    company.id(),
                    affected.branchId(),
                    affected.callId(),
                    affected.customerId(),
                    name.length() > 200 ? name.substring(0, 200) : name,
                    customer.map(Customer::phone).orElse(null),
                    why.length() > 2000 ? why.substring(0, 2000) : why,
                    affected.startsAt()
                            .atZone(company.defaultTimeZone())
                            .toLocalDateTime()
                            .toString()
                            .replace('T', ' ')));
            log.info(
                    "step {} of appointment {} was cancelled in Cal.com; marked for attention, callback requested",
                    cancelled.step(),
                    affected.id());
        }
        return true;
    }

    private void cancelled(Company company, String uid, String reason) {
        if (stepCancelled(company, uid, reason)) {
            return;
        }
        appointments
                .findByBookingUid(company.id(), uid)
                .filter(appointment -> appointment.status().upcoming())
                .ifPresent(appointment -> appointments.markCancelled(company.id(), appointment.id(), reason));
    }

    private void rescheduled(Company company, CalcomWebhookEvent event, String uid) {
        if (appointments.findByBookingUid(company.id(), uid).isPresent() || isStep(company, event, uid)) {
            return; // our own reschedule, echoed back
        }
        if (event.rescheduleUid() != null
                && steps.byBookingUid(company.id(), event.rescheduleUid()).isPresent()) {
            // one step moved in Cal.com on its own: the steps no longer fit together as booked
            stepCancelled(company, event.rescheduleUid(), reasonOr(event, "moved in Cal.com to " + event.start()));
            return;
        }
        Optional<Appointment> previous = event.rescheduleUid() == null
                ? Optional.empty()
                : appointments.findByBookingUid(company.id(), event.rescheduleUid());
        if (previous.isEmpty()
                || !previous.get().status().upcoming()
                || event.start() == null
                || event.end() == null
                || !event.end().isAfter(event.start())) {
            created(company, event, uid, AppointmentStatus.BOOKED);
            return;
        }
        Appointment old = previous.get();
        Long serviceId = old.serviceId() != null ? old.serviceId() : services.serviceId(company, event);
        appointments.insertRescheduled(
                company.id(),
                old.id(),
                new NewAppointment(
                        company.id(),
                        old.branchId(),
                        serviceId,
                        old.staffId(),
                        old.customerId(),
                        null,
                        event.start(),
                        event.end(),
                        uid,
                        AppointmentStatus.BOOKED,
                        AppointmentSource.CALCOM,
                        null,
                        null));
    }

    private Optional<Customer> knownCustomer(Company company, CalcomWebhookEvent event) {
        for (Person attendee : event.attendees()) {
            String phone =
                    attendee.phoneNumber() != null ? attendee.phoneNumber().replaceAll("[\\s()-]", "") : null;
            if (phone != null && !phone.isBlank()) {
                Optional<Customer> byPhone = customers.findByPhone(company.id(), phone);
                if (byPhone.isPresent()) {
                    return byPhone;
                }
            }
            if (attendee.email() != null && !attendee.email().isBlank()) {
                Optional<Customer> byEmail = customers.findByEmail(company.id(), attendee.email());
                if (byEmail.isPresent()) {
                    return byEmail;
                }
            }
        }
        return Optional.empty();
    }

    private static String reasonOr(CalcomWebhookEvent event, String fallback) {
        return event.cancellationReason() != null && !event.cancellationReason().isBlank()
                ? event.cancellationReason()
                : fallback;
    }
}
