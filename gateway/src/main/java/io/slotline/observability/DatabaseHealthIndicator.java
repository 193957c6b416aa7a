package io.slotline.observability;

import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * Health "db" (Spring Boot's check, named like it so that it replaces it), part of readiness: UP while the database
 * answers, DEGRADED while it does not. DEGRADED does not count for readiness, which stays UP: the database is
 * shared by every instance, so readiness DOWN would take them all out of the load balancer at once, while each still
 * answers callers (availability from memory and Cal.com; changes refused politely until the database is back).
 */
final class DatabaseHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status(
            "DEGRADED", "database unavailable: availability is answered, changes are refused until it is back");

    private final DataSourceHealthIndicator check;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.check = new DataSourceHealthIndicator(dataSource);
    }

    @Override
    public Health health() {
        Health health = Objects.requireNonNull(check.health(true)); // an AbstractHealthIndicator always answers
        if (!Status.DOWN.equals(health.getStatus())) {
            return health;
        }
        return Health.status(DEGRADED)
                .withDetails(health.getDetails())
                .withDetail("note", DEGRADED.getDescription())
                .build();
    }
}
