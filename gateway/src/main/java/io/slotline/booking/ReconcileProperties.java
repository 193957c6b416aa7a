package io.slotline.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciling booking attempts whose outcome is unknown ({@code slotline.booking.reconcile.*}).
 *
 * @param after    how long an attempt stays pending before the reconciler may settle it: longer than a create
 *                 request and its lookup can take (connect + bookings read timeout, twice), so that it never settles
 *                 an attempt whose answer is still on its way to a live instance
 * @param interval how often each instance looks for such attempts (also once at start-up)
 * @param batch    at most this many attempts per round, oldest first
 */
@ConfigurationProperties("slotline.booking.reconcile")
public record ReconcileProperties(
        @DefaultValue("30s") Duration after,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("50") int batch) {

    public ReconcileProperties {
        if (after.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "slotline.booking.reconcile.after must not be negative, interval " + "must be positive");
        }
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("slotline.booking.reconcile.batch must be 1..1000");
        }
    }
}
