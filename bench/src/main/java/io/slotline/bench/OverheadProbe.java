package io.slotline.bench;

import io.slotline.bench.calls.FunctionRequests;
import io.slotline.bench.calls.Tenant;
import io.slotline.bench.load.OutgoingRequest;
import io.slotline.bench.sut.GatewayProbe;
import io.slotline.bench.sut.GatewayProcess;
import io.slotline.bench.sut.PrometheusText;
import io.slotline.bench.sut.SimulatorControl;
import io.slotline.bench.tenants.Business;
import io.slotline.bench.tenants.Businesses;
import io.slotline.bench.tenants.TenantLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * The gateway-overhead probe ({@code --probe}): function calls that memory answers (the days were fetched during a
 * warm-up), sent at a fixed open-loop rate with a read-only mix (get_alternatives, find_next_available,
 * list_services, get_appointments). Each request's latency counts from its intended send time, so a stall shows
 * as the queue behind it (coordinated omission); the server's own time comes from the gateway's
 * {@code Server-Timing: app;dur=<ms>} header. Writes {@code probe-report.md}.
 */
final class OverheadProbe {

    /** Synthetic calls in progress the requests are spread over (a call id per caller, as Retell sends them). */
    static final int CALLS = 200;

    private static final String[] FUNCTIONS = {
        "get_alternatives", "find_next_available", "list_services", "get_appointments"
    };
    private static final double[] WEIGHTS = {0.45, 0.35, 0.10, 0.10};

    private final BenchOptions options;
    private final HttpClient client;
    private final String simulatorUrl;
    private final PrintStream console;

    OverheadProbe(BenchOptions options, HttpClient client, String simulatorUrl, PrintStream console) {
        this.options = options;
        this.client = client;
        this.simulatorUrl = simulatorUrl;
        this.console = console;
    }

    /** One synthetic call: which business, who calls, what they ask about. */
    private record ProbeCall(
            Tenant tenant,
            String callId,
            String caller,
            long startMillis,
            String service,
            LocalDate date,
            LocalTime time) {}

    void run() throws IOException {
        BenchOptions.Scale scale = options.scale();
        SimulatorControl sim = new SimulatorControl(client, simulatorUrl);
        sim.reset(options.simConfig());
        sim.configure(options.simConfig());
        List<Business> businesses = Businesses.generate(scale.probeTenants(), options.seed());
        TenantLoader.intoSimulator(sim, businesses, java.time.Instant.now(), options.seed());
        Path log = options.out().resolve("gateway-probe.log");
        console.printf("[probe] starting gateway, log %s%n", log);
        try (GatewayProcess gateway =
                GatewayProcess.start(options.gatewayLaunch(), client, simulatorUrl, "cached", 1, log)) {
            GatewayProbe probe = gateway.probe();
            TenantLoader.intoGateway(client, probe.baseUrl(), scale.adminToken(), businesses);
            List<ProbeCall> calls = calls(businesses);
            console.printf(
                    "[probe] %d businesses applied; warming %d calls' questions%n", businesses.size(), calls.size());
            warm(probe.baseUrl(), calls);
            String before = probe.prometheus().orElse("");
            Result result = measure(
                    probe.baseUrl(),
                    calls,
                    scale.probeRate(),
                    scale.probeDuration().toNanos());
            String after = probe.prometheus().orElse("");
            String report = report(result, before, after, businesses.size());
            Files.writeString(options.out().resolve("probe-report.md"), report, StandardCharsets.UTF_8);
            console.println();
            console.println(report);
        }
    }

