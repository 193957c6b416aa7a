package io.slotline.functions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotline.observability.BoundedTagValues;
import io.slotline.observability.SlotlineMeterFilters;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code slotline_function_duration_seconds} (function, outcome) and {@code slotline_function_outcomes_total}
 * (function, outcome, reason), names and tags fixed by CONTRACTS.md. The reason tag is a {@link Reason}; a function
 * name from the request is bounded. Every function's series exist from startup, so dashboards and alerts see zeros.
 */
@Component
public class FunctionMetrics {

    public static final String FUNCTION_DURATION = SlotlineMeterFilters.FUNCTION_DURATION;
    public static final String FUNCTION_OUTCOMES = "slotline.function.outcomes";

    /** The Retell functions Slotline serves. */
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

    private final MeterRegistry registry;
    private final BoundedTagValues functions = new BoundedTagValues(Set.copyOf(FUNCTIONS), 10, "unknown");

    public FunctionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String function : FUNCTIONS) {
            for (Outcome outcome : Outcome.values()) {
                functionTimer(function, outcome);
            }
            outcomeCounter(function, Outcome.OK, Reason.NONE);
        }
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Stops {@code sample} and records the call; returns the measured duration (useful for a log line). */
    public Duration record(Timer.Sample sample, String function, Outcome outcome, Reason reason) {
        String functionTag = functions.tag(function);
        long nanos = sample.stop(functionTimer(functionTag, outcome));
        outcomeCounter(functionTag, outcome, reason).increment();
        return Duration.ofNanos(nanos);
    }

    public void record(String function, Outcome outcome, Reason reason, Duration duration) {
        String functionTag = functions.tag(function);
        functionTimer(functionTag, outcome).record(duration);
        outcomeCounter(functionTag, outcome, reason).increment();
    }

    private Timer functionTimer(String functionTag, Outcome outcome) {
        return Timer.builder(FUNCTION_DURATION)
                .description("Time to answer a Retell function call")
                .tag("function", functionTag)
                .tag("outcome", outcome.tagValue())
                .register(registry);
    }

    private Counter outcomeCounter(String functionTag, Outcome outcome, Reason reason) {
        return Counter.builder(FUNCTION_OUTCOMES)
                .description("Retell function calls by outcome and reason")
                .tag("function", functionTag)
                .tag("outcome", outcome.tagValue())
                .tag("reason", reason.wire())
                .register(registry);
    }
}
