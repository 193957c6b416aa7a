package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentChanges;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.ChangePolicy.Change;
import io.slotline.appointments.SlotHold;
import io.slotline.booking.SlotHoldService;
import io.slotline.calcom.CalcomException;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Moves one of the caller's upcoming appointments to a new time: the same finding and policy as a cancel, plus
 * the company's limit on moves. The new time is claimed for the appointment's stylist like any hold first, so a
 * move never takes a time another caller is about to confirm; whether it is free is then Cal.com's decision. A
 * refusal leaves the appointment as it was and says so.
 */
@Component
class RescheduleAppointment implements MutatingFunction<RescheduleAppointment.Args> {

    record Args(
            @JsonPropertyDescription("Current day of the appointment to move, as the caller said it or ISO. "
                    + "Needed when the caller has several appointments or their number is withheld.")
            @Nullable String date,

            @JsonPropertyDescription("Current time of the appointment to move.") @Nullable String time,

            @JsonProperty("appointment_id")
            @JsonPropertyDescription("appointment_id from an earlier answer, when known.")
            @Nullable Long appointmentId,

            @JsonProperty(value = "new_date", required = true)
            @JsonPropertyDescription("The day to move it to, as the caller said it or ISO (2026-11-19).")
            @Nullable String newDate,

            @JsonProperty(value = "new_time", required = true)
            @JsonPropertyDescription("The time to move it to, e.g. \"15:00\" or \"3pm\".")
            @Nullable String newTime,

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

            @JsonPropertyDescription("Why the caller moves it, if they said so.") @Nullable String reason,

            @JsonProperty("confirm_fee")
            @JsonPropertyDescription("true only after the caller agreed to the fee you named.")
            @Nullable Boolean confirmFee) {}

    private final CallerAppointments callers;
    private final AppointmentSpeech speech;
    private final AppointmentChanges changes;
    private final SpokenWhen when;
    private final SlotHoldService holds;
    private final TenantDirectory tenants;
    private final StepMoves stepMoves;

    RescheduleAppointment(
            CallerAppointments callers,
            AppointmentSpeech speech,
            AppointmentChanges changes,
            SpokenWhen when,
            SlotHoldService holds,
            TenantDirectory tenants,
            StepMoves stepMoves) {
        this.stepMoves = stepMoves;
        this.callers = callers;
        this.speech = speech;
        this.changes = changes;
        this.when = when;
        this.holds = holds;
        this.tenants = tenants;
    }

