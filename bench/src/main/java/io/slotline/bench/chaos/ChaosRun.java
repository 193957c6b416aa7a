package io.slotline.bench.chaos;

import io.slotline.bench.calls.BookingLedger;
import io.slotline.bench.calls.CallMix;
import io.slotline.bench.calls.CallPlan;
import io.slotline.bench.calls.CallPlanner;
import io.slotline.bench.calls.PhoneCall;
import io.slotline.bench.load.ArrivalSchedule;
import io.slotline.bench.load.LatencyBook;
import io.slotline.bench.load.OpenLoopDriver;
import io.slotline.bench.load.Scheduler;
import io.slotline.bench.load.Ticker;
import io.slotline.bench.sut.GatewayLaunch;
import io.slotline.bench.sut.GatewayProcess;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar bench/target/slotline-bench-exec.jar --scenario chaos [--duration 300s]}: two gateways (profile
 * postgres on a PostgreSQL cluster of the run's own, availability store and shared budget on a Redis of the run's
 * own), the simulator, the benchmark's phone calls at real think times through a round-robin balancer, while the
 * fault schedule plays phase by phase; then the report of every phase.
 */
public final class ChaosRun {

    /** The gateway's defaults (slotline.functions.*): functions that change a calendar have 8 s, the rest 5 s. */
    static final Map<String, Duration> DEADLINES = Map.of(
            "book_appointment",
            Duration.ofSeconds(8),
            "cancel_appointment",
            Duration.ofSeconds(8),
            "reschedule_appointment",
            Duration.ofSeconds(8));

    private final ChaosOptions options;
    private final PrintStream console;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Recorder recorder = new Recorder();
    private final List<Instant> phaseStarts = new ArrayList<>();
    private final Map<Integer, Double> recoverySeconds = new LinkedHashMap<>();
    private final Map<Integer, String> notes = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<long[]> faultWindows = new ArrayList<>();

