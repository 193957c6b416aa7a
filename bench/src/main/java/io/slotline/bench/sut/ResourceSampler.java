package io.slotline.bench.sut;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Polls the gateway's CPU and heap once a second while the measured part of a run goes on. */
public final class ResourceSampler implements AutoCloseable {

    private final GatewayProbe probe;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Double> cpu = new ArrayList<>();
    private final List<Double> heap = new ArrayList<>();

    public ResourceSampler(GatewayProbe probe) {
        this.probe = probe;
    }

    public void startAfter(long delayNanos) {
        executor.scheduleAtFixedRate(this::sample, delayNanos, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
    }

    private void sample() {
        probe.cpuUsage().ifPresent(v -> {
            synchronized (cpu) {
                cpu.add(v);
            }
        });
        probe.heapUsedBytes().ifPresent(v -> {
            synchronized (heap) {
                heap.add(v);
            }
        });
    }

    /** Stops sampling; {@code cpu} as share of the whole machine (0..1), heap in bytes. */
    public Samples stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(6, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (cpu) {
            synchronized (heap) {
                return new Samples(stats(cpu), stats(heap));
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static DoubleSummaryStatistics stats(List<Double> values) {
        DoubleSummaryStatistics s = new DoubleSummaryStatistics();
        values.forEach(s::accept);
        return s;
    }

    public record Samples(DoubleSummaryStatistics cpu, DoubleSummaryStatistics heapBytes) {}
}