    @Override
    public String name() {
        return "reschedule_appointment";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Moves one of the caller's upcoming appointments to new_date and new_time (same service). With "
                + "several appointments it answers which_appointment and a list: call again with appointment_id or "
                + "date and time. When a fee applies it answers fee_confirmation_required without moving: tell the "
                + "caller and call again with confirm_fee=true only if they agree. If the new time is taken, "
                + "offer alternatives (get_alternatives).";
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
        Resolution<Instant> target = newStart(context, args);
        if (target instanceof Resolution.Ask<Instant> ask) {
            return ask.answer();
        }
        Instant newStart = ((Resolution.Found<Instant>) target).value();
        if (lookup instanceof CallerAppointments.ChangedAlready changed) {
            return alreadyChanged(context, changed, newStart);
        }
        Appointment appointment = ((CallerAppointments.Target) lookup).appointment();
        Map<String, @Nullable Object> described = speech.describe(context, appointment);
        if (appointment.startsAt().equals(newStart)) {
            if (appointment.rescheduledFromId() != null
                    && appointment.callId() != null
                    && appointment.callId() == context.callId()) {
                // moved there earlier in this call: a re-issued request hears what the move said
                return FunctionResult.ok(
                        Messages.render(
                                MessageKey.RESCHEDULED,
                                context.language(),
                                Map.of("time", AppointmentSpeech.time(context, newStart))),
                        Map.of("rescheduled", true, "appointment", described));
            }
            return FunctionResult.notOk(
                    Reason.SAME_TIME,
                    Messages.render(
                            MessageKey.SAME_TIME,
                            context.language(),
                            Map.of("time", AppointmentSpeech.onTime(context, newStart))),
                    Map.of("appointment", described));
        }
        String currency = speech.currency(context, appointment);
        Resolution<Integer> allowed = ChangeAnswers.allowedFee(
                context, Change.RESCHEDULE, appointment, args.confirmFee(), described, currency);
        if (allowed instanceof Resolution.Ask<Integer> refusal) {
            return refusal.answer();
        }
        int fee = ((Resolution.Found<Integer>) allowed).value();
        String spokenNew = AppointmentSpeech.time(context, newStart);
        if (stepMoves.inSteps(context, appointment)) {
            // every step moves, or none: the new steps are booked first, the old ones cancelled after
            StepMoves.Moved moved = stepMoves.move(context, appointment, newStart);
            if (moved instanceof StepMoves.Unavailable unavailable) {
                return newTimeUnavailable(context, unavailable.reason(), spokenNew, described, newStart);
            }
            if (moved instanceof StepMoves.Failed failed) {
                return failed.answer();
            }
            Appointment replacement = ((StepMoves.Done) moved).replacement();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("time", AppointmentSpeech.time(context, replacement.startsAt()));
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("rescheduled", true);
            data.put("appointment", speech.describe(context, replacement));
            data.put("previous", speech.describe(context, stepMoves.reread(appointment)));
            return ChangeAnswers.done(
                    context, MessageKey.RESCHEDULED, MessageKey.RESCHEDULED_WITH_FEE, values, data, fee, currency);
        }
        SlotHoldService.HoldOutcome claimed = claimNewTime(context, appointment, newStart);
        if (claimed instanceof SlotHoldService.Taken) {
            return newTimeUnavailable(
                    context, CalcomException.SlotUnavailable.Reason.TAKEN, spokenNew, described, newStart);
        }
        SlotHold hold = claimed instanceof SlotHoldService.Held held ? held.hold() : null;
        AppointmentChanges.RescheduleOutcome outcome;
        try {
            outcome = changes.reschedule(
                    context.company(),
                    context.zone(),
                    appointment,
                    newStart,
                    CallerAppointments.blankToNull(args.reason()),
                    context.callId(),
                    context.idempotencyKey(name(), appointment.id() + "->" + newStart));
        } catch (RuntimeException e) {
            if (hold != null) {
                holds.moveDone(hold, false);
            }
            throw e;
        }
        if (hold != null) {
            holds.moveDone(hold, outcome instanceof AppointmentChanges.Rescheduled);
        }
        if (outcome instanceof AppointmentChanges.NewTimeUnavailable unavailable) {
            return newTimeUnavailable(context, unavailable.reason(), spokenNew, described, newStart);
        }
        if (outcome instanceof AppointmentChanges.NoLongerActive gone) {
            return noLongerActive(context, gone.appointment());
        }
        if (outcome instanceof AppointmentChanges.RescheduleRefused) {
            return FunctionResult.notOk(
                    Reason.CALCOM_REFUSED,
                    Messages.render(MessageKey.RESCHEDULE_REFUSED, context.language()),
                    Map.of("appointment", described, "callback_offered", true));
        }
        AppointmentChanges.Rescheduled done = (AppointmentChanges.Rescheduled) outcome;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("time", AppointmentSpeech.time(context, done.replacement().startsAt()));
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("rescheduled", true);
        data.put("appointment", speech.describe(context, done.replacement()));
        data.put("previous", speech.describe(context, done.previous()));
        return ChangeAnswers.done(
                context, MessageKey.RESCHEDULED, MessageKey.RESCHEDULED_WITH_FEE, values, data, fee, currency);
    }

    /**
     * The appointment's stylist at the new time, claimed for this call: null (nothing to claim) when the appointment
     * names no stylist with a Cal.com username, as then Cal.com alone knows who serves it.
     */
    private SlotHoldService.@Nullable HoldOutcome claimNewTime(
            CallContext context, Appointment appointment, Instant newStart) {
        Optional<String> host =
                tenants.calcomUsername(context.companyId(), appointment.branchId(), appointment.staffId());
        if (appointment.serviceId() == null || appointment.staffId() == null || host.isEmpty()) {
            return null;
        }
        java.time.Duration length = java.time.Duration.between(appointment.startsAt(), appointment.endsAt());
        return holds.holdForMove(
                context.companyId(),
                context.retellCallId(),
                appointment.serviceId(),
                appointment.staffId(),
                host.get(),
                newStart,
                newStart.plus(length));
    }

