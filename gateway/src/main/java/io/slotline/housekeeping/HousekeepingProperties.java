package io.slotline.housekeeping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled                 off: nothing is ever deleted
 * @param interval                time between runs (the first run comes one interval after start-up)
 * @param idempotencyRetention    how long a book/cancel/reschedule answer is kept for a retried tool call; Retell
 *                                retries within seconds, so a week is generous
 * @param webhookEventsRetention  how long a delivered webhook's key is kept to recognise a redelivery
 * @param slotHoldsRetention      how long finished holds (booked, released or expired) are kept for inspection
 */
@ConfigurationProperties("slotline.housekeeping")
record HousekeepingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("7d") Duration idempotencyRetention,
        @DefaultValue("30d") Duration webhookEventsRetention,
        @DefaultValue("7d") Duration slotHoldsRetention) {

    HousekeepingProperties {
        for (Duration duration :
                new Duration[] {interval, idempotencyRetention, webhookEventsRetention, slotHoldsRetention}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("slotline.housekeeping durations must be positive");
            }
        }
    }

    Duration retentionOf(ExpiringRecords.Retention retention) {
        return switch (retention) {
            case IDEMPOTENCY -> idempotencyRetention;
            case WEBHOOK_EVENTS -> webhookEventsRetention;
            case SLOT_HOLDS -> slotHoldsRetention;
        };
    }
}
