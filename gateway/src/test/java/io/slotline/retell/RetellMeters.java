package io.slotline.retell;

import io.micrometer.core.instrument.MeterRegistry;

/** For tests of what operations read: gives Retell's webhook and signature meters their series. */
public final class RetellMeters {

    private RetellMeters() {}

    public static void exercise(MeterRegistry registry) {
        RetellMetrics metrics = new RetellMetrics(registry);
        metrics.retellWebhook("call_ended", "processed");
        metrics.signatureRejected("mismatch");
    }
}
