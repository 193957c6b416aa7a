package io.slotline.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Meters of the Retell functions, the availability cache, Retell's webhooks and signatures, and the Cal.com
 * circuit breakers (names and tags fixed by CONTRACTS.md). Cal.com's requests and rate limits are metered by the
 * Cal.com client itself ({@code io.slotline.calcom.HttpCalcomClient}), calls in progress by
 * {@code io.slotline.calls.ActiveCalls}. Every tag value that comes from a caller is bounded, so no input can create
 * an unbounded number of series. Histogram buckets and percentiles come from {@link SlotlineMeterFilters}.
 */
public class SlotlineMetrics {

    public static final String FUNCTION_DURATION = "slotline.function.duration";
    public static final String FUNCTION_OUTCOMES = "slotline.function.outcomes";
    public static final String CALCOM_REQUESTS = "slotline.calcom.requests";
    public static final String CIRCUIT_BREAKER_PREFIX = "slotline.calcom.circuitbreaker";
    public static final String CIRCUIT_BREAKER_TRANSITIONS = CIRCUIT_BREAKER_PREFIX + ".transitions";
    public static final String AVAILABILITY_CACHE = "slotline.availability.cache";
    public static final String AVAILABILITY_REFRESHES = "slotline.availability.refreshes";
    public static final String AVAILABILITY_COALESCED = "slotline.availability.coalesced";
    public static final String AVAILABILITY_PREFETCHES = "slotline.availability.prefetches";
    public static final String AVAILABILITY_INVALIDATIONS = "slotline.availability.invalidations";
    public static final String AVAILABILITY_CHANGES = "slotline.availability.changes";
    public static final String RETELL_WEBHOOKS = "slotline.retell.webhooks";
    public static final String SIGNATURE_REJECTIONS = "slotline.retell.signature.rejections";

    /** The Retell functions Slotline serves; their series exist from startup so dashboards and alerts see zeros. */
    public static final List<String> FUNCTIONS = List.of(
            "check_availability",
            "get_alternatives",
            "find_next_available",
            "book_appointment",
            "cancel_appointment",
            "reschedule_appointment",
            "list_services",
            "get_appointments",
            "check_customer",
            "request_callback",
            "get_current_context");

