package io.slotline.bench;

import io.slotline.bench.calls.CallSummary;
import io.slotline.bench.load.ArrivalSchedule;
import io.slotline.bench.load.Ticker;
import io.slotline.bench.sut.SimulatorControl;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Calls in progress (arrived, not yet finished), sampled every second inside the measured window. */
final class InProgress {
    private final List<CompletableFuture<CallSummary>> calls;
    private final ArrivalSchedule arrivals;
    private final long start;
    private final long from;
    private final long to;
    private final Ticker ticker;
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-in-progress");
                t.setDaemon(true);
                return t;
            });
    private final @Nullable SimulatorControl sim;
    private long samples;
    private long sum;
    private int max;
    private @Nullable Long simAtFrom;
    private @Nullable Double measuredPerCall;

    InProgress(
            List<CompletableFuture<CallSummary>> calls,
            ArrivalSchedule arrivals,
            long start,
            long from,
            long to,
            Ticker ticker,
            @Nullable SimulatorControl sim) {
        this.sim = sim;
        this.calls = calls;
        this.arrivals = arrivals;
        this.start = start;
        this.from = from;
        this.to = to;
        this.ticker = ticker;
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        long now = ticker.nanoTime();
        if (now < from || now > to) {
            return;
        }
        if (simAtFrom == null && sim != null) {
            simAtFrom = simTotal();
        }
        int running = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (start + arrivals.offsetNanos(i) <= now && !calls.get(i).isDone()) {
                running++;
            }
        }
        samples++;
        sum += running;
        max = Math.max(max, running);
    }

    void stop() {
        timer.shutdownNow();
    }

    /** Cal.com requests from the start to the end of the measured window, per call that rang in it. */
    synchronized void markEnd(int callsInWindow) {
        Long end = sim == null ? null : simTotal();
        if (simAtFrom != null && end != null && callsInWindow > 0) {
            measuredPerCall = Math.round((end - simAtFrom) * 100.0 / callsInWindow) / 100.0;
        }
    }

    synchronized @Nullable Double measuredRequestsPerCall() {
        return measuredPerCall;
    }

    private @Nullable Long simTotal() {
        try {
            return sim == null ? null : sim.stats().total();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    synchronized double mean() {
        return samples == 0 ? 0 : (double) sum / samples;
    }

    synchronized int max() {
        return max;
    }
}
