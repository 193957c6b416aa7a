package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The caller's upcoming appointments in this company, found by their phone number: booked by phone through us or
 * on the web (recorded from Cal.com's webhook).
 */
@Component
class GetAppointments implements FunctionHandler<GetAppointments.Args> {

    record Args() {}

    private final CallerAppointments callers;
    private final AppointmentSpeech speech;

    GetAppointments(CallerAppointments callers, AppointmentSpeech speech) {
        this.callers = callers;
        this.speech = speech;
    }

    @Override
    public String name() {
        return "get_appointments";
    }

    @Override
    public String description() {
        return "Lists the caller's upcoming appointments (found by their phone number), each with an appointment_id "
                + "for cancel_appointment or reschedule_appointment.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        if (context.callerNumber() == null) {
            return FunctionResult.notOk(
                    Reason.ANONYMOUS_CALLER,
                    Messages.render(MessageKey.ANONYMOUS_NO_LOOKUP, context.language()),
                    Map.of("appointments", List.of()));
        }
        List<Appointment> upcoming = callers.upcoming(context);
        Map<String, Object> data = Map.of("appointments", speech.describeAll(context, upcoming));
        if (upcoming.isEmpty()) {
            return FunctionResult.ok(Messages.render(MessageKey.NO_UPCOMING_APPOINTMENTS, context.language()), data);
        }
        if (upcoming.size() == 1) {
            return FunctionResult.ok(
                    Messages.render(
                            MessageKey.APPOINTMENTS_ONE,
                            context.language(),
                            Map.of("appointment", speech.spoken(context, upcoming.get(0), true))),
                    data);
        }
        return FunctionResult.ok(
                Messages.render(
                        MessageKey.APPOINTMENTS_MANY,
                        context.language(),
                        Map.of(
                                "count",
                                upcoming.size(),
                                "appointments",
                                SpokenTimes.andList(speech.spokenItems(context, upcoming, true), context.language()))),
                data);
    }
}