    static final CircuitBreakerMetricNames CIRCUIT_BREAKER_NAMES = CircuitBreakerMetricNames.custom()
            .callsMetricName(CIRCUIT_BREAKER_PREFIX + ".calls")
            .notPermittedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".not.permitted.calls")
            .stateMetricName(CIRCUIT_BREAKER_PREFIX + ".state")
            .bufferedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".buffered.calls")
            .slowCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.calls")
            .failureRateMetricName(CIRCUIT_BREAKER_PREFIX + ".failure.rate")
            .slowCallRateMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.call.rate")
            .build();

    /** How a function call ended, as seen by the caller. */
    public enum Outcome {
        /** The function did what was asked ({@code ok: true}). */
        OK,
        /** A regular business answer the agent must handle ({@code ok: false}), e.g. the slot was taken. */
        NOT_OK,
        /** The request itself was invalid (bad signature aside): missing arguments, unknown tenant. */
        CLIENT_ERROR,
        /** Slotline or Cal.com failed. */
        SERVER_ERROR;

        public String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why cached availability was dropped. */
    public enum InvalidationSource {
        OWN_BOOKING,
        WEBHOOK,
        TTL;

        public String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    private final BoundedTagValues functions = new BoundedTagValues(Set.copyOf(FUNCTIONS), 10, "unknown");
    private final BoundedTagValues reasons = new BoundedTagValues(
            Set.of("none", "slot_taken", "unknown_service", "invalid_date", "calcom_unavailable", "not_found"),
            30,
            "none");
    private final BoundedTagValues webhookEvents =
            new BoundedTagValues(Set.of("call_started", "call_ended", "call_analyzed"), 10, "unknown");
    private final BoundedTagValues webhookOutcomes =
            new BoundedTagValues(Set.of("processed", "duplicate", "ignored", "rejected"), 0, "unknown");
    private final BoundedTagValues signatureReasons =
            new BoundedTagValues(Set.of("missing", "malformed", "stale", "mismatch"), 0, "unknown");

    private final Set<CircuitBreakerRegistry> boundBreakerRegistries =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final List<CircuitBreakerRegistry> breakerRegistries = new CopyOnWriteArrayList<>();

    public SlotlineMetrics(MeterRegistry registry) {
        this.registry = registry;
        preRegister();
    }

    private void preRegister() {
        for (String function : FUNCTIONS) {
            for (Outcome outcome : Outcome.values()) {
                functionTimer(function, outcome);
            }
            outcomeCounter(function, Outcome.OK, "none");
        }
        for (String result : List.of("hit", "miss", "stale")) {
            cacheCounter(result);
        }
        Counter.builder(AVAILABILITY_REFRESHES)
                .description("Availability ranges fetched from Cal.com")
                .register(registry);
        Counter.builder(AVAILABILITY_COALESCED)
                .description("Availability lookups that joined an in-flight fetch instead of starting one")
                .register(registry);
        Counter.builder(AVAILABILITY_PREFETCHES)
                .description("Availability ranges fetched ahead of a request")
                .register(registry);
        for (InvalidationSource source : InvalidationSource.values()) {
            invalidationCounter(source);
        }
        for (boolean applied : new boolean[] {true, false}) {
            changeCounter(applied);
        }
        for (String event : List.of("call_started", "call_ended", "call_analyzed")) {
            for (String outcome : List.of("processed", "duplicate", "ignored", "rejected")) {
                webhookCounter(event, outcome);
            }
        }
        for (String reason : List.of("missing", "malformed", "stale", "mismatch")) {
            signatureCounter(reason);
        }
    }

    // --- Retell functions -------------------------------------------------------------------------------------

    public Timer.Sample startFunction() {
        return Timer.start(registry);
    }

    /** Stops {@code sample} and records the call; returns the measured duration (useful for a log line). */
    public Duration recordFunction(Timer.Sample sample, String function, Outcome outcome, @Nullable String reason) {
        String functionTag = functions.tag(function);
        long nanos = sample.stop(functionTimer(functionTag, outcome));
        outcomeCounter(functionTag, outcome, reasons.tag(reason)).increment();
        return Duration.ofNanos(nanos);
    }

    /**
     * @param reason why the call ended this way, snake_case, e.g. slot_taken, unknown_service, invalid_date,
     *     calcom_unavailable, not_found; null means "none"
     */
    public void recordFunction(String function, Outcome outcome, @Nullable String reason, Duration duration) {
        String functionTag = functions.tag(function);
        functionTimer(functionTag, outcome).record(duration);
        outcomeCounter(functionTag, outcome, reasons.tag(reason)).increment();
    }

    private Timer functionTimer(String functionTag, Outcome outcome) {
        return Timer.builder(FUNCTION_DURATION)
                .description("Time to answer a Retell function call")
                .tag("function", functionTag)
                .tag("outcome", outcome.tagValue())
                .register(registry);
    }

    private Counter outcomeCounter(String functionTag, Outcome outcome, String reasonTag) {
        return Counter.builder(FUNCTION_OUTCOMES)
                .description("Retell function calls by outcome and reason")
                .tag("function", functionTag)
                .tag("outcome", outcome.tagValue())
                .tag("reason", reasonTag)
                .register(registry);
    }

    // --- Cal.com circuit breakers ----------------------------------------------------------------------------------------------

    /**
     * Publishes every circuit breaker of {@code breakers} (present and future) as slotline.calcom.circuitbreaker.*
     * and counts its state transitions. Binding the same registry twice has no further effect.
     */
    public void bindCircuitBreakers(CircuitBreakerRegistry breakers) {
        if (!boundBreakerRegistries.add(breakers)) {
            return;
        }
        breakerRegistries.add(breakers);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(CIRCUIT_BREAKER_NAMES, breakers).bindTo(registry);
        breakers.getAllCircuitBreakers().forEach(this::countTransitions);
        breakers.getEventPublisher()
                .onEntryAdded(event -> countTransitions(event.getAddedEntry()))
                .onEntryReplaced(event -> countTransitions(event.getNewEntry()));
    }

    private void countTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> Counter.builder(CIRCUIT_BREAKER_TRANSITIONS)
                .description("Cal.com circuit breaker state changes")
                .tag("name", breaker.getName())
                .tag("from", stateTag(event.getStateTransition().getFromState()))
                .tag("to", stateTag(event.getStateTransition().getToState()))
                .register(registry)
                .increment());
    }

    private static String stateTag(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** Every breaker bound so far, for the calcom health indicator. */
    Stream<CircuitBreaker> circuitBreakers() {
        return breakerRegistries.stream().flatMap(breakers -> breakers.getAllCircuitBreakers().stream());
    }

    // --- Availability cache -----------------------------------------------------------------------------------

    public void cacheHit() {
        cacheCounter("hit").increment();
    }

    public void cacheMiss() {
        cacheCounter("miss").increment();
    }

    /** Served from cache although expired, while a refresh runs (stale-while-revalidate). */
    public void cacheStale() {
        cacheCounter("stale").increment();
    }

    public void refresh() {
        registry.counter(AVAILABILITY_REFRESHES).increment();
    }

    public void coalesced() {
        registry.counter(AVAILABILITY_COALESCED).increment();
    }

    public void prefetch() {
        registry.counter(AVAILABILITY_PREFETCHES).increment();
    }

    public void invalidation(InvalidationSource source) {
        invalidationCounter(source).increment();
    }

    /** A booking change was applied to the cached days ({@code true}) or some days had to be dropped. */
    public void availabilityChange(boolean applied) {
        changeCounter(applied).increment();
    }

    private Counter changeCounter(boolean applied) {
        return Counter.builder(AVAILABILITY_CHANGES)
                .description("Booking changes applied to cached availability, or that dropped days instead")
                .tag("result", applied ? "applied" : "dropped")
                .register(registry);
    }

    private Counter cacheCounter(String result) {
        return Counter.builder(AVAILABILITY_CACHE)
                .description("Availability lookups by cache result")
                .tag("result", result)
                .register(registry);
    }

    private Counter invalidationCounter(InvalidationSource source) {
        return Counter.builder(AVAILABILITY_INVALIDATIONS)
                .description("Cached availability ranges dropped")
                .tag("source", source.tagValue())
                .register(registry);
    }

    // --- Retell webhooks and signatures -------------------------------------------------------------------------

    /**
     * @param event the Retell event, e.g. call_started, call_ended, call_analyzed
     * @param outcome processed, duplicate, ignored or rejected
     */
    public void retellWebhook(@Nullable String event, String outcome) {
        webhookCounter(webhookEvents.tag(event), webhookOutcomes.tag(outcome)).increment();
    }

    /** @param reason missing, malformed, stale or mismatch */
    public void signatureRejected(String reason) {
        signatureCounter(signatureReasons.tag(reason)).increment();
    }

    private Counter webhookCounter(String event, String outcome) {
        return Counter.builder(RETELL_WEBHOOKS)
                .description("Retell webhooks received")
                .tag("event", event)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter signatureCounter(String reason) {
        return Counter.builder(SIGNATURE_REJECTIONS)
                .description("Requests refused because of the X-Retell-Signature header")
                .tag("reason", reason)
                .register(registry);
    }
}
