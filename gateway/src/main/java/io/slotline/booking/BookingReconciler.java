package io.slotline.booking;

import io.slotline.calcom.CalcomCallContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settles booking attempts whose outcome nobody recorded: Cal.com's answer came too late for the caller, or the
 * instance died between Cal.com's 201 and our insert. At start-up it looks up every pending attempt (a booking
 * found is recorded at once); then, every {@code slotline.booking.reconcile.interval}, the attempts pending longer
 * than {@code after}, which it also settles as not booked when Cal.com has none under their key. Every instance
 * runs it; the conditional updates in {@link BookingAttempts} and the appointment's unique key make two instances
 * settling the same attempt record it once.
 */
@Component
public class BookingReconciler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BookingReconciler.class);

    private final BookingAttempts attempts;
    private final AttemptReconciliation bookings;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    BookingReconciler(
            BookingAttempts attempts, AttemptReconciliation bookings, ReconcileProperties properties, Clock clock) {
        this.attempts = attempts;
        this.bookings = bookings;
        this.properties = properties;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "booking-reconciler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one round did. */
    public record Round(int booked, int notBooked, int stillPending) {}

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.execute(() -> safely(true));
        long every = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely(false), every, every, TimeUnit.MILLISECONDS);
    }

    private void safely(boolean startup) {
        try {
            Round round = startup ? reconcileAll() : reconcileNow();
            if (round.booked() + round.notBooked() > 0) {
                log.info(
                        "booking reconciliation{}: {} booked, {} not booked, {} still pending",
                        startup ? " at start-up" : "",
                        round.booked(),
                        round.notBooked(),
                        round.stillPending());
            }
        } catch (RuntimeException e) {
            // the database or Cal.com may be away: the next round tries again
            log.warn("booking reconciliation failed: {}", e.toString());
        }
    }

    /** Attempts pending longer than {@code after}: recorded when Cal.com has them, settled as not booked when not. */
    public Round reconcileNow() {
        return reconcile(attempts.pendingSince(clock.instant().minus(properties.after()), properties.batch()));
    }

    /** Every pending attempt (start-up): a booking found is recorded; the young ones are left to later rounds. */
    public Round reconcileAll() {
        return reconcile(attempts.pendingSince(clock.instant().plusSeconds(1), properties.batch()));
    }

    private Round reconcile(List<BookingAttempt> pending) {
        Instant giveUpBefore = clock.instant().minus(properties.after());
        int booked = 0;
        int notBooked = 0;
        int still = 0;
        // nobody waits on the phone for these: they never take budget a live caller needs
        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.background(null).bind()) {
            for (BookingAttempt attempt : pending) {
                switch (bookings.reconcile(attempt, attempt.updatedAt().isBefore(giveUpBefore))) {
                    case BOOKED -> booked++;
                    case NOT_BOOKED -> notBooked++;
                    case STILL_PENDING -> still++;
                }
            }
        }
        return new Round(booked, notBooked, still);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
