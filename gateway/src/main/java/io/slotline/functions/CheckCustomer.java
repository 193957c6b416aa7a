package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.ServiceBookingCount;
import io.slotline.customers.Customer;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.TenantDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Recognises the caller by phone number within the company: their name, their next appointments and the service
 * they book most, so the agent can greet them and ask "again a Herrenhaarschnitt?".
 */
@Component
class CheckCustomer implements FunctionHandler<CheckCustomer.Args> {

    record Args() {}

    private final CallerAppointments callers;
    private final AppointmentSpeech speech;
    private final Appointments appointments;
    private final TenantDirectory tenants;

    CheckCustomer(
            CallerAppointments callers, AppointmentSpeech speech, Appointments appointments, TenantDirectory tenants) {
        this.callers = callers;
        this.speech = speech;
        this.appointments = appointments;
        this.tenants = tenants;
    }

    @Override
    public String name() {
        return "check_customer";
    }

    @Override
    public String description() {
        return "Recognises the caller by their phone number: name, upcoming appointments and the service they book "
                + "most (usual_service). Call it at the start of the call to greet returning customers by name.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        if (context.callerNumber() == null) {
            return FunctionResult.ok(
                    Messages.render(MessageKey.ANONYMOUS_CALLER, context.language()),
                    Map.of("known", false, "anonymous", true));
        }
        Customer customer = context.customer();
        List<Appointment> upcoming = callers.upcoming(context);
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("known", customer != null && customer.name() != null);
        data.put("anonymous", false);
        if (customer == null || customer.name() == null) {
            data.put("upcoming_appointments", speech.describeAll(context, upcoming));
            return FunctionResult.ok(Messages.render(MessageKey.UNKNOWN_NUMBER, context.language()), data);
        }
        data.put("customer_name", customer.name());
        data.put("upcoming_appointments", speech.describeAll(context, upcoming));
        Optional<Usual> usual = usualService(context, customer);
        usual.ifPresent(found -> {
            data.put("usual_service", found.service().name());
            data.put("usual_service_bookings", found.count());
        });
        StringBuilder message = new StringBuilder(Messages.render(
                MessageKey.WELCOME_BACK,
                context.language(),
                Map.of("name", customer.name(), "company", context.company().name())));
        if (!upcoming.isEmpty()) {
            Appointment next = upcoming.get(0);
            message.append(' ')
                    .append(Messages.render(
                            MessageKey.NEXT_APPOINTMENT_NOTE,
                            context.language(),
                            Map.of(
                                    "service",
                                    speech.serviceName(context, next),
                                    "when",
                                    AppointmentSpeech.onTime(context, next.startsAt()))));
        }
        message.append(' ')
                .append(usual.map(found -> Messages.render(
                                MessageKey.USUAL_SERVICE,
                                context.language(),
                                Map.of("service", found.service().name())))
                        .orElseGet(() -> Messages.render(MessageKey.HOW_CAN_I_HELP, context.language())));
        return FunctionResult.ok(message.toString(), data);
    }

    private record Usual(Service service, int count) {}

    /** The most booked service that is still offered. */
    private Optional<Usual> usualService(CallContext context, Customer customer) {
        List<Service> offered = tenants.activeServices(context.companyId());
        for (ServiceBookingCount count : appointments.countsByService(context.companyId(), customer.id())) {
            for (Service service : offered) {
                if (service.id() == count.serviceId()) {
                    return Optional.of(new Usual(service, count.count()));
                }
            }
        }
        return Optional.empty();
    }
}
