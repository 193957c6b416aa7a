package io.slotline.bench;

import io.slotline.bench.calls.CallMix;
import io.slotline.bench.sut.GatewayLaunch;
import io.slotline.bench.sut.SimConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Command line of the bench. Every option has a default; {@link #USAGE} lists them. */
record BenchOptions(
        double callsPerSecond,
        Duration duration,
        Duration warmup,
        double timeScale,
        List<String> modes,
        @Nullable String gatewayUrl,
        @Nullable String simUrl,
        long seed,
        Path out,
        CallMix mix,
        SimConfig simConfig,
        Duration requestTimeout,
        Duration drainTimeout,
        GatewayLaunch gatewayLaunch,
        Scale scale,
        boolean help) {

    /**
     * The agency-scale run ({@code --tenants N} or {@code --sweep N1,N2,..}): generated businesses, Zipf-spread calls
     * at real think times. {@code points} is empty for the classic two-tenant run.
     */
    record Scale(
            List<Integer> points,
            double zipfExponent,
            double callsInProgress,
            String adminToken,
            boolean probe,
            double probeRate,
            Duration probeDuration,
            int probeTenants) {

        static Scale none() {
            return new Scale(List.of(), 1.0, 200, "admin_demo", false, 500, Duration.ofSeconds(60), 100);
        }

        boolean enabled() {
            return !points.isEmpty();
        }
    }

    /** Mean length of a generated call at real think times (60-180 s planned, plus closing and the analysis). */
    static final double MEAN_CALL_SECONDS = 135;

    static final double DEFAULT_TIME_SCALE = 0.1;

    static final String USAGE = """
            Slotline benchmark: simulated Retell phone calls, open-loop, against a gateway process.

            java -jar bench/target/slotline-bench-exec.jar [options]

              --calls-per-second R   Poisson arrival rate of phone calls (default 1.0)
              --duration D           measured part, after warm-up (default 60s; 90, 90s, 1500ms, 2m, PT1M)
              --warmup D             discarded first part (default 10s)
              --time-scale F         multiplier on callers' think times and call length; real calls think
                                     2-20 s and last 1-3 min (default 0.1: a call lasts 6-18 s)
              --mode M               both | cached | naive (default both: naive then cached, each against a
                                     fresh gateway process and a reset simulator)
              --gateway-url URL      use a running gateway instead of starting one (needs --mode cached|naive,
                                     which then only labels the run)
              --sim-url URL          use a running simulator instead of the embedded one
              --seed N               seed for arrivals and callers (default 42)
              --out DIR              report directory (default bench-results/)
              --faults SPEC          simulator faults: 0.05 (error rate), error-rate=0.05,timeout-rate=0.01, or JSON
              --mix SPEC             call mix, e.g. book=0.5,inquire=0.4,cancel=0.05,reschedule=0.05,
                                     other-tenant=0.25,find-next-first=0.15,staff-preference=0.15
              --slots-latency M,P    simulated GET /v2/slots latency median,p99 in ms (default 300,1200)
              --bookings-latency M,P simulated bookings latency median,p99 in ms (default 600,2000)
              --sim-config JSON      complete /_sim/config body (overrides the two above and --faults)
              --request-timeout D    per request (default 30s)
              --drain-timeout D      wait for calls still running after the last arrival (default 3 min x
                                     time-scale + 30 s)
              --gateway-jar PATH     (default gateway/target/slotline-gateway-exec.jar)
              --gateway-jvm-args S   space-separated JVM options for the gateway (default none)
              --gateway-args S       replace the gateway's Spring arguments; placeholders {port} {simUrl} {mode} {n}
              --gateway-arg A        one more gateway argument (repeatable)
              --gateway-ready-timeout D  (default 180s)

            Agency scale (see bench/README.md, "Agency scale"):
              --tenants N            N generated businesses (own Cal.com key, 3-5 stylists, 3-6 services, hours in
                                     five time zones, existing bookings), loaded into the simulator (/_sim/scenario)
                                     and into the gateway through the tenant file an operator applies
                                     (POST /admin/api/tenants/apply); calls spread Zipf-like over them. Defaults
                                     change to: --mode cached, --time-scale 1, --warmup 120s, --duration 180s,
                                     --drain-timeout 30s, the gateway's real Cal.com budget and -Xmx1g
              --sweep N1,N2,..       one such point per N, each with a fresh gateway; prints the cost table and
                                     writes scale-report.md/json and scale-cost.png (e.g. --sweep 10,100,1000)
              --zipf S               exponent of the spread: business k gets calls in proportion to 1/k^S (1.0)
              --calls-in-progress C  arrival rate chosen for about C calls in progress (200), unless
                                     --calls-per-second is given
              --admin-token T        bearer token of the gateway's admin API (admin_demo, the demo's)
              --probe                gateway-overhead probe: memory-hit function calls at a fixed open-loop rate
                                     (read-only mix) against --probe-tenants businesses, server time from the
                                     Server-Timing header
              --probe-rate R         function calls per second (500)
              --probe-duration D     measured part (60s)
              --probe-tenants N      businesses the probe spreads over (100)
              --help
            """;

    static BenchOptions parse(String... args) {
        double rate = 1.0;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        double timeScale = DEFAULT_TIME_SCALE;
        String mode = "both";
        String gatewayUrl = null;
        String simUrl = null;
        long seed = 42;
        Path out = Path.of("bench-results");
        CallMix mix = CallMix.defaults();
        SimConfig sim = SimConfig.defaults();
        String faults = null;
        String rawSim = null;
        Duration requestTimeout = Duration.ofSeconds(30);
        Duration drainTimeout = null;
        Path jar = Path.of("gateway", "target", "slotline-gateway-exec.jar");
        List<String> jvmArgs = List.of();
        List<String> template = GatewayLaunch.DEFAULT_ARGS;
        List<String> extra = new ArrayList<>();
        Duration readyTimeout = Duration.ofSeconds(180);
        boolean help = false;
        List<Integer> points = new ArrayList<>();
        Scale scaleDefaults = Scale.none();
        double zipf = scaleDefaults.zipfExponent();
        double inProgress = scaleDefaults.callsInProgress();
        String adminToken = scaleDefaults.adminToken();
        boolean probe = false;
        double probeRate = scaleDefaults.probeRate();
        Duration probeDuration = scaleDefaults.probeDuration();
        int probeTenants = scaleDefaults.probeTenants();
        java.util.Set<String> given = new java.util.HashSet<>();

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help")) {
                help = true;
                continue;
            }
            if (name.equals("--probe") && value == null) {
                probe = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            given.add(name);
            switch (name) {
                case "--tenants" -> points = List.of((int) positive(name, integer(name, value)));
                case "--sweep" -> points = sweep(name, value);
                case "--zipf" -> zipf = nonNegative(name, number(name, value));
                case "--calls-in-progress" -> inProgress = positive(name, number(name, value));
                case "--admin-token" -> adminToken = value;
                case "--probe" -> probe = Boolean.parseBoolean(value);
                case "--probe-rate" -> probeRate = positive(name, number(name, value));
                case "--probe-duration" -> probeDuration = duration(name, value);
                case "--probe-tenants" -> probeTenants = (int) positive(name, integer(name, value));
                case "--calls-per-second" -> rate = positive(name, number(name, value));
                case "--duration" -> duration = duration(name, value);
                case "--warmup" -> warmup = duration(name, value);
                case "--time-scale" -> timeScale = positive(name, number(name, value));
                case "--mode" -> mode = value.toLowerCase(Locale.ROOT);
                case "--gateway-url" -> gatewayUrl = stripSlash(value);
                case "--sim-url" -> simUrl = stripSlash(value);
                case "--seed" -> seed = integer(name, value);
                case "--out" -> out = Path.of(value);
                case "--faults" -> faults = value;
                case "--mix" -> mix = CallMix.parse(value);
                case "--slots-latency" -> {
                    double[] mp = pair(name, value);
                    sim = new SimConfig(mp[0], mp[1], sim.bookingsMedianMs(), sim.bookingsP99Ms(), sim.faults(), null);
                }
                case "--bookings-latency" -> {
                    double[] mp = pair(name, value);
                    sim = new SimConfig(sim.slotsMedianMs(), sim.slotsP99Ms(), mp[0], mp[1], sim.faults(), null);
                }
                case "--sim-config" -> rawSim = value;
                case "--request-timeout" -> requestTimeout = duration(name, value);
                case "--drain-timeout" -> drainTimeout = duration(name, value);
                case "--gateway-jar" -> jar = Path.of(value);
                case "--gateway-jvm-args" -> jvmArgs = words(value);
                case "--gateway-args" -> template = words(value);
                case "--gateway-arg" -> extra.add(value);
                case "--gateway-ready-timeout" -> readyTimeout = duration(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            }
        }
        boolean scaled = !points.isEmpty() || probe;
        if (scaled) {
            // real phone calls: the agency questions are about calls in progress, not about a sped-up clock
            if (!given.contains("--mode")) {
                mode = "cached";
            }
            if (!given.contains("--time-scale")) {
                timeScale = 1.0;
            }
            if (!given.contains("--warmup")) {
                warmup = Duration.ofSeconds(120);
            }
            if (!given.contains("--duration")) {
                duration = Duration.ofSeconds(180);
            }
            if (!given.contains("--drain-timeout")) {
                drainTimeout = Duration.ofSeconds(30);
            }
            if (!given.contains("--calls-per-second")) {
                rate = inProgress / (MEAN_CALL_SECONDS * timeScale);
            }
            if (!given.contains("--gateway-args")) {
                // the real client-side budget (100 of Cal.com's 120 per minute and key): spending it is the point
                template = template.stream()
                        .filter(a -> !a.startsWith("--slotline.calcom.resilience.budget.requests-per-window="))
                        .toList();
            }
            if (!given.contains("--gateway-jvm-args")) {
                jvmArgs = List.of("-Xmx1g");
            }
        }
        List<String> modes = switch (mode) {
            case "both" -> List.of("naive", "cached");
            case "naive", "cached" -> List.of(mode);
            default -> throw new IllegalArgumentException("--mode must be both, cached or naive, was " + mode);
        };
        if (gatewayUrl != null && modes.size() > 1) {
            throw new IllegalArgumentException(
                    "--gateway-url drives one running gateway: choose --mode cached or naive "
                            + "(to match how that gateway was started)");
        }
        if (faults != null) {
            sim = sim.withFaults(faults);
        }
        if (rawSim != null) {
            sim = sim.withRawOverride(rawSim);
        }
        if (drainTimeout == null) {
            drainTimeout = Duration.ofMillis((long) (180_000 * timeScale)).plusSeconds(30);
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative");
        }
        GatewayLaunch launch =
                new GatewayLaunch(GatewayLaunch.currentJava(), jar, jvmArgs, template, extra, readyTimeout);
        if (scaled && modes.size() > 1) {
            throw new IllegalArgumentException("--tenants, --sweep and --probe run one mode: --mode cached or naive");
        }
        Scale scale = new Scale(
                List.copyOf(points), zipf, inProgress, adminToken, probe, probeRate, probeDuration, probeTenants);
        return new BenchOptions(
                rate,
                duration,
                warmup,
                timeScale,
                modes,
                gatewayUrl,
                simUrl,
                seed,
                out,
                mix,
                sim,
                requestTimeout,
                drainTimeout,
                launch,
                scale,
                help);
    }

    /** A copy for one point of a sweep. */
    BenchOptions withTenants(int tenants) {
        return new BenchOptions(
                callsPerSecond,
                duration,
                warmup,
                timeScale,
                modes,
                gatewayUrl,
                simUrl,
                seed,
                out,
                mix,
                simConfig,
                requestTimeout,
                drainTimeout,
                gatewayLaunch,
                new Scale(
                        List.of(tenants),
                        scale.zipfExponent(),
                        scale.callsInProgress(),
                        scale.adminToken(),
                        scale.probe(),
                        scale.probeRate(),
                        scale.probeDuration(),
                        scale.probeTenants()),
                help);
    }

    /** Businesses of this run (the single point), 0 for the classic two-tenant run. */
    int tenants() {
        return scale.points().size() == 1 ? scale.points().get(0) : 0;
    }

    private static List<Integer> sweep(String name, String value) {
        List<Integer> points = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                points.add((int) positive(name, integer(name, part.trim())));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(name + " needs business counts, e.g. 10,100,1000");
        }
        return points;
    }

    private static double nonNegative(String name, double v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + v);
        }
        return v;
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 1500ms}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT1M30S}. */
    static Duration duration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            }
            if (v.endsWith("h")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 3_600_000));
            }
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a duration: " + value);
        }
    }

    private static double number(String name, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    private static long integer(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not an integer: " + value);
        }
    }

    private static double positive(String name, double v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
        return v;
    }

    private static double[] pair(String name, String value) {
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(name + " must be median,p99 in ms, e.g. 300,1200");
        }
        double median = positive(name, number(name, parts[0].trim()));
        double p99 = positive(name, number(name, parts[1].trim()));
        if (p99 < median) {
            throw new IllegalArgumentException(name + ": p99 must not be below the median");
        }
        return new double[] {median, p99};
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
