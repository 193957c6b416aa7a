package io.slotline.bench.chaos;

import io.slotline.bench.calls.BookingLedger;
import io.slotline.bench.calls.CallMix;
import io.slotline.bench.calls.CallPlan;
import io.slotline.bench.calls.CallPlanner;
import io.slotline.bench.calls.PhoneCall;
import io.slotline.bench.calls.RetellSigner;
import io.slotline.bench.load.ArrivalSchedule;
import io.slotline.bench.load.LatencyBook;
import io.slotline.bench.load.OpenLoopDriver;
import io.slotline.bench.load.OutgoingRequest;
import io.slotline.bench.load.Scheduler;
import io.slotline.bench.load.Ticker;
import io.slotline.bench.sut.GatewayLaunch;
import io.slotline.bench.sut.GatewayProcess;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar bench/target/slotline-bench-exec.jar --scenario chaos [--duration 300s]}: two gateways (profile
 * postgres on a PostgreSQL cluster of the run's own, availability store and shared budget on a Redis of the run's
 * own), the simulator, the benchmark's phone calls at real think times through a round-robin balancer, while the
 * fault schedule plays phase by phase; then the report of every phase.
 */
public final class ChaosRun {

    static final JsonMapper JSON = JsonMapper.shared();
    static final String WARM_UP = "warm-up";
    static final String SALON_NUMBER = "+4930120000";
    static final String SALON_KEY = "key_demo";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The gateway's defaults (slotline.functions.*): functions that change a calendar have 8 s, the rest 5 s. */
    static final Map<String, Duration> DEADLINES = Map.of(
            "book_appointment",
            Duration.ofSeconds(8),
            "cancel_appointment",
            Duration.ofSeconds(8),
            "reschedule_appointment",
            Duration.ofSeconds(8));

    /** One phase: what plays, from when and for how long within it. */
    record Phase(String name, Duration length, Duration faultAt, Duration faultFor, String fault) {}

