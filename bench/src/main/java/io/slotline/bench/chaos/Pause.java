package io.slotline.bench.chaos;

import java.time.Duration;

/** Sleeping for the schedule: an interrupt ends the pause early (the run then winds down). */
final class Pause {

    private Pause() {}

    static void until(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            of(Duration.ofNanos(left));
        }
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
