package io.slotline.appointments.webhook;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentBooked;
import io.slotline.appointments.AppointmentCancelled;
import io.slotline.appointments.AppointmentDaysChanged;
import io.slotline.appointments.AppointmentMoved;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookEvent.Person;
import io.slotline.calcom.CalcomWebhookEvent.Trigger;
import io.slotline.appointments.AppointmentSteps;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;

/**
 * Applies a verified Cal.com booking webhook: our appointment records follow Cal.com, and the change is published
 * for availability ({@link AppointmentBooked}, {@link AppointmentCancelled}, {@link AppointmentMoved}: the booked
 * host's slots go, a freed time is marked; {@link AppointmentDaysChanged} when a webhook without times, event type
 * or host touches days of every calendar of the company, since hosts are shared between event types):
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
@Service
class BookingSync {

    private static final Logger log = LoggerFactory.getLogger(BookingSync.class);

    enum Outcome { PROCESSED, DUPLICATE, IGNORED }

    private final CalcomWebhookEvents events;
    private final Appointments appointments;
    private final Customers customers;
    private final TenantDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AppointmentSteps steps;
    private final CallbackRequests callbacks;

    BookingSync(CalcomWebhookEvents events, Appointments appointments, Customers customers,
            TenantDirectory directory, ApplicationEventPublisher publisher, TransactionTemplate transactions,
            Clock clock, AppointmentSteps steps, CallbackRequests callbacks) {
        this.steps = steps;
        this.callbacks = callbacks;
        this.events = events;
        this.appointments = appointments;
        this.customers = customers;
        this.directory = directory;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    Outcome apply(Company company, CalcomWebhookEvent event) {
        String uid = event.uid();
        if (!event.changesAvailability() || uid == null) {
            return Outcome.IGNORED;
        }
        Boolean first;
        try {
            first = transactions.execute(status -> {
                if (!events.firstDelivery(company.id(), event.triggerEvent(), uid)) {
                    return false;
                }
                reconcile(company, event, uid);
                return true;
            });
        } catch (RuntimeException e) {
            // our records stay as they were (and the delivery unrecorded), but the cache must not keep
            // answering from the calendar as it was
            invalidate(company, event);
            throw e;
        }
        if (!Boolean.TRUE.equals(first)) {
            return Outcome.DUPLICATE;
        }
        invalidate(company, event);
        return Outcome.PROCESSED;
    }

    // ---- availability

    /**
     * A booking with its times, event type and host is applied to the cache exactly (the booked host's slots go,
     * a freed time is marked); anything less drops the days it touches, for every calendar of the company.
     */
    private void invalidate(Company company, CalcomWebhookEvent event) {
        Person organizer = event.organizer();
        String host = organizer != null ? organizer.username() : null;
        Long eventTypeId = serviceEventTypeId(company, event.eventTypeId());
        if (event.start() != null && event.end() != null && !event.end().isBefore(event.start())
                && eventTypeId != null && host != null) {
            ZoneId zone = company.defaultTimeZone();
            boolean frees = event.trigger() == Trigger.BOOKING_CANCELLED || event.trigger() == Trigger.BOOKING_REJECTED;
            Optional<Times> previous = event.trigger() == Trigger.BOOKING_RESCHEDULED
                    ? previousTimes(company, event) : Optional.empty();
            if (frees) {
                publisher.publishEvent(new AppointmentCancelled(company.id(), event.start(), event.end(), zone,
                        eventTypeId, host, AppointmentSource.CALCOM));
            } else if (previous.isPresent()) {
                publisher.publishEvent(new AppointmentMoved(company.id(), previous.get().startsAt(),
                        previous.get().endsAt(), null, event.start(), event.end(), host, zone, eventTypeId,
                        AppointmentSource.CALCOM));
            } else {
                publisher.publishEvent(new AppointmentBooked(company.id(), event.start(), event.end(), zone,
                        eventTypeId, host, AppointmentSource.CALCOM));
            }
            return;
        }
        dropDays(company, event);
    }

    private record Times(Instant startsAt, Instant endsAt) {
    }

    private Optional<Times> previousTimes(Company company, CalcomWebhookEvent event) {
        if (event.rescheduleStart() != null) {
            Instant end = event.rescheduleEnd() != null && event.rescheduleEnd().isAfter(event.rescheduleStart())
                    ? event.rescheduleEnd() : event.rescheduleStart();
            return Optional.of(new Times(event.rescheduleStart(), end));
        }
        if (event.rescheduleUid() == null) {
            return Optional.empty();
        }
        return appointments.findByBookingUid(company.id(), event.rescheduleUid())
                .map(old -> new Times(old.startsAt(), old.endsAt()));
    }

    private void dropDays(Company company, CalcomWebhookEvent event) {
        List<ZoneId> zones = zones(company, event);
        List<Range> ranges = new ArrayList<>();
        Range booked = range(event.start(), event.end(), zones);
        if (booked != null) {
            ranges.add(booked);
        }
        previousTimes(company, event).map(old -> range(old.startsAt(), old.endsAt(), zones)).ifPresent(ranges::add);
        if (ranges.isEmpty()) {
            // a booking event without times: everything bookable may have changed
            LocalDate today = LocalDate.ofInstant(clock.instant(), company.defaultTimeZone());
            ranges.add(new Range(today, today.plusDays(Math.min(company.bookingWindowDays(), 366))));
        }
        for (Range range : ranges) {
            publisher.publishEvent(new AppointmentDaysChanged(company.id(), range.from(), range.to(),
                    AppointmentSource.CALCOM));
        }
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    /** The local days the interval touches in any of the zones the company's calendars may be kept in. */
    private static @Nullable Range range(@Nullable Instant start, @Nullable Instant end, List<ZoneId> zones) {
        if (start == null) {
            return null;
        }
        Instant last = end != null && end.isAfter(start) ? end.minusNanos(1) : start;
        LocalDate from = null;
        LocalDate to = null;
        for (ZoneId zone : zones) {
            LocalDate first = LocalDate.ofInstant(start, zone);
            LocalDate lastDay = LocalDate.ofInstant(last, zone);
            from = from == null || first.isBefore(from) ? first : from;
            to = to == null || lastDay.isAfter(to) ? lastDay : to;
        }
        return from == null ? null : new Range(from, to);
    }

    private static List<ZoneId> zones(Company company, CalcomWebhookEvent event) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(company.defaultTimeZone());
        Person organizer = event.organizer();
        if (organizer != null && organizer.timeZone() != null) {
            try {
                zones.add(ZoneId.of(organizer.timeZone()));
            } catch (DateTimeException unknownZone) {
                log.debug("Ignoring the organizer's unknown time zone {}", organizer.timeZone());
            }
        }
        return List.copyOf(zones);
    }

    // ---- appointment records

    private void reconcile(Company company, CalcomWebhookEvent event, String uid) {
        Trigger trigger = event.trigger();
        switch (trigger) {
            case BOOKING_CREATED, BOOKING_REQUESTED -> created(company, event, uid,
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
        if (appointments.findByBookingUid(company.id(), uid).isPresent() || event.start() == null
                || event.end() == null || !event.end().isAfter(event.start())) {
            return;
        }
        Optional<Customer> customer = knownCustomer(company, event);
        if (customer.isEmpty()) {
            log.debug("Booking {} of company {} is by nobody we know; no appointment record", uid, company.slug());
            return;
        }
        Long serviceId = serviceId(company, event);
        Staff staff = staff(company, event, serviceId);
        appointments.insert(new NewAppointment(company.id(), staff != null ? staff.branchId() : null, serviceId,
                staff != null ? staff.id() : null, customer.get().id(), null, event.start(), event.end(), uid, status,
                AppointmentSource.CALCOM, null, null));
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
        String when = cancelled.startsAt().atZone(company.defaultTimeZone()).toLocalDateTime().toString()
                .replace('T', ' ');
        String service = affected.serviceId() == null ? "" : directory.allServices(company.id()).stream()
                .filter(s -> s.id() == affected.serviceId()).findFirst().map(s -> s.name()).orElse("");
        String why = switch (company.language()) {
            case DE -> "Schritt " + (cancelled.step() + 1) + " von " + service + " (" + when
                    + ") wurde in Cal.com storniert: " + reason + ". Die übrigen Schritte stehen noch; bitte den "
                    + "Kunden zurückrufen.";
            case EN -> "Step " + (cancelled.step() + 1) + " of " + service + " (" + when
                    + ") was cancelled in Cal.com: " + reason + ". The other steps are still booked; please call "
                    + "the customer back.";
        };
        if (steps.markAttention(company.id(), affected.id(), why)) {
            Optional<Customer> customer = affected.customerId() == null ? Optional.empty()
                    : customers.findById(company.id(), affected.customerId());
            String name = customer.map(Customer::name).filter(n -> n != null && !n.isBlank())
                    .orElse(company.language() == io.slotline.tenancy.Language.DE ? "Unbekannt" : "Unknown");
            callbacks.create(new NewCallbackRequest(company.id(), affected.branchId(), affected.callId(),
                    affected.customerId(), name.length() > 200 ? name.substring(0, 200) : name,
                    customer.map(Customer::phone).orElse(null), why.length() > 2000 ? why.substring(0, 2000) : why,
                    affected.startsAt().atZone(company.defaultTimeZone()).toLocalDateTime().toString()
                            .replace('T', ' ')));
            log.info("step {} of appointment {} was cancelled in Cal.com; marked for attention, callback requested",
                    cancelled.step(), affected.id());
        }
        return true;
    }

    private void cancelled(Company company, String uid, String reason) {
        if (stepCancelled(company, uid, reason)) {
            return;
        }
        appointments.findByBookingUid(company.id(), uid)
                .filter(appointment -> appointment.status().upcoming())
                .ifPresent(appointment -> appointments.markCancelled(company.id(), appointment.id(), reason));
    }

    private void rescheduled(Company company, CalcomWebhookEvent event, String uid) {
        if (appointments.findByBookingUid(company.id(), uid).isPresent() || isStep(company, event, uid)) {
            return; // our own reschedule, echoed back
        }
        if (event.rescheduleUid() != null && steps.byBookingUid(company.id(), event.rescheduleUid()).isPresent()) {
            // one step moved in Cal.com on its own: the steps no longer fit together as booked
            stepCancelled(company, event.rescheduleUid(), reasonOr(event, "moved in Cal.com to " + event.start()));
            return;
        }
        Optional<Appointment> previous = event.rescheduleUid() == null
                ? Optional.empty()
                : appointments.findByBookingUid(company.id(), event.rescheduleUid());
        if (previous.isEmpty() || !previous.get().status().upcoming() || event.start() == null
                || event.end() == null || !event.end().isAfter(event.start())) {
            created(company, event, uid, AppointmentStatus.BOOKED);
            return;
        }
        Appointment old = previous.get();
        Long serviceId = old.serviceId() != null ? old.serviceId() : serviceId(company, event);
        appointments.insertRescheduled(company.id(), old.id(), new NewAppointment(company.id(), old.branchId(),
                serviceId, old.staffId(), old.customerId(), null, event.start(), event.end(), uid,
                AppointmentStatus.BOOKED, AppointmentSource.CALCOM, null, null));
    }

    private Optional<Customer> knownCustomer(Company company, CalcomWebhookEvent event) {
        for (Person attendee : event.attendees()) {
            String phone = attendee.phoneNumber() != null ? attendee.phoneNumber().replaceAll("[\\s()-]", "") : null;
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

    private @Nullable Long serviceId(Company company, CalcomWebhookEvent event) {
        io.slotline.tenancy.Service service = service(company, event.eventTypeId());
        return service == null ? null : service.id();
    }

    /**
     * The service a booked event type belongs to: its "any host" event type, or a staff member's own event type
     * for it (a managed child or a personal event type).
     */
    private io.slotline.tenancy.@Nullable Service service(Company company, @Nullable Long eventTypeId) {
        if (eventTypeId == null) {
            return null;
        }
        List<io.slotline.tenancy.Service> services = directory.activeServices(company.id());
        return services.stream()
                .filter(service -> eventTypeId.equals(service.calcomEventTypeId()))
                .findFirst()
                .or(() -> services.stream()
                        .filter(service -> directory.staffEventTypes(company.id(), service.id()).values().stream()
                                .anyMatch(own -> own.eventTypeId() == eventTypeId))
                        .findFirst())
                .orElse(null);
    }

    /**
     * The event type the cache knows a booking by: a staff member's own event type counts as their service's
     * (whose buffers it shares); an event type of no service stays itself.
     */
    private @Nullable Long serviceEventTypeId(Company company, @Nullable Long eventTypeId) {
        if (eventTypeId != null) {
            // a step's event type (or a stylist's own for it) counts as the step's "any stylist" event type
            for (io.slotline.tenancy.Service inSteps : directory.activeServices(company.id())) {
                for (io.slotline.tenancy.ServiceStep step : inSteps.steps()) {
                    if (step.calcomEventTypeId() == eventTypeId || step.staffEventTypes().stream()
                            .anyMatch(own -> own.eventTypeId() == eventTypeId)) {
                        return step.calcomEventTypeId();
                    }
                }
            }
        }
        io.slotline.tenancy.Service service = service(company, eventTypeId);
        return service != null && service.calcomEventTypeId() != null ? service.calcomEventTypeId() : eventTypeId;
    }

    private @Nullable Staff staff(Company company, CalcomWebhookEvent event, @Nullable Long serviceId) {
        Person organizer = event.organizer();
        if (serviceId == null || organizer == null || organizer.username() == null) {
            return null;
        }
        return directory.staffForService(company.id(), serviceId).stream()
                .filter(staff -> organizer.username().equalsIgnoreCase(staff.calcomUsername()))
                .findFirst()
                .orElse(null);
    }

    private static String reasonOr(CalcomWebhookEvent event, String fallback) {
        return event.cancellationReason() != null && !event.cancellationReason().isBlank()
                ? event.cancellationReason()
                : fallback;
    }
}