    ChaosRun(ChaosOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static int main(String[] args, PrintStream out, PrintStream err) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(ChaosOptions.USAGE);
            return 2;
        }
        try {
            Files.createDirectories(options.out());
            String report = new ChaosRun(options, out).run();
            Files.writeString(options.out().resolve("chaos-report.md"), report, StandardCharsets.UTF_8);
            out.println();
            out.println(report);
            out.println("written: " + options.out().resolve("chaos-report.md"));
            return 0;
        } catch (IOException | InterruptedException | RuntimeException e) {
            err.println("chaos run failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    String run() throws IOException, InterruptedException {
        List<Phase> phases = Phase.schedule(options.duration());
        int redisPort = options.redisPort() > 0 ? options.redisPort() : Processes.freePort();
        int postgresPort = options.postgresPort() > 0 ? options.postgresPort() : Processes.freePort();
        Path out = options.out();
        try (CalcomSimulator sim = CalcomSimulator.start(SimOptions.defaults().withPort(0));
                OwnRedis redis = OwnRedis.start(redisPort, out.resolve("chaos-redis.log"));
                OwnPostgres postgres = OwnPostgres.start(postgresPort)) {
            SimulatorCalls simulator = new SimulatorCalls(client, sim.baseUrl());
            String simUrl = simulator.url();
            console.printf("simulator %s, redis :%d, postgresql :%d%n", simUrl, redisPort, postgresPort);
            simulator.configure("{\"latency\":{\"slots\":{\"type\":\"lognormal\",\"medianMs\":300,\"p99Ms\":1200},"
                    + "\"reservations\":{\"type\":\"lognormal\",\"medianMs\":300,\"p99Ms\":1200},"
                    + "\"bookings\":{\"type\":\"lognormal\",\"medianMs\":600,\"p99Ms\":2000}},"
                    + "\"rateLimit\":{\"limit\":100000}}");
            GatewayLaunch launch = launch(postgres, redisPort);
            GatewayProcess[] gateways = new GatewayProcess[2];
            try {
                // one after the other: both would migrate and load the demo data at once otherwise
                gateways[0] =
                        GatewayProcess.start(launch, client, simUrl, "cached", 1, out.resolve("chaos-gateway-1.log"));
                gateways[1] =
                        GatewayProcess.start(launch, client, simUrl, "cached", 2, out.resolve("chaos-gateway-2.log"));
                console.printf(
                        "gateways %s (pid %d), %s (pid %d)%n",
                        gateways[0].baseUrl(), gateways[0].pid(), gateways[1].baseUrl(), gateways[1].pid());
                Balancer balancer = new Balancer(
                        client,
                        List.of(gateways[0].baseUrl(), gateways[1].baseUrl()),
                        Duration.ofSeconds(30),
                        recorder);
                Faults faults =
                        new Faults(options, client, simulator, gateways, balancer, launch, redis, postgres, notes);
                play(phases, balancer, faults);
                faults.awaitRestart();
                console.println("waiting for reconciliation before counting bookings");
                Pause.of(Duration.ofSeconds(45));
                Audit audit = Audit.of(simulator.bookings(), postgres, phaseStarts);
                return ChaosReport.render(
                        options, phases, recorder.all(), faultWindows, recoverySeconds, notes, audit, DEADLINES);
            } finally {
                for (GatewayProcess gateway : gateways) {
                    if (gateway != null) {
                        gateway.close();
                    }
                }
            }
        }
    }

    private GatewayLaunch launch(OwnPostgres postgres, int redisPort) {
        return new GatewayLaunch(
                GatewayLaunch.currentJava(),
                options.gatewayJar(),
                List.of("-Xmx384m"),
                List.of(
                        "--spring.profiles.active=demo,postgres",
                        "--server.port={port}",
                        "--slotline.calcom.base-url={simUrl}",
                        "--slotline.demo.embedded-simulator=false",
                        "--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + OwnPostgres.USER,
                        "--spring.datasource.password=",
                        "--slotline.availability.store=redis",
                        "--slotline.redis.enabled=true",
                        "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + redisPort,
                        "--slotline.calcom.resilience.budget.shared=true",
                        "--slotline.booking.reconcile.interval=10s"),
                List.of(),
                Duration.ofMinutes(5));
    }

    private void play(List<Phase> phases, Balancer balancer, Faults faults) {
        Duration total = phases.stream().map(Phase::length).reduce(Duration.ZERO, Duration::plus);
        // arrivals stop a minute before the end so that calls (1-3 min at real think times) finish soon after
        Duration arrivalSpan = total.minus(Duration.ofSeconds(60)).isNegative() ? total : total.minusSeconds(60);
        ArrivalSchedule arrivals = ArrivalSchedule.poisson(options.callsPerSecond(), arrivalSpan, options.seed());
        List<CallPlan> plans = new CallPlanner(CallMix.defaults(), options.seed()).plan(arrivals.size());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "chaos-sender");
            t.setDaemon(true);
            return t;
        });
        Scheduler scheduler = (task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        Ticker ticker = Ticker.system();
        long start = ticker.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        OpenLoopDriver driver = new OpenLoopDriver(scheduler, ticker, balancer, new LatencyBook(start));
        BookingLedger ledger = new BookingLedger();
        String runTag = "chaos_" + Long.toString(System.currentTimeMillis(), 36);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            calls.add(new PhoneCall(plans.get(i), "call_" + runTag + "_" + i, driver, Clock.systemUTC(), 1.0, ledger)
                    .start(start + arrivals.offsetNanos(i)));
        }
        console.printf("%d phone calls over %d s, real think times%n", arrivals.size(), arrivalSpan.toSeconds());
        Pause.until(start);
        for (int index = 0; index < phases.size(); index++) {
            Phase phase = phases.get(index);
            long phaseStart = System.nanoTime();
            recorder.phase(index);
            phaseStarts.add(Instant.now());
            console.printf(
                    "phase %d: %s (%d s): %s%n",
                    index + 1, phase.name(), phase.length().toSeconds(), phase.fault());
            Pause.until(phaseStart + phase.faultAt().toNanos());
            if (!phase.faultFor().isZero()) {
                long faultStart = System.nanoTime();
                recorder.fault(true);
                long faultEnd = faults.play(index, phase, faultStart);
                recorder.fault(false);
                faultWindows.add(new long[] {index, faultStart, faultEnd});
            }
            Pause.until(phaseStart + phase.length().toNanos());
        }
        recorder.phase(phases.size());
        phaseStarts.add(Instant.now());
        console.println("schedule done; waiting for the calls in progress");
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
        try {
            all.get(240, TimeUnit.SECONDS);
        } catch (Exception e) {
            notes.put(
                    phases.size(), calls.stream().filter(c -> !c.isDone()).count() + " calls still running at the end");
        }
        executor.shutdownNow();
        for (long[] window : faultWindows) {
            recoverySeconds.put((int) window[0], recorder.recoverySeconds(window[2], DEADLINES));
        }
    }
}
