package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentChanges;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.ChangePolicy.Change;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Cancels one of the caller's upcoming appointments: asks which one when several fit, refuses after the
 * company's deadline (offering a callback), names a fee and waits for the caller's yes, then cancels in Cal.com
 * and in our records.
 */
@Component
class CancelAppointment implements MutatingFunction<CancelAppointment.Args> {

    record Args(
            @JsonPropertyDescription("Day of the appointment to cancel, as the caller said it or ISO (2026-11-19). "
                    + "Needed when the caller has several appointments or their number is withheld.")
            @Nullable String date,

            @JsonPropertyDescription("Time of the appointment to cancel, e.g. \"14:30\" or \"halb drei\".") @Nullable String time,

            @JsonProperty("appointment_id")
            @JsonPropertyDescription("appointment_id from an earlier answer (get_appointments, or a question which "
                    + "appointment), when known.")
            @Nullable Long appointmentId,

            @JsonProperty("customer_name")
            @JsonPropertyDescription("The full name the appointment was booked under; needed when the caller's "
                    + "number is withheld or no appointment was found under it.")
            @Nullable String customerName,

            @JsonProperty("booked_phone")
            @JsonPropertyDescription("The phone number the appointment was booked under, when the caller calls "
                    + "from another number or theirs is withheld; asked for as verification_required.")
            @Nullable String bookedPhone,

            @JsonPropertyDescription(
                    "A number to call back, when the caller's number is withheld and the team " + "must call back.")
            @Nullable String phone,

            @JsonPropertyDescription("Why the caller cancels, if they said so.") @Nullable String reason,

            @JsonProperty("confirm_fee")
            @JsonPropertyDescription("true only after the caller agreed to the cancellation fee you named.")
            @Nullable Boolean confirmFee) {}

    private final CallerAppointments callers;
    private final AppointmentSpeech speech;
    private final AppointmentChanges changes;

    CancelAppointment(CallerAppointments callers, AppointmentSpeech speech, AppointmentChanges changes) {
        this.callers = callers;
        this.speech = speech;
        this.changes = changes;
    }

    @Override
    public String name() {
        return "cancel_appointment";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Cancels one of the caller's upcoming appointments. Without arguments it cancels the only one; "
                + "with several it answers which_appointment and a list: call again with appointment_id or date and "
                + "time. When a fee applies it answers fee_confirmation_required without cancelling: tell the caller "
                + "and call again with confirm_fee=true only if they agree.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        CallerAppointments.Lookup lookup = callers.find(
                context,
                new CallerAppointments.Selector(
                        args.date(), args.time(), args.appointmentId(), args.customerName(), args.bookedPhone()),
                args.phone(),
                wish(args));
        if (lookup instanceof CallerAppointments.Ask ask) {
            return ask.answer();
        }
        if (lookup instanceof CallerAppointments.ChangedAlready changed) {
            return alreadyChanged(context, changed);
        }
        Appointment appointment = ((CallerAppointments.Target) lookup).appointment();
        Map<String, @Nullable Object> described = speech.describe(context, appointment);
        String currency = speech.currency(context, appointment);
        Resolution<Integer> allowed =
                ChangeAnswers.allowedFee(context, Change.CANCEL, appointment, args.confirmFee(), described, currency);
        if (allowed instanceof Resolution.Ask<Integer> refusal) {
            return refusal.answer();
        }
        int fee = ((Resolution.Found<Integer>) allowed).value();
        AppointmentChanges.CancelOutcome outcome = changes.cancel(
                context.company(), context.zone(), appointment, CallerAppointments.blankToNull(args.reason()));
        if (outcome instanceof AppointmentChanges.CancelRefused) {
            return FunctionResult.notOk(
                    Reason.CALCOM_REFUSED,
                    Messages.render(MessageKey.CANCEL_REFUSED, context.language()),
                    Map.of("appointment", described, "callback_offered", true));
        }
        Appointment cancelled = ((AppointmentChanges.Cancelled) outcome).appointment();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("service", speech.serviceName(context, cancelled));
        values.put("time", AppointmentSpeech.time(context, cancelled.startsAt()));
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("cancelled", true);
        data.put("appointment", speech.describe(context, cancelled));
        return ChangeAnswers.done(
                context, MessageKey.CANCELLED, MessageKey.CANCELLED_WITH_FEE, values, data, fee, currency);
    }

    private FunctionResult alreadyChanged(CallContext context, CallerAppointments.ChangedAlready changed) {
        Appointment appointment = changed.appointment();
        if (appointment.status() == AppointmentStatus.RESCHEDULED && changed.current() != null) {
            return speech.alreadyMoved(context, changed.current());
        }
        return FunctionResult.ok(
                Messages.render(
                        MessageKey.ALREADY_CANCELLED,
                        context.language(),
                        Map.of(
                                "service",
                                speech.serviceName(context, appointment),
                                "time",
                                AppointmentSpeech.time(context, appointment.startsAt()))),
                Map.of(
                        "cancelled",
                        true,
                        "already_cancelled",
                        true,
                        "appointment",
                        speech.describe(context, appointment)));
    }

    private static String wish(Args args) {
        StringBuilder text = new StringBuilder("Termin absagen / cancel appointment");
        if (args.time() != null) {
            text.append(", ").append(args.time().trim());
        }
        if (args.reason() != null && !args.reason().isBlank()) {
            text.append(": ").append(args.reason().trim());
        }
        return text.toString();
    }
}
