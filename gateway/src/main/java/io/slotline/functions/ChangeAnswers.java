package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.ChangePolicy;
import io.slotline.appointments.ChangePolicy.Change;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import io.slotline.tenancy.Language;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answers for a cancel or move the policy does not let through as asked. */
final class ChangeAnswers {

    private ChangeAnswers() {}

    /** The fee the company's policy lets the change go ahead with, or the answer why it does not (yet). */
    static Resolution<Integer> allowedFee(
            CallContext context,
            Change change,
            Appointment appointment,
            @Nullable Boolean confirmFee,
            Map<String, @Nullable Object> described,
            String currency) {
        ChangePolicy.Decision decision = ChangePolicy.evaluate(
                context.company().policies(),
                change,
                appointment,
                context.receivedAt(),
                Boolean.TRUE.equals(confirmFee));
        FunctionResult refusal = refusal(context, decision, change, described, currency);
        return refusal != null
                ? Resolution.ask(refusal)
                : Resolution.found(((ChangePolicy.Allowed) decision).feeCents());
    }

    /** The answer to a change that went through; a fee charged is named in the sentence and in the data. */
    static FunctionResult done(
            CallContext context,
            MessageKey withoutFee,
            MessageKey withFee,
            Map<String, Object> values,
            Map<String, @Nullable Object> data,
            int fee,
            String currency) {
        if (fee > 0) {
            values.put("fee", fee(fee, currency, context.language()));
            data.put("fee_cents", fee);
            data.put("currency", currency);
        }
        return FunctionResult.ok(Messages.render(fee > 0 ? withFee : withoutFee, context.language(), values), data);
    }

    /** Null when the decision lets the change go ahead. */
    static @Nullable FunctionResult refusal(
            CallContext context,
            ChangePolicy.Decision decision,
            Change change,
            Map<String, @Nullable Object> appointment,
            String currency) {
        Language language = context.language();
        if (decision instanceof ChangePolicy.Allowed) {
            return null;
        }
        if (decision instanceof ChangePolicy.AlreadyStarted) {
            return deadlinePassed(
                    context,
                    change == Change.CANCEL
                            ? context.company().policies().cancellationDeadlineHours()
                            : context.company().policies().rescheduleDeadlineHours(),
                    appointment);
        }
        if (decision instanceof ChangePolicy.DeadlinePassed passed) {
            return deadlinePassed(context, passed.deadlineHours(), appointment);
        }
        if (decision instanceof ChangePolicy.RescheduleLimitReached limit) {
            return FunctionResult.notOk(
                    Reason.RESCHEDULE_LIMIT,
                    limit.maxReschedules() == 0
                            ? Messages.render(MessageKey.RESCHEDULE_NOT_OFFERED, language)
                            : Messages.render(
                                    MessageKey.RESCHEDULE_LIMIT_REACHED,
                                    language,
                                    Map.of("times", times(limit.maxReschedules(), language))),
                    Map.of(
                            "appointment",
                            appointment,
                            "max_reschedules",
                            limit.maxReschedules(),
                            "callback_offered",
                            true));
        }
        return feeNotice(context, (ChangePolicy.FeeToConfirm) decision, change, appointment, currency);
    }

    static String fee(int cents, String currency, Language language) {
        return SpokenTimes.priceInMinorUnits(cents, currency, language);
    }

    private static FunctionResult deadlinePassed(
            CallContext context, int deadlineHours, Map<String, @Nullable Object> appointment) {
        return FunctionResult.notOk(
                Reason.DEADLINE_PASSED,
                Messages.render(
                        MessageKey.DEADLINE_PASSED,
                        context.language(),
                        Map.of("notice", SpokenTimes.duration(Duration.ofHours(deadlineHours), context.language()))),
                Map.of("appointment", appointment, "deadline_hours", deadlineHours, "callback_offered", true));
    }

    private static FunctionResult feeNotice(
            CallContext context,
            ChangePolicy.FeeToConfirm fee,
            Change change,
            Map<String, @Nullable Object> appointment,
            String currency) {
        Language language = context.language();
        String spokenFee = fee(fee.feeCents(), currency, language);
        String message;
        if (fee.lowerFeeFromHours() == null) {
            message = Messages.render(
                    change == Change.CANCEL ? MessageKey.CANCELLATION_FEE_FLAT : MessageKey.RESCHEDULE_FEE_FLAT,
                    language,
                    Map.of("fee", spokenFee));
        } else {
            message = Messages.render(
                    change == Change.CANCEL ? MessageKey.FEE_NOTICE : MessageKey.RESCHEDULE_FEE_NOTICE,
                    language,
                    Map.of(
                            "fee",
                            spokenFee,
                            "notice",
                            SpokenTimes.duration(Duration.ofHours(fee.lowerFeeFromHours()), language)));
        }
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("appointment", appointment);
        data.put("fee_cents", fee.feeCents());
        data.put("currency", currency);
        data.put("fee_spoken", spokenFee);
        data.put("confirm_with", Map.of("confirm_fee", true));
        return FunctionResult.notOk(Reason.FEE_CONFIRMATION_REQUIRED, message, data);
    }

    /** "einmal", "zweimal", "4-mal"; "once", "twice", "4 times". */
    static String times(int count, Language language) {
        if (language == Language.DE) {
            return switch (count) {
                case 1 -> "einmal";
                case 2 -> "zweimal";
                case 3 -> "dreimal";
                default -> count + "-mal";
            };
        }
        return switch (count) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> count + " times";
        };
    }
}
