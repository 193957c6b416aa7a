package io.slotline.sim.config;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Response delay of an endpoint group: none, a fixed delay, or log-normal given its median and 99th percentile
 * ({@code mu = ln(median)}, {@code sigma = ln(p99 / median) / 2.326}, 2.326 being the standard normal's 99th
 * percentile). JSON: {@code {"type":"fixed","ms":200}} or {@code {"type":"lognormal","medianMs":300,"p99Ms":2000}}.
 */
public record LatencyModel(String type, long ms, long medianMs, long p99Ms) {

    public static final String NONE = "none";
    public static final String FIXED = "fixed";
    public static final String LOGNORMAL = "lognormal";
    /** z of the 99th percentile of the standard normal distribution. */
    static final double Z_99 = 2.326;
    /** Upper bound of a sampled delay, so a heavy tail cannot hold a response for minutes. */
    static final long MAX_SAMPLE_MS = 120_000;

    public LatencyModel(@Nullable String type, long ms, long medianMs, long p99Ms) {
        this.type = type == null ? NONE : type;
        this.ms = ms;
        this.medianMs = medianMs;
        this.p99Ms = p99Ms;
        switch (this.type) {
            case NONE -> {}
            case FIXED -> {
                if (ms < 0) {
                    throw new IllegalArgumentException("fixed latency ms must not be negative");
                }
            }
            case LOGNORMAL -> {
                if (medianMs <= 0 || p99Ms < medianMs) {
                    throw new IllegalArgumentException("lognormal latency needs 0 < medianMs <= p99Ms");
                }
            }
            default ->
                throw new IllegalArgumentException("latency type must be none, fixed or lognormal, got " + this.type);
        }
    }

    public static LatencyModel none() {
        return new LatencyModel(NONE, 0, 0, 0);
    }

    public static LatencyModel fixed(long ms) {
        return new LatencyModel(FIXED, ms, 0, 0);
    }

    public static LatencyModel logNormal(long medianMs, long p99Ms) {
        return new LatencyModel(LOGNORMAL, 0, medianMs, p99Ms);
    }

    /** Location parameter of the log-normal distribution (0 for other types). */
    public double mu() {
        return LOGNORMAL.equals(type) ? Math.log(medianMs) : 0;
    }

    /** Scale parameter of the log-normal distribution (0 for other types). */
    public double sigma() {
        return LOGNORMAL.equals(type) ? Math.log((double) p99Ms / medianMs) / Z_99 : 0;
    }

    public long sampleMillis(RandomGenerator random) {
        return switch (type) {
            case FIXED -> ms;
            case LOGNORMAL -> Math.min(MAX_SAMPLE_MS, Math.round(Math.exp(mu() + sigma() * random.nextGaussian())));
            default -> 0;
        };
    }
}
