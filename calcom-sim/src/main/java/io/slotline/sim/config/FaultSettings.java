package io.slotline.sim.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Injected failures of an endpoint group, each a probability per request.
 *
 * @param errorRate answer 500 (InternalServerErrorException envelope) without doing anything
 * @param timeoutRate do the work, then hold the response for {@code timeoutMs} instead of the sampled latency
 * @param timeoutMs how long a timeout fault holds the response (default 30 s when bound from properties)
 * @param rateLimitRate answer 429 ThrottlerException regardless of the remaining budget
 * @param malformedRate do the work, then send only the first half of the JSON body
 */
public record FaultSettings(
        double errorRate,
        double timeoutRate,
        @DefaultValue("30000") long timeoutMs,
        double rateLimitRate,
        double malformedRate) {

    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    static final long MAX_TIMEOUT_MS = 300_000;

    public FaultSettings {
        for (double rate : new double[] {errorRate, timeoutRate, rateLimitRate, malformedRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are probabilities between 0 and 1");
            }
        }
        if (timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("timeoutMs must be between 0 and " + MAX_TIMEOUT_MS);
        }
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, DEFAULT_TIMEOUT_MS, 0, 0);
    }

    public FaultSettings withErrorRate(double rate) {
        return new FaultSettings(rate, timeoutRate, timeoutMs, rateLimitRate, malformedRate);
    }

    public FaultSettings withTimeout(double rate, long holdMs) {
        return new FaultSettings(errorRate, rate, holdMs, rateLimitRate, malformedRate);
    }

    public FaultSettings withRateLimitRate(double rate) {
        return new FaultSettings(errorRate, timeoutRate, timeoutMs, rate, malformedRate);
    }

    public FaultSettings withMalformedRate(double rate) {
        return new FaultSettings(errorRate, timeoutRate, timeoutMs, rateLimitRate, rate);
    }
}
