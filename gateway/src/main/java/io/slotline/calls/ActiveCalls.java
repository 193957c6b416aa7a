package io.slotline.calls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code slotline_calls_active}: the calls this instance saw start (call_started) and not yet end (call_ended or
 * call_analyzed). Summed over instances it is the calls in progress. A call whose end reached another instance,
 * or never came, stops counting after {@link #LONGEST_CALL}, well beyond any call to book an appointment.
 */
@Component
class ActiveCalls {

    static final String NAME = "slotline.calls.active";
    static final Duration LONGEST_CALL = Duration.ofHours(2);

    private final Cache<String, Boolean> active = Caffeine.newBuilder()
            .expireAfterWrite(LONGEST_CALL)
            .maximumSize(100_000)
            .build();

    ActiveCalls(MeterRegistry registry) {
        Gauge.builder(NAME, this, ActiveCalls::count)
                .description("Phone calls in progress")
                .strongReference(true)
                .register(registry);
    }

    @EventListener
    void on(CallStarted started) {
        active.put(key(started.tenant().companyId(), started.retellCallId()), Boolean.TRUE);
    }

    @EventListener
    void on(CallEnded ended) {
        active.invalidate(key(ended.tenant().companyId(), ended.retellCallId()));
    }

    private double count() {
        active.cleanUp();
        return active.estimatedSize();
    }

    private static String key(long companyId, String retellCallId) {
        return companyId + ":" + retellCallId;
    }
}
