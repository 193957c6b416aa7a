package io.slotline.console;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.slotline.availability.AvailabilityMetrics;
import io.slotline.calcom.CalcomResilienceProperties;
import io.slotline.calcom.RateLimitStatus;
import io.slotline.calcom.ResilientCalcomApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Operators only: per Cal.com account the breaker and the request budget, the availability cache's hit rate,
 * P50/P95 per function over the last hour (from the function-call log, so every instance's calls count) and this
 * instance's meters as Prometheus scrapes them.
 */
@Controller
class SystemController {

    private static final Duration LAST_HOUR = Duration.ofHours(1);

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;
    private final ResilientCalcomApi calcom;
    private final CalcomResilienceProperties resilience;
    private final MeterRegistry meters;
    private final CircuitBreakerRegistry breakers;

    SystemController(
            ConsoleQueries queries,
            ConsoleViewer viewer,
            ResilientCalcomApi calcom,
            CalcomResilienceProperties resilience,
            MeterRegistry meters,
            CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
        this.queries = queries;
        this.viewer = viewer;
        this.calcom = calcom;
        this.resilience = resilience;
        this.meters = meters;
    }

    record Account(
            String company,
            String slug,
            String breaker,
            float failureRate,
            int budgetUsed,
            int budgetLimit,
            @Nullable Integer calcomRemaining,
            @Nullable Integer calcomLimit) {}

    record MeterLine(String name, String tags, String value) {}

    record CacheRate(
            double hits,
            double misses,
            double stale,
            @Nullable Double hitRate) {}

    @GetMapping("/console/system")
    String system(@AuthenticationPrincipal ConsoleUser me, Model model) {
        if (!me.operator()) {
            throw new ConsoleForbiddenException();
        }
        Scope all = me.scope(null);
        Instant now = viewer.now();
        List<Account> accounts = queries.companies(all).stream()
                .map(company -> {
                    // looked up, not created: an account that never asked Cal.com has no breaker yet
                    Optional<CircuitBreaker> breaker = breakers.find(company.slug());
                    Optional<RateLimitStatus> limits = calcom.rateLimitStatus(company.slug());
                    return new Account(
                            company.name(),
                            company.slug(),
                            breaker.map(b -> b.getState().name()).orElse("CLOSED"),
                            breaker.map(b -> b.getMetrics().getFailureRate()).orElse(-1f),
                            calcom.budgetUsed(company.slug()),
                            resilience.budget().requestsPerWindow(),
                            limits.map(status -> status.remainingAt(now)).orElse(null),
                            limits.map(RateLimitStatus::limit).orElse(null));
                })
                .toList();
        model.addAttribute("accounts", accounts);
        model.addAttribute("latencies", queries.functionLatencies(all, now.minus(LAST_HOUR)));
        model.addAttribute("cache", cacheRate());
        model.addAttribute("meters", meterLines());
        model.addAttribute("nav", "system");
        return "console/system";
    }

    private CacheRate cacheRate() {
        double hits = count("hit");
        double misses = count("miss");
        double stale = count("stale");
        double total = hits + misses + stale;
        return new CacheRate(hits, misses, stale, total == 0 ? null : (hits + stale) * 100 / total);
    }

    private double count(String result) {
        return meters.find(AvailabilityMetrics.AVAILABILITY_CACHE).tag("result", result).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** Slotline's own meters (slotline.*), one line per measurement. */
    private List<MeterLine> meterLines() {
        return meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("slotline."))
                .sorted(Comparator.comparing((Meter meter) -> meter.getId().getName())
                        .thenComparing(meter -> meter.getId().getTags().toString()))
                .flatMap(meter -> StreamSupport.stream(meter.measure().spliterator(), false)
                        .map(measurement -> new MeterLine(
                                meter.getId().getName()
                                        + (meter.measure().spliterator().getExactSizeIfKnown() == 1
                                                ? ""
                                                : "."
                                                        + measurement
                                                                .getStatistic()
                                                                .getTagValueRepresentation()),
                                meter.getId().getTags().stream()
                                        .map(Tag::getKey)
                                        .map(key -> key + "=" + meter.getId().getTag(key))
                                        .reduce((a, b) -> a + ", " + b)
                                        .orElse(""),
                                format(measurement.getValue()))))
                .toList();
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
