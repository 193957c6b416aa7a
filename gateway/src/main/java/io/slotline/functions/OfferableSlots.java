package io.slotline.functions;

import io.slotline.availability.Availability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What a caller can be offered from..to: the calendar's free slots less those other calls hold; for a service in
 * steps the starts where every step fits ({@link StepDesk} counts the other calls' holds itself).
 */
@Component
class OfferableSlots {

    private final SlotDesk desk;
    private final HeldHosts heldHosts;
    private final StepDesk steps;

    OfferableSlots(SlotDesk desk, HeldHosts heldHosts, StepDesk steps) {
        this.desk = desk;
        this.heldHosts = heldHosts;
        this.steps = steps;
    }

    Availability between(CallContext context, SlotDesk.Subject subject, LocalDate from, LocalDate to) {
        return offerable(context, subject, from, to, () -> desk.freeSlots(context, subject.calendar(), from, to));
    }

    /** The same, the calendar asked about one time ({@link SlotDesk#freeSlotsAt}). */
    Availability around(
            CallContext context,
            SlotDesk.Subject subject,
            LocalDate from,
            LocalDate to,
            Instant start,
            boolean verify) {
        return offerable(
                context,
                subject,
                from,
                to,
                () -> desk.freeSlotsAt(context, subject.calendar(), from, to, start, verify));
    }

    private Availability offerable(
            CallContext context,
            SlotDesk.Subject subject,
            LocalDate from,
            LocalDate to,
            Supplier<Availability> calendar) {
        return subject.service().inSteps()
                ? steps.availability(context, subject, from, to)
                : heldHosts.without(context, subject, calendar.get(), heldHosts.others(context, from, to));
    }
}
