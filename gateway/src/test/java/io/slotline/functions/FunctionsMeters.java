package io.slotline.functions;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.functions.FunctionMetrics.Outcome;
import java.time.Duration;

/** For tests of what operations read: gives the functions' meters their series. */
public final class FunctionsMeters {

    private FunctionsMeters() {}

    public static void exercise(MeterRegistry registry) {
        FunctionMetrics metrics = new FunctionMetrics(registry);
        metrics.record(metrics.start(), "check_availability", Outcome.OK, Reason.NONE);
        metrics.record("book_appointment", Outcome.NOT_OK, Reason.SLOT_TAKEN, Duration.ofMillis(180));
    }
}
