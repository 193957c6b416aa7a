package io.slotline.appointments.webhook;

import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.tenancy.Company;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a verified Cal.com booking webhook, once per delivery: our appointment records follow Cal.com
 * ({@link WebhookAppointments}, in the transaction that records the delivery), and the change is published for
 * availability ({@link WebhookAvailability}), even when the records could not be written, so that the cache never
 * keeps answering from the calendar as it was.
 */
@Service
class BookingSync {

    enum Outcome {
        PROCESSED,
        DUPLICATE,
        IGNORED
    }

    private final CalcomWebhookEvents events;
    private final WebhookAppointments records;
    private final WebhookAvailability availability;
    private final TransactionTemplate transactions;

    BookingSync(
            CalcomWebhookEvents events,
            WebhookAppointments records,
            WebhookAvailability availability,
            TransactionTemplate transactions) {
        this.events = events;
        this.records = records;
        this.availability = availability;
        this.transactions = transactions;
    }

    Outcome apply(Company company, CalcomWebhookEvent event) {
        String uid = event.uid();
        if (!event.changesAvailability() || uid == null) {
            return Outcome.IGNORED;
        }
        Boolean first;
        try {
            first = transactions.execute(status -> {
                if (!events.firstDelivery(company.id(), event.triggerEvent(), uid)) {
                    return false;
                }
                records.apply(company, event, uid);
                return true;
            });
        } catch (RuntimeException e) {
            // our records stay as they were (and the delivery unrecorded), but the cache must not keep
            // answering from the calendar as it was
            availability.publish(company, event);
            throw e;
        }
        if (!Boolean.TRUE.equals(first)) {
            return Outcome.DUPLICATE;
        }
        availability.publish(company, event);
        return Outcome.PROCESSED;
    }
}
