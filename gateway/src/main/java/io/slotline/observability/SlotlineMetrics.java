package io.slotline.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Meters of the availability cache, Retell's webhooks and signatures, and the Cal.com circuit breakers (names and
 * tags fixed by CONTRACTS.md). The Retell functions are metered by {@code io.slotline.functions.FunctionMetrics},
 * Cal.com's requests and rate limits by the Cal.com client itself ({@code io.slotline.calcom.HttpCalcomClient}),
 * calls in progress by {@code io.slotline.calls.ActiveCalls}. Every tag value that comes from a caller is bounded, so no input can create
 * an unbounded number of series. Histogram buckets and percentiles come from {@link SlotlineMeterFilters}.
 */
public class SlotlineMetrics {

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
    public static final String CACHE_ENTRIES = "slotline.cache.entries";
    public static final String WARM_UP_REQUESTS = "slotline.warmup.requests";
    public static final String AVAILABILITY_PREFETCHES_DROPPED = "slotline.availability.prefetches.dropped";

    static final CircuitBreakerMetricNames CIRCUIT_BREAKER_NAMES = CircuitBreakerMetricNames.custom()
            .callsMetricName(CIRCUIT_BREAKER_PREFIX + ".calls")
            .notPermittedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".not.permitted.calls")
            .stateMetricName(CIRCUIT_BREAKER_PREFIX + ".state")
            .bufferedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".buffered.calls")
            .slowCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.calls")
            .failureRateMetricName(CIRCUIT_BREAKER_PREFIX + ".failure.rate")
            .slowCallRateMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.call.rate")
            .build();

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
        Counter.builder(AVAILABILITY_PREFETCHES_DROPPED)
                .description("Prefetches not queued because the prefetch queue was full")
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

    // --- Cal.com circuit breakers
    // ----------------------------------------------------------------------------------------------

    /**
     * Publishes every circuit breaker of {@code breakers} (present and future) as slotline.calcom.circuitbreaker.*
     * and counts its state transitions. Binding the same registry twice has no further effect.
     */
    public void bindCircuitBreakers(CircuitBreakerRegistry breakers) {
        if (!boundBreakerRegistries.add(breakers)) {
            return;
        }
        breakerRegistries.add(breakers);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(CIRCUIT_BREAKER_NAMES, breakers)
                .bindTo(registry);
        breakers.getAllCircuitBreakers().forEach(this::countTransitions);
        breakers.getEventPublisher()
                .onEntryAdded(event -> countTransitions(event.getAddedEntry()))
                .onEntryReplaced(event -> countTransitions(event.getNewEntry()));
    }

    private void countTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher()
                .onStateTransition(event -> Counter.builder(CIRCUIT_BREAKER_TRANSITIONS)
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

    /**
     * Cal.com requests the ringing phone's warm-up made: {@code what} is "slots" (a prefetch; 0 when memory already
     * had the days) or "event_types" (buffers and hosts).
     */
    public void warmUpRequests(String what, int requests) {
        Counter.builder(WARM_UP_REQUESTS)
                .description("Cal.com requests made by the warm-up while the phone rings")
                .tag("what", what)
                .register(registry)
                .increment(requests);
    }

    /** A prefetch not queued because the queue was full: that calendar is fetched when a caller asks. */
    public void prefetchDropped() {
        registry.counter(AVAILABILITY_PREFETCHES_DROPPED).increment();
    }

    /**
     * Entries an in-process cache holds (read at each scrape): {@code cache} is e.g. "availability_days" or
     * "tenants". What grows with the number of businesses, and what its size limit evicts.
     */
    public <T> void cacheEntries(String cache, T owner, java.util.function.ToDoubleFunction<T> entries) {
        Gauge.builder(CACHE_ENTRIES, owner, entries)
                .description("Entries in an in-process cache")
                .tag("cache", cache)
                .register(registry);
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
