package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CalcomHealthIndicatorTest {

    private final CircuitBreakerMetrics metrics = new CircuitBreakerMetrics(new SimpleMeterRegistry());
    private final CalcomHealthIndicator indicator = new CalcomHealthIndicator(metrics);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    @Test
    void upBeforeAnyBreakerExists() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("degraded", false);
    }

    @Test
    void upWithEachBreakersStateWhileClosed() {
        metrics.bindCircuitBreakers(breakers);
        breakers.circuitBreaker("calcom-demo");

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(breaker(health, "calcom-demo")).containsEntry("state", "CLOSED");
    }

    @Test
    void unknownAndDegradedWhenABreakerIsOpen() {
        metrics.bindCircuitBreakers(breakers);
        breakers.circuitBreaker("calcom-demo");
        breakers.circuitBreaker("calcom-other").transitionToOpenState();

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("degraded", true);
        assertThat(breaker(health, "calcom-other")).containsEntry("state", "OPEN");
        assertThat(breaker(health, "calcom-demo")).containsEntry("state", "CLOSED");
    }

    @Test
    void halfOpenIsStillUpBecauseTrialCallsGoThrough() {
        metrics.bindCircuitBreakers(breakers);
        breakers.circuitBreaker("calcom-demo").transitionToOpenState();
        breakers.circuitBreaker("calcom-demo").transitionToHalfOpenState();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> breaker(Health health, String name) {
        Map<String, Object> breakers = (Map<String, Object>) health.getDetails().get("breakers");
        return (Map<String, Object>) breakers.get(name);
    }
}
