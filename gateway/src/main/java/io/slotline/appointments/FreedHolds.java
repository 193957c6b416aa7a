package io.slotline.appointments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A hold used for a booking keeps counting until it expires, as another instance's memory may not know the booking
 * yet. When that booking is cancelled or moved away (through us or in Cal.com), its time is free again at once: the
 * hold must not keep other callers from it for the rest of its minutes.
 */
@Component
class FreedHolds {

    private static final Logger log = LoggerFactory.getLogger(FreedHolds.class);

    private final SlotHolds holds;

    FreedHolds(SlotHolds holds) {
        this.holds = holds;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentCancelled cancelled) {
        release(cancelled.companyId(), cancelled.hostUsername(), cancelled.start(), cancelled.end());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentMoved moved) {
        release(moved.companyId(), moved.previousHost(), moved.previousStart(), moved.previousEnd());
    }

    private void release(long companyId, @Nullable String host, Instant start, Instant end) {
        if (host == null) {
            return;
        }
        try {
            holds.releaseBooked(companyId, host, start, end);
        } catch (DataAccessException e) {
            // the hold then ends when it expires, minutes from now; the cancellation itself is done
            log.warn(
                    "could not end the booked holds of {} at {} in company {}: {}",
                    host,
                    start,
                    companyId,
                    e.getMessage());
        }
    }
}
