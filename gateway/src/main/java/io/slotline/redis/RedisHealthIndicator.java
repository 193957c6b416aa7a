package io.slotline.redis;

import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health "redis", part of readiness: UP while Redis answers, DEGRADED (which readiness does not count, so it stays
 * UP) while it is away. Taking every instance out of the load balancer because the shared accelerator is gone would
 * silence every phone line at once, while each instance answers well enough without it.
 */
final class RedisHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status(
            "DEGRADED",
            "Redis unavailable: each instance goes on with its own memory, its own Cal.com budget and Cal.com");

    private final RedisGuard guard;
    private final Supplier<String> ping;

    RedisHealthIndicator(RedisGuard guard, Supplier<String> ping) {
        this.guard = guard;
        this.ping = ping;
    }

    @Override
    public Health health() {
        if (guard.available()) {
            try {
                // through the guard: an idle instance notices an outage here first
                guard.call(ping);
                return Health.up()
                        .withDetail("state", RedisGuard.State.AVAILABLE.name())
                        .build();
            } catch (RedisUnavailableException e) {
                // reported below
            }
        }
        Health.Builder health =
                Health.status(DEGRADED).withDetail("state", guard.state().name());
        if (guard.unavailableSince() != null) {
            health.withDetail("since", guard.unavailableSince().toString());
        }
        if (guard.lastProblem() != null) {
            health.withDetail("problem", guard.lastProblem());
        }
        return health.withDetail("note", DEGRADED.getDescription()).build();
    }
}
