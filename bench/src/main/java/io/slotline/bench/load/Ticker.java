package io.slotline.bench.load;

/** Monotonic time in nanoseconds; injected so tests can drive time by hand. */
@FunctionalInterface
public interface Ticker {

    long nanoTime();

    static Ticker system() {
        return System::nanoTime;
    }
}
