package io.slotline.bench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Intended call start times, fixed before the run: phone calls arrive independently of each other and of how
 * fast the gateway answers, so the schedule is a Poisson process (exponential gaps) and never waits for replies.
 */
public final class ArrivalSchedule {

    private final long[] offsetsNanos;

    private ArrivalSchedule(long[] offsetsNanos) {
        this.offsetsNanos = offsetsNanos;
    }

    public static ArrivalSchedule poisson(double callsPerSecond, Duration span, long seed) {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("calls per second must be positive, was " + callsPerSecond);
        }
        if (span.isNegative()) {
            throw new IllegalArgumentException("span must not be negative, was " + span);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long spanNanos = span.toNanos();
        double meanGapNanos = 1e9 / callsPerSecond;
        double expected = span.toNanos() / meanGapNanos;
        long[] offsets = new long[(int) Math.min(1 << 20, expected * 1.2 + 16)];
        int count = 0;
        double t = 0;
        while (true) {
            // 1 - u lies in (0, 1], so the logarithm is finite
            t += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
            if (t >= spanNanos) {
                break;
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count++] = (long) t;
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, count));
    }

    public int size() {
        return offsetsNanos.length;
    }

    /** Nanoseconds from the start of the run at which call {@code index} starts. */
    public long offsetNanos(int index) {
        return offsetsNanos[index];
    }

    public int countAtOrAfter(long offsetNanos) {
        int n = 0;
        for (long offset : offsetsNanos) {
            if (offset >= offsetNanos) {
                n++;
            }
        }
        return n;
    }
}
