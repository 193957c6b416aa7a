package io.slotline.bench.report;

final class Millis {

    private Millis() {}

    /** Microseconds to milliseconds, rounded to 0.1 ms: finer than any latency a caller could hear. */
    static double ofMicros(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    static double ofNanos(long nanos) {
        return ofMicros(nanos / 1_000);
    }
}
