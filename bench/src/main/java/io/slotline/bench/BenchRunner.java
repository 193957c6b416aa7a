package io.slotline.bench;

import io.slotline.bench.calls.BookingLedger;
import io.slotline.bench.calls.CallPlan;
import io.slotline.bench.calls.CallPlanner;
import io.slotline.bench.calls.CallSummary;
import io.slotline.bench.calls.PhoneCall;
import io.slotline.bench.load.ArrivalSchedule;
import io.slotline.bench.load.JdkHttpTransport;
import io.slotline.bench.load.LatencyBook;
import io.slotline.bench.load.MetricSnapshot;
import io.slotline.bench.load.OpenLoopDriver;
import io.slotline.bench.load.Scheduler;
import io.slotline.bench.load.Ticker;
import io.slotline.bench.report.CacheStats;
import io.slotline.bench.report.FunctionStats;
import io.slotline.bench.report.LagStats;
import io.slotline.bench.report.ResourceStats;
import io.slotline.bench.report.RunResult;
import io.slotline.bench.report.ScaleFigures;
import io.slotline.bench.report.UpstreamStats;
import io.slotline.bench.sut.GatewayProbe;
import io.slotline.bench.sut.GatewayProcess;
import io.slotline.bench.sut.ResourceSampler;
import io.slotline.bench.sut.SimStats;
import io.slotline.bench.sut.SimulatorControl;
import io.slotline.bench.tenants.Business;
import io.slotline.bench.tenants.Businesses;
import io.slotline.bench.tenants.TenantLoader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Runs one mode: a fresh gateway (or the given one), a reset simulator, the calls, the measurements. */
final class BenchRunner {

    static final List<String> FUNCTION_ORDER = List.of(
            "check_availability",
            "get_alternatives",
            "find_next_available",
            "book_appointment",
            "cancel_appointment",
            "reschedule_appointment");
    static final List<String> LIFECYCLE = List.of("call_inbound", "call_started", "call_ended", "call_analyzed");

    private final BenchOptions options;
    private final HttpClient client;
    private final String simulatorUrl;
    private final PrintStream console;
    private final Clock clock = Clock.systemUTC();
    private final Ticker ticker = Ticker.system();

    BenchRunner(BenchOptions options, HttpClient client, String simulatorUrl, PrintStream console) {
        this.options = options;
        this.client = client;
        this.simulatorUrl = simulatorUrl;
        this.console = console;
    }

    /** A run's numbers plus its raw histograms (for charts); {@code scale} for an agency-scale run. */
    record ModeRun(
            RunResult result,
            Map<String, Histogram> functionHistograms,
            @Nullable ScaleFigures scale) {}

    ModeRun run(String mode, int instance) {
        long wallStart = System.nanoTime();
        List<String> notes = new ArrayList<>();
        SimulatorControl sim = new SimulatorControl(client, simulatorUrl);
        boolean simControl = prepareSimulator(sim, notes);
        List<Business> businesses =
                options.tenants() > 0 ? Businesses.generate(options.tenants(), options.seed()) : List.of();
        double simSeconds = 0;
        if (!businesses.isEmpty()) {
            if (!simControl) {
                throw new IllegalStateException("--tenants needs the simulator's control API to load the businesses");
            }
            long t0 = System.nanoTime();
            TenantLoader.intoSimulator(sim, businesses, clock.instant(), options.seed());
            simSeconds = (System.nanoTime() - t0) / 1e9;
            console.printf(
                    Locale.ROOT,
                    "[%s] %d businesses loaded into the simulator in %.1f s%n",
                    mode,
                    businesses.size(),
                    simSeconds);
        }

        GatewayProcess process = null;
        GatewayProbe probe;
        Double startup = null;
        if (options.gatewayUrl() != null) {
            probe = new GatewayProbe(client, options.gatewayUrl());
            if (!probe.ready()) {
                throw new IllegalStateException("gateway at " + options.gatewayUrl() + " is not ready");
            }
            notes.add("Gateway was given (--gateway-url); its mode label '" + mode + "' is as the user said.");
        } else {
            Path log = options.out()
                    .resolve("gateway-" + mode + (businesses.isEmpty() ? "" : "-" + businesses.size()) + ".log");
            console.printf(
                    "[%s] starting gateway (%s), log %s%n",
                    mode, options.gatewayLaunch().jar(), log);
            long t0 = System.nanoTime();
            process = GatewayProcess.start(options.gatewayLaunch(), client, simulatorUrl, mode, instance, log);
            startup = (System.nanoTime() - t0) / 1e9;
            probe = process.probe();
            console.printf(
                    Locale.ROOT,
                    "[%s] gateway ready at %s (pid %d) after %.1f s%n",
                    mode,
                    probe.baseUrl(),
                    process.pid(),
                    startup);
        }
        try {
            Loaded loaded = null;
            if (!businesses.isEmpty()) {
                long t0 = System.nanoTime();
                TenantLoader.intoGateway(
                        client, probe.baseUrl(), options.scale().adminToken(), businesses);
                double applySeconds = (System.nanoTime() - t0) / 1e9;
                Double heap = process == null ? null : process.heapAfterGcMb();
                console.printf(
                        Locale.ROOT,
                        "[%s] %d tenant files applied in %.1f s; heap after GC %s MB%n",
                        mode,
                        businesses.size(),
                        applySeconds,
                        heap == null ? "n/a" : String.format(Locale.ROOT, "%.0f", heap));
                loaded = new Loaded(businesses, simSeconds, startup, applySeconds, heap);
            }
            return drive(mode, probe, process, sim, simControl, notes, wallStart, loaded);
        } finally {
            if (process != null) {
                process.close();
            }
        }
    }

