package io.slotline.bench.load;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven clock and scheduler: tasks run when the test advances time past their due time, optionally late by
 * a fixed amount (a generator that cannot keep up).
 */
final class ManualTime implements Ticker, Scheduler {

    private record Due(long atNanos, long sequence, Runnable task) {}

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) ->
            a.atNanos != b.atNanos ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.sequence, b.sequence));
    private long now;
    private long sequence;
    private long latenessNanos;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        queue.add(new Due(now + delayNanos + latenessNanos, sequence++, task));
    }

    /** A server-side event: never late, unlike the generator's own tasks. */
    void after(long delayNanos, Runnable event) {
        queue.add(new Due(now + delayNanos, sequence++, event));
    }

    /** From now on the generator's tasks run this much after their due time. */
    void fireLateBy(long millis) {
        latenessNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Runs every task due up to {@code millis}, each at its own due time, then sets the clock there. */
    void advanceToMillis(long millis) {
        long target = TimeUnit.MILLISECONDS.toNanos(millis);
        while (!queue.isEmpty() && queue.peek().atNanos <= target) {
            Due due = queue.poll();
            now = Math.max(now, due.atNanos);
            due.task.run();
        }
        now = Math.max(now, target);
    }

    static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
