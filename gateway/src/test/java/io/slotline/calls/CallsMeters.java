package io.slotline.calls;

import io.micrometer.core.instrument.MeterRegistry;

/** For tests of what operations read: the calls feature's meters. */
public final class CallsMeters {

    private CallsMeters() {}

    public static void register(MeterRegistry registry) {
        new ActiveCalls(registry);
    }
}
