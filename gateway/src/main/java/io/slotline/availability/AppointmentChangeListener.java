package io.slotline.availability;

import io.slotline.appointments.AppointmentBooked;
import io.slotline.appointments.AppointmentCancelled;
import io.slotline.appointments.AppointmentDaysChanged;
import io.slotline.appointments.AppointmentMoved;
import io.slotline.appointments.AppointmentSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appointments booked, cancelled or moved (by a caller through us, or in Cal.com as its webhook tells) reach the
 * cached days once the change is committed ({@link AvailabilityService#apply}, or the days dropped when it cannot be
 * said exactly). The change is done by then: a failure here is logged and a stale day expires by its TTL.
 */
@Component
class AppointmentChangeListener {

    private static final Logger log = LoggerFactory.getLogger(AppointmentChangeListener.class);

    private final ObjectProvider<AvailabilityService> availability;

    AppointmentChangeListener(ObjectProvider<AvailabilityService> availability) {
        this.availability = availability;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentBooked booked) {
        apply(
                BusyChange.booked(
                        booked.companyId(),
                        booked.start(),
                        booked.end(),
                        booked.zone(),
                        booked.eventTypeId(),
                        booked.hostUsername()),
                booked.source());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentCancelled cancelled) {
        apply(
                BusyChange.freed(
                        cancelled.companyId(),
                        cancelled.start(),
                        cancelled.end(),
                        cancelled.zone(),
                        cancelled.eventTypeId(),
                        cancelled.hostUsername()),
                cancelled.source());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentMoved moved) {
        apply(
                BusyChange.freed(
                        moved.companyId(),
                        moved.previousStart(),
                        moved.previousEnd(),
                        moved.zone(),
                        moved.eventTypeId(),
                        moved.previousHost()),
                moved.source());
        apply(
                BusyChange.booked(
                        moved.companyId(),
                        moved.start(),
                        moved.end(),
                        moved.zone(),
                        moved.eventTypeId(),
                        moved.hostUsername()),
                moved.source());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentDaysChanged changed) {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            return;
        }
        try {
            service.invalidateCompany(changed.companyId(), changed.from(), changed.to(), source(changed.source()));
        } catch (RuntimeException e) {
            log.warn(
                    "could not invalidate availability of company {} on {}..{}",
                    changed.companyId(),
                    changed.from(),
                    changed.to(),
                    e);
        }
    }

    private void apply(BusyChange change, AppointmentSource source) {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            return;
        }
        try {
            service.apply(change, source(source));
        } catch (RuntimeException e) {
            // the change is done; a stale cache entry expires by its TTL
            log.warn("could not update availability of company {} for {}", change.companyId(), change, e);
        }
    }

    /** Cal.com's webhooks tell of changes made elsewhere; everything else is our own. */
    private static InvalidationSource source(AppointmentSource source) {
        return source == AppointmentSource.CALCOM ? InvalidationSource.WEBHOOK : InvalidationSource.OWN_BOOKING;
    }
}