    private List<ProbeCall> calls(List<Business> businesses) {
        SplittableRandom random = new SplittableRandom(options.seed());
        List<ProbeCall> calls = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < CALLS; i++) {
            Business b = businesses.get(i % businesses.size());
            Tenant tenant = b.caller();
            LocalDate date = LocalDate.now(b.zone()).plusDays(1 + random.nextInt(5));
            while (!tenant.isOpen(date)) {
                date = date.plusDays(1);
            }
            // open that day: it has hours
            Tenant.Hours hours = Objects.requireNonNull(tenant.openingHours().get(date.getDayOfWeek()));
            LocalTime time = hours.open().plusMinutes(30L * random.nextInt(8));
            String service =
                    b.services().get(random.nextInt(b.services().size())).name();
            calls.add(new ProbeCall(
                    tenant,
                    "probe_" + Long.toString(now, 36) + "_" + i,
                    b.callerPrefix() + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)),
                    now,
                    service,
                    date,
                    time));
        }
        return calls;
    }

    private static Map<String, Object> args(String function, ProbeCall call) {
        Map<String, Object> args = new LinkedHashMap<>();
        switch (function) {
            case "get_alternatives" -> {
                args.put("service", call.service());
                args.put("date", call.date().toString());
                args.put("time", call.time().toString());
                args.put("count", 3);
            }
            case "find_next_available" -> args.put("service", call.service());
            default -> {}
        }
        return args;
    }

    private OutgoingRequest request(String function, ProbeCall call) {
        return FunctionRequests.function(
                call.tenant(),
                call.callId(),
                call.caller(),
                function,
                args(function, call),
                System.currentTimeMillis(),
                call.startMillis());
    }

    /** Every question of every call once, closed-loop and a few at a time, until memory has their days. */
    private void warm(String baseUrl, List<ProbeCall> calls) {
        for (int round = 0; round < 2; round++) {
            Semaphore inFlight = new Semaphore(8);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (ProbeCall call : calls) {
                for (String function : FUNCTIONS) {
                    inFlight.acquireUninterruptibly();
                    all.add(send(baseUrl, request(function, call)).whenComplete((r, e) -> inFlight.release()));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String baseUrl, OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(options.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private record Result(
            long intended,
            long answered,
            long errors,
            long missingHeader,
            double seconds,
            Histogram client,
            Histogram server,
            Map<String, Histogram> serverByFunction,
            Histogram lag) {}

    private Result measure(String baseUrl, List<ProbeCall> calls, double rate, long durationNanos) {
        Recorder clientMicros = new Recorder(3);
        Recorder serverMicros = new Recorder(3);
        Recorder lagMicros = new Recorder(3);
        Map<String, Recorder> byFunction = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong missing = new AtomicLong();
        SplittableRandom random = new SplittableRandom(options.seed() + 1);
        long interval = (long) (1e9 / rate);
        long total = durationNanos / interval;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        console.printf(Locale.ROOT, "[probe] %d requests at %.0f/s over %.0f s%n", total, rate, durationNanos / 1e9);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lagMicros.recordValue(Math.max(0, System.nanoTime() - intended) / 1_000);
            String function = FUNCTIONS[pick(random.nextDouble())];
            ProbeCall call = calls.get(random.nextInt(calls.size()));
            pending.add(send(baseUrl, request(function, call)).whenComplete((response, failure) -> {
                clientMicros.recordValue(Math.max(0, System.nanoTime() - intended) / 1_000);
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    return;
                }
                answered.incrementAndGet();
                Double server = serverMillis(
                        response.headers().firstValue("Server-Timing").orElse(null));
                if (server == null) {
                    missing.incrementAndGet();
                    return;
                }
                long micros = Math.round(server * 1000);
                serverMicros.recordValue(micros);
                byFunction.computeIfAbsent(function, f -> new Recorder(3)).recordValue(micros);
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Histogram> perFunction = new LinkedHashMap<>();
        for (String function : FUNCTIONS) {
            Recorder recorder = byFunction.get(function);
            if (recorder != null) {
                perFunction.put(function, recorder.getIntervalHistogram());
            }
        }
        return new Result(
                total,
                answered.get(),
                errors.get(),
                missing.get(),
                seconds,
                clientMicros.getIntervalHistogram(),
                serverMicros.getIntervalHistogram(),
                perFunction,
                lagMicros.getIntervalHistogram());
    }

    static @Nullable Double serverMillis(@Nullable String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split("[,;]")) {
            String p = part.trim();
            if (p.startsWith("dur=")) {
                try {
                    return Double.parseDouble(p.substring(4));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int pick(double u) {
        double x = u;
        for (int i = 0; i < WEIGHTS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        return WEIGHTS.length - 1;
    }

    private String report(Result r, String before, String after, int businesses) {
        StringBuilder md = new StringBuilder();
        md.append("# Slotline gateway-overhead probe\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d businesses, %d synthetic calls in progress, %.0f function calls/s "
                        + "for %.0f s (open loop, fixed interval), read-only mix get_alternatives 45%%, find_next_available "
                        + "35%%, list_services 10%%, get_appointments 10%%. Load average at the end: %.1f.%n%n",
                businesses,
                CALLS,
                options.scale().probeRate(),
                options.scale().probeDuration().toMillis() / 1000.0,
                BenchRunner.loadAverage()));
        md.append(String.format(
                Locale.ROOT,
                "Sent %d, answered 200 %d, errors %d, without Server-Timing %d; "
                        + "achieved %.0f/s. Availability lookups in the measured part: %s hit, %s miss, %s stale.%n%n",
                r.intended(),
                r.answered(),
                r.errors(),
                r.missingHeader(),
                r.intended() / r.seconds(),
                delta(before, after, "hit"),
                delta(before, after, "miss"),
                delta(before, after, "stale")));
        md.append("| ms | P50 | P90 | P99 | P99.9 | max |\n|---|---:|---:|---:|---:|---:|\n");
        row(md, "server time (Server-Timing), all", r.server());
        r.serverByFunction().forEach((f, h) -> row(md, "server time, " + f, h));
        row(md, "client, from intended send (CO-aware)", r.client());
        row(md, "generator lag (sent - intended)", r.lag());
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Histogram h) {
        md.append("| ")
                .append(name)
                .append(" (n=")
                .append(h.getTotalCount())
                .append(") | ")
                .append(ms(h.getValueAtPercentile(50)))
                .append(" | ")
                .append(ms(h.getValueAtPercentile(90)))
                .append(" | ")
                .append(ms(h.getValueAtPercentile(99)))
                .append(" | ")
                .append(ms(h.getValueAtPercentile(99.9)))
                .append(" | ")
                .append(ms(h.getMaxValue()))
                .append(" |\n");
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String delta(String before, String after, String result) {
        OptionalDouble a = PrometheusText.sum(after, "slotline_availability_cache_total", Map.of("result", result));
        OptionalDouble b = PrometheusText.sum(before, "slotline_availability_cache_total", Map.of("result", result));
        return a.isPresent() ? String.format(Locale.ROOT, "%.0f", a.getAsDouble() - b.orElse(0)) : "n/a";
    }
}
