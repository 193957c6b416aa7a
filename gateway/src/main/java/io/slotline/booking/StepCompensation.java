package io.slotline.booking;

import io.slotline.availability.BusyChange;
import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.tenancy.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Undoes a service in steps that cannot be booked whole: what Cal.com holds of it is cancelled again, so that no
 * caller is left with half an appointment.
 */
@Component
class StepCompensation {

    private static final Logger log = LoggerFactory.getLogger(StepCompensation.class);

    private final CalcomApi calcom;
    private final BookingAttempts attempts;
    private final OurBookings ours;
    private final BookingRecorder recorder;

    StepCompensation(CalcomApi calcom, BookingAttempts attempts, OurBookings ours, BookingRecorder recorder) {
        this.calcom = calcom;
        this.attempts = attempts;
        this.ours = ours;
        this.recorder = recorder;
    }

    /**
     * Cancels every step Cal.com holds under the attempt (booked ones by their uid, sent ones looked up by their
     * request id), in reverse order, then settles the attempt as not booked. Idempotent and recorded: the attempt is
     * marked compensating first and each step as cancelled once Cal.com confirms, so a crash halfway is finished by
     * the next retry or the reconciler.
     *
     * @return true when nothing of the attempt is left in Cal.com
     */
    boolean compensate(BookingService.BookingRequest request, String key, String why) {
        attempts.markCompensating(key);
        boolean done = true;
        List<BookingAttempts.StepRow> rows = new ArrayList<>(attempts.steps(key));
        Collections.reverse(rows);
        for (BookingAttempts.StepRow row : rows) {
            switch (row.state()) {
                case CANCELLED, NOT_BOOKED -> {
                    continue;
                }
                case PLANNED -> {
                    attempts.stepCancelled(key, row.step());
                    continue;
                }
                default -> {}
            }
            BookingService.StepBooking step = request.steps().stream()
                    .filter(s -> s.step() == row.step())
                    .findFirst()
                    .orElse(null);
            String uid = row.bookingUid();
            if (uid == null && step != null) {
                try {
                    uid = ours.findStep(request, step, row.requestId())
                            .map(Booking::uid)
                            .orElse(null);
                } catch (CalcomException e) {
                    done = false;
                    continue;
                }
            }
            if (uid == null) {
                attempts.stepCancelled(key, row.step());
                continue;
            }
            if (cancelStep(request, uid, why)) {
                attempts.stepCancelled(key, row.step());
                recorder.tellAvailability(
                        request,
                        BusyChange.freed(
                                request.company().id(),
                                row.start(),
                                row.end(),
                                request.zone(),
                                step == null ? null : step.calendar().eventTypeId(),
                                row.host()));
                log.info(
                        "step {} of booking {} (call {}) cancelled again: {}",
                        row.step(),
                        key,
                        request.retellCallId(),
                        why);
            } else {
                done = false;
            }
        }
        if (done) {
            recorder.settleNotBooked(request, key, why + "; the steps booked before were cancelled again");
        }
        return done;
    }

    /** Cancels one step's booking; true when Cal.com has it cancelled (now or before). */
    private boolean cancelStep(BookingService.BookingRequest request, String uid, String why) {
        CalcomAccount account = request.calendar().account();
        String reason = request.company().language() == Language.DE
                ? "Automatisch storniert: ein späterer Schritt des Termins war nicht buchbar (" + why + ")"
                : "Cancelled automatically: a later step of the appointment could not be booked (" + why + ")";
        try {
            calcom.cancel(account, uid, reason.length() > 500 ? reason.substring(0, 500) : reason);
            return true;
        } catch (CalcomException.BadRequest | CalcomException.NotFound | CalcomException.SlotUnavailable e) {
            try {
                return calcom.getBooking(account, uid).status() == BookingStatus.CANCELLED;
            } catch (CalcomException lookup) {
                return false;
            }
        } catch (CalcomException e) {
            log.warn(
                    "could not cancel step booking {} of company {}: {}",
                    uid,
                    request.company().slug(),
                    e.getMessage());
            return false;
        }
    }
}
