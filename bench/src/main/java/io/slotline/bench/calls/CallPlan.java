package io.slotline.bench.calls;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything random about one call, drawn before the run from the seed, so that naive and cached runs get the
 * same callers asking the same things. Dates are kept relative (days ahead) and resolved when the call starts.
 * Durations are real-call seconds; the run scales them.
 */
public record CallPlan(
        int index,
        Intent intent,
        Tenant tenant,
        String callerNumber,
        String customerName,
        Tenant.Service service,
        String serviceAsSpoken,
        @Nullable String staff,
        int daysAhead,
        boolean acceptsClosedDay,
        double timeQuantile,
        int rescheduleDaysAhead,
        double rescheduleTimeQuantile,
        boolean startsWithFindNext,
        boolean findsNextAfterAlternatives,
        boolean givesPhone,
        int alternativesWanted,
        List<Double> thinkSeconds,
        double closingSeconds,
        double callSeconds,
        double analysisDelaySeconds) {

    public CallPlan {
        thinkSeconds = List.copyOf(thinkSeconds);
    }

    /** Think time before function turn {@code turn} (0-based); turns beyond the drawn ones reuse the last. */
    public double thinkSecondsBefore(int turn) {
        return thinkSeconds.get(Math.min(turn, thinkSeconds.size() - 1));
    }
}
