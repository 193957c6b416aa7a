package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import io.slotline.tenancy.ChangeVerification;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the functions speak about an appointment: the sentence ("Haircut on Tuesday at 10 am with Carl"), the list to
 * choose from, and the structured form the agent reads details from. Which appointment is meant is
 * {@link CallerAppointments}' business.
 */
@Component
class AppointmentSpeech {

    private static final int SPOKEN_LIST_LIMIT = 5;

    private final TenantDirectory tenants;

    AppointmentSpeech(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** Nothing fits what the caller said: what to ask for next depends on the company's verification. */
    FunctionResult notFound(CallContext context) {
        boolean callbackOnly = context.company().policies().changeVerification() == ChangeVerification.CALLBACK;
        return FunctionResult.notOk(
                Reason.NOT_FOUND,
                Messages.render(
                        callbackOnly
                                ? MessageKey.NO_APPOINTMENT_FOUND
                                : MessageKey.NO_APPOINTMENT_FOUND_ASK_BOOKED_PHONE,
                        context.language()),
                Map.of(
                        "needs",
                        callbackOnly ? List.of("customer_name", "date") : List.of("customer_name", "booked_phone")));
    }

    String serviceName(CallContext context, Appointment appointment) {
        Long serviceId = appointment.serviceId();
        return Optional.ofNullable(serviceId)
                .flatMap(id -> tenants.activeService(context.companyId(), id))
                .map(Service::name)
                .orElse(context.language() == Language.DE ? "Termin" : "appointment");
    }

    /** Fees are charged in the currency the company prices its services in. */
    String currency(CallContext context, Appointment appointment) {
        Long serviceId = appointment.serviceId();
        return Optional.ofNullable(serviceId)
                .flatMap(id -> tenants.activeService(context.companyId(), id))
                .or(() -> tenants.activeServices(context.companyId()).stream().findFirst())
                .map(Service::currency)
                .orElse("EUR");
    }

    @Nullable String staffName(CallContext context, Appointment appointment) {
        if (appointment.staffId() == null) {
            return null;
        }
        long branchId = appointment.branchId() != null
                ? appointment.branchId()
                : context.branch().id();
        return tenants.staffMember(context.companyId(), branchId, appointment.staffId())
                .map(Staff::name)
                .orElse(null);
    }

    /** What the caller points at was moved already (not in this request): where it is now. */
    FunctionResult alreadyMoved(CallContext context, Appointment current) {
        return FunctionResult.notOk(
                Reason.ALREADY_MOVED,
                Messages.render(
                        MessageKey.ALREADY_MOVED,
                        context.language(),
                        Map.of("time", onTime(context, current.startsAt()))),
                Map.of("appointment", describe(context, current)));
    }

    /** "Dienstag um 10 Uhr", "heute um 14 Uhr 30"; "Tuesday at 10 am". */
    static String time(CallContext context, Instant instant) {
        return SpokenTimes.dateTime(instant, context.localNow(), context.language());
    }

    /** As {@link #time} with the preposition a sentence needs: "am Dienstag um 10 Uhr", but "morgen um 9 Uhr". */
    static String onTime(CallContext context, Instant instant) {
        ZonedDateTime local = instant.atZone(context.zone());
        long ahead = ChronoUnit.DAYS.between(context.today(), local.toLocalDate());
        String spoken = time(context, instant);
        if (ahead == 0 || ahead == 1) {
            return spoken;
        }
        return (context.language() == Language.DE ? "am " : "on ") + spoken;
    }

    /** "Herrenhaarschnitt am Dienstag um 10 Uhr bei Anna"; "Haircut on Tuesday at 10 am with Carl". */
    String spoken(CallContext context, Appointment appointment, boolean withStaff) {
        String text = serviceName(context, appointment) + " " + onTime(context, appointment.startsAt());
        String staff = withStaff ? staffName(context, appointment) : null;
        if (staff != null) {
            text += (context.language() == Language.DE ? " bei " : " with ") + staff;
        }
        return text;
    }

    /** Joined with "oder"/"or": for asking which one. At most five are spoken; the data lists all. */
    String spokenList(CallContext context, List<Appointment> list, boolean withStaff) {
        return SpokenTimes.orList(spokenItems(context, list, withStaff), context.language());
    }

    List<String> spokenItems(CallContext context, List<Appointment> list, boolean withStaff) {
        List<String> items = new ArrayList<>();
        for (Appointment appointment : list.subList(0, Math.min(list.size(), SPOKEN_LIST_LIMIT))) {
            items.add(spoken(context, appointment, withStaff));
        }
        return items;
    }

    List<Map<String, @Nullable Object>> describeAll(CallContext context, List<Appointment> list) {
        return list.stream().map(a -> describe(context, a)).toList();
    }

    /** The structured form the agent can refer back to (appointment_id) and read details from. */
    Map<String, @Nullable Object> describe(CallContext context, Appointment appointment) {
        LocalDateTime local = LocalDateTime.ofInstant(appointment.startsAt(), context.zone());
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("appointment_id", appointment.id());
        data.put("service", serviceName(context, appointment));
        data.put("date", local.toLocalDate().toString());
        data.put("time", local.toLocalTime().toString());
        data.put("spoken", time(context, appointment.startsAt()));
        String staff = staffName(context, appointment);
        if (staff != null) {
            data.put("staff", staff);
        }
        data.put("status", appointment.status().name().toLowerCase(Locale.ROOT));
        data.put("source", appointment.source().name().toLowerCase(Locale.ROOT));
        if (appointment.serviceId() != null
                && tenants.activeService(context.companyId(), appointment.serviceId())
                        .map(io.slotline.tenancy.Service::inSteps)
                        .orElse(false)) {
            // a service in steps: the caller may want to know when they will be done
            data.put(
                    "ends",
                    LocalDateTime.ofInstant(appointment.endsAt(), context.zone())
                            .toLocalTime()
                            .toString());
        }
        return data;
    }
}