    /** The new time as an instant: an exact time on a day that is not past; a window is not enough to move to. */
    private Resolution<Instant> newStart(CallContext context, Args args) {
        if (CallerAppointments.blankToNull(args.newDate()) == null) {
            return Resolution.ask(missingNewTime(context));
        }
        Resolution<DateTimeRequest> requested = when.resolveExact(context, args.newDate(), args.newTime());
        if (requested instanceof Resolution.Ask<DateTimeRequest> ask) {
            return Resolution.ask(ask.answer());
        }
        DateTimeRequest request = ((Resolution.Found<DateTimeRequest>) requested).value();
        if (request.time().isEmpty()) {
            return Resolution.ask(missingNewTime(context));
        }
        LocalTime time = request.time().get();
        Optional<FunctionResult> past = when.pastAnswer(context, request);
        if (past.isPresent()) {
            return Resolution.ask(past.get());
        }
        return when.instant(context, request.date(), time);
    }

    private static FunctionResult missingNewTime(CallContext context) {
        return FunctionResult.notOk(
                Reason.MISSING_TIME,
                Messages.render(MessageKey.MISSING_NEW_TIME, context.language()),
                Map.of("needs", java.util.List.of("new_date", "new_time")));
    }

    private static FunctionResult newTimeUnavailable(
            CallContext context,
            CalcomException.SlotUnavailable.Reason reason,
            String spokenNew,
            Map<String, @Nullable Object> appointment,
            Instant newStart) {
        MessageKey key = reason == CalcomException.SlotUnavailable.Reason.OUTSIDE_BOOKING_WINDOW
                        || reason == CalcomException.SlotUnavailable.Reason.IN_PAST
                ? MessageKey.RESCHEDULE_NOT_BOOKABLE
                : MessageKey.RESCHEDULE_SLOT_TAKEN;
        Reason code = key == MessageKey.RESCHEDULE_SLOT_TAKEN ? Reason.SLOT_TAKEN : Reason.OUTSIDE_BOOKING_WINDOW;
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("appointment", appointment);
        data.put(
                "requested_start",
                newStart.atZone(context.zone()).toLocalDateTime().toString());
        data.put("suggest", "get_alternatives");
        return FunctionResult.notOk(code, Messages.render(key, context.language(), Map.of("time", spokenNew)), data);
    }

    /** A re-issued move that already happened answers as the move did; anything else says where it is now. */
    private FunctionResult alreadyChanged(
            CallContext context, CallerAppointments.ChangedAlready changed, Instant newStart) {
        Appointment appointment = changed.appointment();
        Appointment current = changed.current();
        if (appointment.status() == AppointmentStatus.RESCHEDULED && current != null) {
            if (current.startsAt().equals(newStart)) {
                return FunctionResult.ok(
                        Messages.render(
                                MessageKey.RESCHEDULED,
                                context.language(),
                                Map.of("time", AppointmentSpeech.time(context, current.startsAt()))),
                        Map.of(
                                "rescheduled",
                                true,
                                "appointment",
                                speech.describe(context, current),
                                "previous",
                                speech.describe(context, appointment)));
            }
            return speech.alreadyMoved(context, current);
        }
        return noLongerActive(context, appointment);
    }

    private FunctionResult noLongerActive(CallContext context, Appointment appointment) {
        return FunctionResult.notOk(
                Reason.NO_LONGER_ACTIVE,
                Messages.render(
                        MessageKey.NO_LONGER_ACTIVE,
                        context.language(),
                        Map.of(
                                "service",
                                speech.serviceName(context, appointment),
                                "time",
                                AppointmentSpeech.time(context, appointment.startsAt()))),
                Map.of("appointment", speech.describe(context, appointment)));
    }

    private static String wish(Args args) {
        StringBuilder text = new StringBuilder("Termin verschieben / move appointment");
        if (args.time() != null) {
            text.append(", ").append(args.time().trim());
        }
        text.append(" -> ").append(args.newDate() == null ? "?" : args.newDate().trim());
        if (args.newTime() != null) {
            text.append(' ').append(args.newTime().trim());
        }
        if (args.reason() != null && !args.reason().isBlank()) {
            text.append(": ").append(args.reason().trim());
        }
        return text.toString();
    }
}
