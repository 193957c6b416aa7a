package io.slotline.calcom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.SlotlineMeterFilters;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The Cal.com circuit breakers as {@code slotline.calcom.circuitbreaker.*} (names and tags fixed by CONTRACTS.md)
 * and their state transitions; {@link CalcomHealthIndicator} reads the breakers bound here. How many accounts keep
 * their per-breaker detail is {@link SlotlineMeterFilters#boundedCircuitBreakers}'s.
 */
class CircuitBreakerMetrics {

    static final String CIRCUIT_BREAKER_PREFIX = SlotlineMeterFilters.CIRCUIT_BREAKER_PREFIX;
    static final String CIRCUIT_BREAKER_TRANSITIONS = SlotlineMeterFilters.CIRCUIT_BREAKER_TRANSITIONS;

    static final CircuitBreakerMetricNames CIRCUIT_BREAKER_NAMES = CircuitBreakerMetricNames.custom()
            .callsMetricName(CIRCUIT_BREAKER_PREFIX + ".calls")
            .notPermittedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".not.permitted.calls")
            .stateMetricName(CIRCUIT_BREAKER_PREFIX + ".state")
            .bufferedCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".buffered.calls")
            .slowCallsMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.calls")
            .failureRateMetricName(CIRCUIT_BREAKER_PREFIX + ".failure.rate")
            .slowCallRateMetricName(CIRCUIT_BREAKER_PREFIX + ".slow.call.rate")
            .build();

    private final MeterRegistry registry;
    private final Set<CircuitBreakerRegistry> boundBreakerRegistries =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final List<CircuitBreakerRegistry> breakerRegistries = new CopyOnWriteArrayList<>();

    CircuitBreakerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Publishes every circuit breaker of {@code breakers} (present and future) as slotline.calcom.circuitbreaker.*
     * and counts its state transitions. Binding the same registry twice has no further effect.
     */
    void bindCircuitBreakers(CircuitBreakerRegistry breakers) {
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

    /** Every breaker bound so far, for the health indicator. */
    Stream<CircuitBreaker> circuitBreakers() {
        return breakerRegistries.stream().flatMap(breakers -> breakers.getAllCircuitBreakers().stream());
    }
}
