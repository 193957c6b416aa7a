package io.slotline.calcom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports the Cal.com circuit breakers as health "calcom". Deliberately outside the readiness group: an open
 * breaker is shared by every instance, so failing readiness would take them all out of the load balancer at once,
 * while the gateway can still answer from cache and tell callers politely that booking is unavailable.
 * UNKNOWN (not DOWN) when a breaker is open, so the overall status stays UP.
 */
@Component
class CalcomHealthIndicator implements HealthIndicator {

    private final CircuitBreakerMetrics metrics;

    CalcomHealthIndicator(CircuitBreakerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        List<CircuitBreaker> breakers = metrics.circuitBreakers().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean degraded = false;
        for (CircuitBreaker breaker : breakers) {
            CircuitBreaker.State state = breaker.getState();
            degraded |= state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
            details.put(breaker.getName(), breakerDetails(breaker));
        }
        Health.Builder health = degraded ? Health.status(Status.UNKNOWN) : Health.up();
        health.withDetail("degraded", degraded).withDetail("breakers", details);
        if (breakers.isEmpty()) {
            health.withDetail("note", "no Cal.com request made yet");
        }
        if (degraded) {
            health.withDetail("note", "Cal.com circuit open: serving cached availability, bookings fail fast");
        }
        return health.build();
    }

    private static Map<String, Object> breakerDetails(CircuitBreaker breaker) {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", breaker.getState().name());
        // -1 until the sliding window has enough calls to compute a rate
        details.put("failureRate", m.getFailureRate());
        details.put("slowCallRate", m.getSlowCallRate());
        details.put("bufferedCalls", m.getNumberOfBufferedCalls());
        details.put("notPermittedCalls", m.getNumberOfNotPermittedCalls());
        return details;
    }
}
