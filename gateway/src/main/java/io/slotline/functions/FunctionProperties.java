package io.slotline.functions;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each function must have answered ({@code slotline.functions.*}). Retell gives up after the tool
 * definition's {@code timeout_ms} and the caller then hears Retell's failure instead of our message, so every
 * deadline plus {@code network-margin} (Retell to us and back, TLS, a busy load balancer) must fit inside
 * {@code tool-timeout}, which is also the {@code timeout_ms} of the generated tool definitions.
 *
 * @param toolTimeout   {@code timeout_ms} of the tool definitions Slotline generates for Retell
 * @param networkMargin kept free between a deadline and the tool timeout
 * @param readDeadline  functions that only read (availability, appointments, context)
 * @param changeDeadline functions that change a calendar (book, cancel, reschedule): a Cal.com write takes longer
 * @param deadlines     per function name, overriding the two above
 */
@ConfigurationProperties("slotline.functions")
public record FunctionProperties(
        @DefaultValue("10s") Duration toolTimeout,
        @DefaultValue("1500ms") Duration networkMargin,
        @DefaultValue("5s") Duration readDeadline,
        @DefaultValue("8s") Duration changeDeadline,
        @DefaultValue Map<String, Duration> deadlines) {

    public FunctionProperties {
        deadlines = Map.copyOf(deadlines);
        positive(toolTimeout, "tool-timeout");
        if (networkMargin.isNegative()) {
            throw new IllegalArgumentException("slotline.functions.network-margin must not be negative");
        }
        fits(readDeadline, "read-deadline", toolTimeout, networkMargin);
        fits(changeDeadline, "change-deadline", toolTimeout, networkMargin);
        deadlines.forEach((name, deadline) -> fits(deadline, "deadlines." + name, toolTimeout, networkMargin));
    }

    public static FunctionProperties defaults() {
        return new FunctionProperties(
                Duration.ofSeconds(10),
                Duration.ofMillis(1500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(8),
                Map.of());
    }

    /** The deadline of one function. */
    public Duration deadline(FunctionHandler<?> handler) {
        Duration own = deadlines.get(handler.name());
        if (own != null) {
            return own;
        }
        return handler instanceof MutatingFunction<?> ? changeDeadline : readDeadline;
    }

    private static void fits(Duration deadline, String name, Duration toolTimeout, Duration margin) {
        positive(deadline, name);
        if (deadline.plus(margin).compareTo(toolTimeout) > 0) {
            throw new IllegalArgumentException("slotline.functions." + name + " (" + deadline.toMillis()
                    + " ms) plus the network margin (" + margin.toMillis() + " ms) must fit inside the tool timeout ("
                    + toolTimeout.toMillis() + " ms), or Retell gives up before we answer");
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("slotline.functions." + name + " must be positive");
        }
    }
}
