package io.slotline.housekeeping;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs {@link Housekeeping} every {@code slotline.housekeeping.interval}, the first time one interval after start. */
@Component
@ConditionalOnProperty(name = "slotline.housekeeping.enabled", havingValue = "true", matchIfMissing = true)
class HousekeepingScheduling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HousekeepingScheduling.class);

    private final ScheduledExecutorService scheduler;

    HousekeepingScheduling(Housekeeping housekeeping, HousekeepingProperties properties) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        housekeeping.run();
                    } catch (RuntimeException e) {
                        // a failed pass must not end the schedule
                        log.warn("Housekeeping pass failed", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
