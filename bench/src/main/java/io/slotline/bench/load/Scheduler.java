package io.slotline.bench.load;

/** Runs a task after a delay; injected so tests can fire tasks late on purpose. */
@FunctionalInterface
public interface Scheduler {

    void schedule(Runnable task, long delayNanos);
}
