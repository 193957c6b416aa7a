package io.slotline.calcom;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** For tests of what operations read: gives every meter of the Cal.com client and its circuit breakers a series. */
public final class CalcomMeters {

    private CalcomMeters() {}

    /** One slots request that Cal.com answers 429 with its rate-limit headers: requests, 429s and budget. */
    public static void exercise(MeterRegistry registry) {
        try (StubCalcom stub = new StubCalcom()) {
            stub.respond(StubCalcom.Reply.json(
                    429,
                    CalcomSamples.THROTTLED,
                    Map.of(
                            "X-RateLimit-Limit-Default", "120",
                            "X-RateLimit-Remaining-Default", "0",
                            "X-RateLimit-Reset-Default", "37")));
            HttpCalcomClient client = new HttpCalcomClient(
                    CalcomProperties.defaults().withBaseUrl(stub.baseUrl()), registry, Clock.systemUTC(), false);
            try {
                client.slots(
                        new CalcomAccount("demo-salon", "cal_test_key"),
                        SlotsQuery.forLocalDays(
                                EventTypeRef.id(1001),
                                LocalDate.of(2050, 9, 5),
                                LocalDate.of(2050, 9, 5),
                                ZoneId.of("Europe/Berlin")));
                throw new AssertionError("the 429 should have been refused");
            } catch (CalcomException.RateLimited expected) {
                // the meters have it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bound breaker that opened once: its state, detail and transitions series. */
    public static void exerciseCircuitBreakers(MeterRegistry registry) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        new CircuitBreakerMetrics(registry).bindCircuitBreakers(breakers);
        breakers.circuitBreaker("calcom-demo").transitionToOpenState();
    }
}
