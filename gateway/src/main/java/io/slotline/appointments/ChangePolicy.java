package io.slotline.appointments;

import io.slotline.tenancy.FeeRule;
import io.slotline.tenancy.Policies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a caller may still cancel or move an appointment by phone, and what it costs. The deadline is a hard
 * limit (after it a person decides, so the agent offers a callback); before it the company's fee table, evaluated
 * on the notice given, names the fee. A move frees the old time as late as a cancellation would, so moves pay the
 * same fee table.
 */
public final class ChangePolicy {

    public enum Change {
        CANCEL,
        RESCHEDULE
    }

    public sealed interface Decision
            permits Allowed, FeeToConfirm, DeadlinePassed, RescheduleLimitReached, AlreadyStarted {}

    /** Go ahead; {@code feeCents} is charged (0: free) and was confirmed by the caller when not free. */
    public record Allowed(int feeCents) implements Decision {}

    /**
     * A fee applies and the caller has not agreed to it yet: name it before acting.
     *
     * @param lowerFeeFromHours the notice from which a lower fee would have applied ("less than 24 hours before
     *                          we charge 15 euros"); null when the fee applies whatever the notice
     */
    public record FeeToConfirm(int feeCents, @Nullable Integer lowerFeeFromHours) implements Decision {}

    public record DeadlinePassed(int deadlineHours) implements Decision {}

    public record RescheduleLimitReached(int maxReschedules) implements Decision {}

    /** The appointment has begun or is over: nothing to change any more. */
    public record AlreadyStarted() implements Decision {}

    private ChangePolicy() {}

    public static Decision evaluate(
            Policies policies, Change change, Appointment appointment, Instant now, boolean feeConfirmed) {
        Duration notice = Duration.between(now, appointment.startsAt());
        if (notice.isNegative() || notice.isZero()) {
            return new AlreadyStarted();
        }
        int deadlineHours =
                change == Change.CANCEL ? policies.cancellationDeadlineHours() : policies.rescheduleDeadlineHours();
        if (notice.compareTo(Duration.ofHours(deadlineHours)) < 0) {
            return new DeadlinePassed(deadlineHours);
        }
        if (change == Change.RESCHEDULE && appointment.rescheduleCount() >= policies.maxReschedules()) {
            return new RescheduleLimitReached(policies.maxReschedules());
        }
        int fee = policies.cancellationFeeCents(notice);
        if (fee > 0 && !feeConfirmed) {
            return new FeeToConfirm(fee, lowerFeeFromHours(policies.cancellationFees(), notice, fee));
        }
        return new Allowed(fee);
    }

    /** The smallest notice above the given one that costs less: the threshold the caller just missed. */
    static @Nullable Integer lowerFeeFromHours(List<FeeRule> rulesLargestNoticeFirst, Duration notice, int fee) {
        long noticeHours = notice.toHours();
        Integer threshold = null;
        for (FeeRule rule : rulesLargestNoticeFirst) {
            if (rule.minNoticeHours() <= noticeHours) {
                break;
            }
            if (rule.feeCents() < fee) {
                threshold = rule.minNoticeHours();
            }
        }
        return threshold;
    }
}