    record Options(
            Duration duration,
            double callsPerSecond,
            Path gatewayJar,
            Path out,
            int redisPort,
            int postgresPort,
            long seed) {

        static final String USAGE = """
                --scenario chaos options:
                  --duration D        length of the fault schedule (default 300s; every phase scales with it)
                  --calls-per-second R  phone calls arriving per second (default 0.5; real think times)
                  --gateway-jar PATH  default gateway/target/slotline-gateway-exec.jar
                  --out DIR           default bench-results
                  --redis-port N      the run's own Redis (default: a free port)
                  --postgres-port N   the run's own PostgreSQL cluster (default: a free port)
                  --seed N            default 42
                """;

        static Options parse(String[] args) {
            Duration duration = Duration.ofSeconds(300);
            double rate = 0.5;
            Path jar = Path.of("gateway/target/slotline-gateway-exec.jar");
            Path out = Path.of("bench-results");
            int redisPort = 0;
            int postgresPort = 0;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--scenario")) {
                    i++;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--duration" -> duration = parseDuration(value);
                    case "--calls-per-second" -> rate = Double.parseDouble(value);
                    case "--gateway-jar" -> jar = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--redis-port" -> redisPort = Integer.parseInt(value);
                    case "--postgres-port" -> postgresPort = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option for the chaos run: " + arg);
                }
            }
            if (duration.toSeconds() < 60 || rate <= 0) {
                throw new IllegalArgumentException("--duration must be at least 60s and --calls-per-second positive");
            }
            return new Options(duration, rate, jar, out, redisPort, postgresPort, seed);
        }

        private static Duration parseDuration(String text) {
            String t = text.trim().toLowerCase();
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
            }
            return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
        }
    }

    /** The schedule at its default length of 300 s; {@code --duration} scales every phase. */
    static List<Phase> schedule(Duration total) {
        double k = total.toMillis() / 300_000.0;
        return List.of(
                phase(WARM_UP, 30, 0, 0, "none (JIT, caches; not a fault phase)", k),
                phase("baseline", 40, 0, 0, "none", k),
                phase("cal.com faults", 50, 0, 50, "10% errors, 5% hangs (30 s), 429 for every request for 5 s", k),
                phase("redis stopped", 45, 5, 30, "the Redis server is killed and started again 30 s later", k),
                phase("postgresql restart", 30, 5, 10, "pg_ctl restart -m fast of the gateways' cluster", k),
                phase("gateway killed", 45, 5, 25, "SIGKILL of gateway 2, started again at once", k),
                phase("competing callers", 25, 5, 15, "2 x 6 callers check and book Anna at one time", k),
                phase("recovery", 35, 0, 0, "none", k));
    }

    private static Phase phase(String name, int seconds, int faultAt, int faultFor, String fault, double k) {
        return new Phase(
                name,
                Duration.ofMillis(Math.round(seconds * 1000 * k)),
                Duration.ofMillis(Math.round(faultAt * 1000 * k)),
                Duration.ofMillis(Math.round(faultFor * 1000 * k)),
                fault);
    }

    private final Options options;
    private final PrintStream console;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Recorder recorder = new Recorder();
    private final List<Instant> phaseStarts = new ArrayList<>();
    private final Map<Integer, Double> recoverySeconds = new LinkedHashMap<>();
    private final Map<Integer, String> notes = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile Thread restarting;
    private final List<long[]> faultWindows = new ArrayList<>();
    private String simUrl = "";

    ChaosRun(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static int main(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(Options.USAGE);
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
        List<Phase> phases = schedule(options.duration());
        int redisPort = options.redisPort() > 0 ? options.redisPort() : Processes.freePort();
        int postgresPort = options.postgresPort() > 0 ? options.postgresPort() : Processes.freePort();
        Path out = options.out();
        try (CalcomSimulator sim = CalcomSimulator.start(SimOptions.defaults().withPort(0));
                OwnRedis redis = OwnRedis.start(redisPort, out.resolve("chaos-redis.log"));
                OwnPostgres postgres = OwnPostgres.start(postgresPort)) {
            simUrl = sim.baseUrl();
            console.printf("simulator %s, redis :%d, postgresql :%d%n", simUrl, redisPort, postgresPort);
            simConfig("{\"latency\":{\"slots\":{\"type\":\"lognormal\",\"medianMs\":300,\"p99Ms\":1200},"
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
                play(phases, gateways, balancer, launch, redis, postgres);
                if (restarting != null) {
                    restarting.join(TimeUnit.MINUTES.toMillis(5));
                }
                console.println("waiting for reconciliation before counting bookings");
                sleep(Duration.ofSeconds(45));
                Audit audit = Audit.of(simBookings(), postgres, phaseStarts);
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

    private void play(
            List<Phase> phases,
            GatewayProcess[] gateways,
            Balancer balancer,
            GatewayLaunch launch,
            OwnRedis redis,
            OwnPostgres postgres) {
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
        sleepUntil(start);
        for (int index = 0; index < phases.size(); index++) {
            Phase phase = phases.get(index);
            long phaseStart = System.nanoTime();
            recorder.phase(index);
            phaseStarts.add(Instant.now());
            console.printf(
                    "phase %d: %s (%d s): %s%n",
                    index + 1, phase.name(), phase.length().toSeconds(), phase.fault());
            sleepUntil(phaseStart + phase.faultAt().toNanos());
            if (!phase.faultFor().isZero()) {
                long faultStart = System.nanoTime();
                recorder.fault(true);
                long faultEnd = playFault(index, phase, gateways, balancer, launch, redis, postgres, faultStart);
                recorder.fault(false);
                faultWindows.add(new long[] {index, faultStart, faultEnd});
            }
            sleepUntil(phaseStart + phase.length().toNanos());
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
            recoverySeconds.put((int) window[0], recovery(window[2]));
        }
    }

    /** Plays one phase's fault; returns when it ended (System.nanoTime). */
    private long playFault(
            int index,
            Phase phase,
            GatewayProcess[] gateways,
            Balancer balancer,
            GatewayLaunch launch,
            OwnRedis redis,
            OwnPostgres postgres,
            long faultStart) {
        switch (phase.name()) {
            case "cal.com faults" -> {
                String faults = "{\"errorRate\":0.1,\"timeoutRate\":0.05,\"timeoutMs\":30000}";
                simConfig("{\"faults\":{\"all\":" + faults + "}}");
                sleepUntil(faultStart + phase.faultFor().toNanos() * 2 / 5);
                simConfig("{\"faults\":{\"all\":{\"errorRate\":0.1,\"timeoutRate\":0.05,\"timeoutMs\":30000,"
                        + "\"rateLimitRate\":1.0}}}");
                sleepUntil(faultStart + phase.faultFor().toNanos() * 2 / 5 + TimeUnit.SECONDS.toNanos(5));
                simConfig("{\"faults\":{\"all\":" + faults + "}}");
                sleepUntil(faultStart + phase.faultFor().toNanos());
                simConfig("{\"faults\":{\"all\":{\"errorRate\":0.0,\"timeoutRate\":0.0,\"rateLimitRate\":0.0}}}");
            }
            case "redis stopped" -> {
                redis.stop();
                sleepUntil(faultStart + phase.faultFor().toNanos());
                redis.startAgain();
            }
            case "postgresql restart" -> {
                long before = System.nanoTime();
                postgres.restart();
                notes.put(index, String.format("restart took %.1f s", (System.nanoTime() - before) / 1e9));
                sleepUntil(faultStart + phase.faultFor().toNanos());
            }
            case "gateway killed" -> {
                gateways[1].kill();
                balancer.markDown(1);
                long killed = System.nanoTime();
                // started again at once, as an orchestrator would; the schedule goes on meanwhile
                restarting = new Thread(
                        () -> {
                            try {
                                gateways[1] = GatewayProcess.start(
                                        launch,
                                        client,
                                        simUrl,
                                        "cached",
                                        3,
                                        options.out().resolve("chaos-gateway-2-restarted.log"));
                                balancer.markUp(1, gateways[1].baseUrl());
                                notes.put(
                                        index,
                                        String.format(
                                                Locale.ROOT,
                                                "restarted gateway ready %.1f s after SIGKILL",
                                                (System.nanoTime() - killed) / 1e9));
                            } catch (RuntimeException e) {
                                notes.put(index, "restarted gateway did not start: " + e.getMessage());
                            }
                        },
                        "chaos-restart");
                restarting.start();
                sleepUntil(faultStart + phase.faultFor().toNanos());
            }
            case "competing callers" -> {
                Random random = new Random(options.seed());
                int slotsTaken = 0;
                for (int round = 0; round < 2; round++) {
                    slotsTaken += compete(balancer, random, round);
                    sleepUntil(faultStart + phase.faultFor().toNanos() * (round + 1) / 2);
                }
                notes.put(index, "bookings of the contested times: " + slotsTaken + " of 2 (one per time at most)");
            }
            default -> throw new IllegalStateException("no fault for phase " + phase.name());
        }
        return System.nanoTime();
    }

    /**
     * Six callers ask for Anna at the same free time on both gateways at once, then book it: at most one gets it.
     *
     * @return bookings made for that time
     */
    private int compete(Balancer balancer, Random random, int round) {
        Instant slot = annaSlot(random, round);
        LocalDate date = slot.atZone(BERLIN).toLocalDate();
        String time = slot.atZone(BERLIN).toLocalTime().toString();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int caller = 0; caller < 6; caller++) {
            String callId = "call_compete_" + round + "_" + caller + "_" + Long.toString(System.nanoTime(), 36);
            String from = "+4917" + (10_000_000 + random.nextInt(89_999_999));
            String name = "Wettbewerb " + round + "-" + caller;
            answers.add(function(
                            balancer,
                            callId,
                            from,
                            "check_availability",
                            Map.of(
                                    "service",
                                    "Herrenhaarschnitt",
                                    "date",
                                    date.toString(),
                                    "time",
                                    time,
                                    "staff",
                                    "Anna"))
                    .thenCompose(ignored -> function(
                            balancer,
                            callId,
                            from,
                            "book_appointment",
                            Map.of(
                                    "service",
                                    "Herrenhaarschnitt",
                                    "date",
                                    date.toString(),
                                    "time",
                                    time,
                                    "staff",
                                    "Anna",
                                    "customer_name",
                                    name)))
                    .thenCompose(booked -> webhook(balancer, callId, from).thenApply(ignored -> booked)));
        }
        int booked = 0;
        for (CompletableFuture<String> answer : answers) {
            try {
                String body = answer.get(60, TimeUnit.SECONDS);
                if (body != null && JSON.readTree(body).path("booked").asBoolean()) {
                    booked++;
                }
            } catch (Exception e) {
                // an unanswered request is counted by the recorder
            }
        }
        return booked;
    }

    private CompletableFuture<String> function(
            Balancer balancer, String callId, String from, String name, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("args", args);
        body.put("call", callObject(callId, from, "ongoing"));
        return send(balancer, "/retell/functions/" + name, JSON.writeValueAsString(body));
    }

    private CompletableFuture<String> webhook(Balancer balancer, String callId, String from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "call_ended");
        body.put("call", callObject(callId, from, "ended"));
        return send(balancer, "/retell/webhook", JSON.writeValueAsString(body));
    }

    private static Map<String, Object> callObject(String callId, String from, String status) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_type", "phone_call");
        call.put("call_id", callId);
        call.put("agent_id", "agent_chaos");
        call.put("call_status", status);
        call.put("direction", "inbound");
        call.put("from_number", from);
        call.put("to_number", SALON_NUMBER);
        call.put("start_timestamp", System.currentTimeMillis());
        return call;
    }

    private static CompletableFuture<String> send(Balancer balancer, String path, String body) {
        long now = System.currentTimeMillis();
        return balancer.send(new OutgoingRequest(
                        path,
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                RetellSigner.HEADER,
                                RetellSigner.signature(SALON_KEY, body, now))))
                .handle((reply, failure) -> failure == null ? reply.body() : null);
    }

    /** A time Anna is free at, a few days ahead, as Cal.com's slots endpoint says. */
    private Instant annaSlot(Random random, int round) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(3 + round);
        for (int tries = 0; tries < 10; tries++, day = day.plusDays(1)) {
            Instant from = day.atStartOfDay(BERLIN).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1);
            JsonNode data = getJson(
                            "/v2/slots?eventTypeSlug=herrenhaarschnitt-stylist&username=anna-demo&start=" + from
                                    + "&end=" + to + "&timeZone="
                                    + URLEncoder.encode(BERLIN.getId(), StandardCharsets.UTF_8),
                            "2024-09-04")
                    .path("data")
                    .path(day.toString());
            if (data.size() > 0) {
                return OffsetDateTime.parse(data.get(random.nextInt(data.size()))
                                .path("start")
                                .asString())
                        .toInstant();
            }
        }
        throw new IllegalStateException("Anna has no free time in the next two weeks");
    }

    /** The first moment after {@code faultEnd} from which ten function calls in a row were answered well. */
    private double recovery(long faultEnd) {
        List<Recorder.Request> after = recorder.all().stream()
                .filter(r -> r.isFunction() && r.sentNanos() >= faultEnd)
                .toList();
        for (int i = 0; i + 10 <= after.size(); i++) {
            boolean streak = true;
            for (int j = i; j < i + 10 && streak; j++) {
                Recorder.Request r = after.get(j);
                streak = r.healthy(Recorder.deadlineOf(r.function(), DEADLINES));
            }
            if (streak) {
                return (after.get(i).sentNanos() - faultEnd) / 1e9;
            }
        }
        return Double.NaN;
    }

    private List<JsonNode> simBookings() {
        List<JsonNode> bookings = new ArrayList<>();
        for (String key : List.of("cal_demo", "cal_other")) {
            getJson("/_sim/bookings?apiKey=" + key, null).path("data").forEach(bookings::add);
        }
        return bookings;
    }

    private void simConfig(String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simUrl + "/_sim/config"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("simulator config refused: " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String path, String apiVersion) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(simUrl + path)).header("Authorization", "Bearer cal_demo");
        if (apiVersion != null) {
            request.header("cal-api-version", apiVersion);
        }
        try {
            return JSON.readTree(client.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            sleep(Duration.ofNanos(left));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