    private boolean prepareSimulator(SimulatorControl sim, List<String> notes) {
        try {
            sim.reset(options.simConfig());
            sim.configure(options.simConfig());
            return true;
        } catch (IllegalStateException e) {
            notes.add("Simulator control unavailable (" + e.getMessage() + "): not reset, latency/faults not set, "
                    + "upstream counts n/a.");
            console.println("warning: simulator control unavailable: " + e.getMessage());
            return false;
        }
    }

    private ModeRun drive(
            String mode,
            GatewayProbe probe,
            @Nullable GatewayProcess process,
            SimulatorControl sim,
            boolean simControl,
            List<String> notes,
            long wallStart,
            @Nullable Loaded loaded) {
        SimStats simBefore = simControl ? simStats(sim, notes) : null;
        Optional<String> promBefore = probe.prometheus();

        Duration span = options.warmup().plus(options.duration());
        ArrivalSchedule arrivals = ArrivalSchedule.poisson(options.callsPerSecond(), span, options.seed());
        List<CallPlan> plans = (loaded == null
                        ? new CallPlanner(options.mix(), options.seed())
                        : new CallPlanner(
                                options.mix(),
                                options.seed(),
                                loaded.businesses().stream()
                                        .map(Business::caller)
                                        .toList(),
                                options.scale().zipfExponent()))
                .plan(arrivals.size());

        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "bench-sender");
            t.setDaemon(true);
            return t;
        });
        Scheduler scheduler = (task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        // a short lead so that scheduling all calls does not itself make the first ones late
        long start = ticker.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long measureFrom = start + options.warmup().toNanos();
        LatencyBook book = new LatencyBook(measureFrom);
        OpenLoopDriver driver = new OpenLoopDriver(
                scheduler, ticker, new JdkHttpTransport(client, probe.baseUrl(), options.requestTimeout()), book);
        BookingLedger ledger = new BookingLedger();
        String runTag = mode + "_" + Long.toString(System.currentTimeMillis(), 36);

        ResourceSampler sampler = new ResourceSampler(probe);
        sampler.startAfter(Math.max(0, measureFrom - ticker.nanoTime()));
        console.printf(
                Locale.ROOT,
                "[%s] %d calls over %s s (%s warm-up), think x %s%n",
                mode,
                arrivals.size(),
                span.toSeconds(),
                options.warmup().toSeconds(),
                options.timeScale());

        List<CompletableFuture<CallSummary>> calls = new ArrayList<>(arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            PhoneCall call =
                    new PhoneCall(plans.get(i), "call_" + runTag + "_" + i, driver, clock, options.timeScale(), ledger);
            calls.add(call.start(start + arrivals.offsetNanos(i)));
        }
        long deadline = start + span.toNanos() + options.drainTimeout().toNanos();
        InProgress inProgress = new InProgress(
                calls, arrivals, start, measureFrom, start + span.toNanos(), ticker, simControl ? sim : null);
        Double heapAfterRun = null;
        if (loaded != null) {
            inProgress.start();
            // the heap with the calls still in progress: wait for the end of the measured window
            awaitCalls(mode, calls, start, start + span.toNanos());
            inProgress.markEnd(arrivals.countAtOrAfter(options.warmup().toNanos()));
            heapAfterRun = process == null ? null : process.heapAfterGcMb();
        }
        awaitCalls(mode, calls, start, deadline);
        inProgress.stop();

        ResourceSampler.Samples samples = sampler.stop();
        executor.shutdownNow();
        long unfinished = calls.stream().filter(c -> !c.isDone()).count();
        if (unfinished > 0) {
            notes.add(unfinished + " calls were still running at the drain deadline; their open requests are not "
                    + "in the latency numbers.");
        }
        long booked = calls.stream()
                .filter(CompletableFuture::isDone)
                .map(CompletableFuture::join)
                .filter(CallSummary::booked)
                .count();

        UpstreamStats upstream = UpstreamStats.unavailable();
        if (simBefore != null) {
            SimStats simAfter = simStats(sim, notes);
            if (simAfter != null) {
                upstream = UpstreamStats.of(simAfter.requestsSince(simBefore), arrivals.size());
            }
        }
        CacheStats cache = GatewayMetrics.cacheStats(promBefore, probe.prometheus());
        Map<String, MetricSnapshot> snapshots = book.snapshot();
        LagStats lag = LagStats.of(book.lagHistogram());
        if (lag.fellBehind()) {
            console.printf("[%s] WARNING: generator fell behind (lag p99 %.1f ms)%n", mode, lag.p99Ms());
        }
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        List<FunctionStats> functions = new ArrayList<>();
        List<FunctionStats> lifecycle = new ArrayList<>();
        for (String name : ordered(snapshots.keySet())) {
            MetricSnapshot snapshot = Objects.requireNonNull(snapshots.get(name)); // one of its own keys
            if (LIFECYCLE.contains(name)) {
                lifecycle.add(FunctionStats.of(snapshot));
            } else {
                functions.add(FunctionStats.of(snapshot));
                histograms.put(name, snapshot.histogram());
            }
        }
        RunResult result = new RunResult(
                mode,
                probe.baseUrl(),
                simulatorUrl,
                Math.round((System.nanoTime() - wallStart) / 1e8) / 10.0,
                arrivals.size(),
                arrivals.countAtOrAfter(options.warmup().toNanos()),
                unfinished,
                booked,
                functions,
                lifecycle,
                lag,
                upstream,
                ResourceStats.of(samples.cpu(), samples.heapBytes()),
                cache,
                notes);
        if (loaded != null) {
            // what one scrape holds at this size, for reading the series count
            probe.prometheus().ifPresent(text -> {
                try {
                    java.nio.file.Files.writeString(
                            options.out()
                                    .resolve("prometheus-tenants-"
                                            + loaded.businesses().size() + ".txt"),
                            text);
                } catch (java.io.IOException e) {
                    console.println("warning: scrape not written: " + e.getMessage());
                }
            });
        }
        ScaleFigures scale = loaded == null
                ? null
                : ScaleMeasurement.figures(
                        loaded,
                        inProgress,
                        heapAfterRun,
                        simControl ? sim : null,
                        promBefore,
                        probe.prometheus(),
                        arrivals.size(),
                        result,
                        console);
        return new ModeRun(result, histograms, scale);
    }

    /** The machine's one-minute load average, NaN where /proc/loadavg is not there. */
    static double loadAverage() {
        try {
            return Double.parseDouble(
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void awaitCalls(String mode, List<CompletableFuture<CallSummary>> calls, long start, long deadline) {
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
        long nextProgress = ticker.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!all.isDone() && ticker.nanoTime() < deadline) {
            try {
                all.get(
                        Math.min(1_000, Math.max(1, (deadline - ticker.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // report progress below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a simulated call failed unexpectedly", e.getCause());
            }
            if (ticker.nanoTime() >= nextProgress) {
                long done = calls.stream().filter(CompletableFuture::isDone).count();
                console.printf(
                        Locale.ROOT,
                        "[%s] t=%ds finished calls %d/%d%n",
                        mode,
                        (ticker.nanoTime() - start) / 1_000_000_000L,
                        done,
                        calls.size());
                nextProgress += TimeUnit.SECONDS.toNanos(10);
            }
        }
    }

    private @Nullable SimStats simStats(SimulatorControl sim, List<String> notes) {
        try {
            return sim.stats();
        } catch (IllegalStateException e) {
            notes.add("Simulator stats unavailable: " + e.getMessage());
            return null;
        }
    }

    static List<String> ordered(java.util.Collection<String> names) {
        List<String> result = new ArrayList<>();
        for (String known : FUNCTION_ORDER) {
            if (names.contains(known)) {
                result.add(known);
            }
        }
        names.stream()
                .filter(n -> !FUNCTION_ORDER.contains(n) && !LIFECYCLE.contains(n))
                .sorted()
                .forEach(result::add);
        for (String known : LIFECYCLE) {
            if (names.contains(known)) {
                result.add(known);
            }
        }
        return result;
    }
}
