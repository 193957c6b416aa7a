package io.slotline.booking;

import static io.slotline.booking.BookingTexts.LOCAL_TIME;
import static io.slotline.booking.BookingTexts.answeredInCall;
import static io.slotline.booking.BookingTexts.bookedText;
import static io.slotline.booking.BookingTexts.notBookedText;
import static io.slotline.booking.BookingTexts.promiseText;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.Appointments;
import io.slotline.booking.BookingService.Booked;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.booking.BookingService.BookingRequest;
import io.slotline.booking.BookingService.Pending;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.NewCallbackRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a caller hears when Cal.com has not confirmed in time: the request is taken down. A callback request records
 * that promise, tied to the attempt so that whoever settles it notes the outcome there.
 */
@Component
class BookingPromises {

    private static final Logger log = LoggerFactory.getLogger(BookingPromises.class);

    private final Appointments appointments;
    private final BookingAttempts attempts;
    private final CallbackRequests callbacks;
    private final BookingRecorder recorder;

    BookingPromises(
            Appointments appointments, BookingAttempts attempts, CallbackRequests callbacks, BookingRecorder recorder) {
        this.appointments = appointments;
        this.attempts = attempts;
        this.callbacks = callbacks;
        this.recorder = recorder;
    }

    /**
     * The caller is told the request is taken down: a callback request records that promise and is tied to the
     * attempt, so that whoever settles it notes the outcome there. One promise per attempt, however often the
     * caller asks again. When the attempt settled meanwhile, its outcome is the answer after all.
     */
    BookingOutcome promise(BookingRequest request, String key, @Nullable CompletableFuture<BookingOutcome> running) {
        long companyId = request.company().id();
        try {
            Optional<BookingAttempt> attempt = attempts.find(key);
            if (attempt.isPresent()
                    && attempt.get().state() == BookingAttempt.State.PENDING
                    && attempt.get().callbackRequestId() != null) {
                return new Pending(attempt.get().callbackRequestId());
            }
            long callbackId = callbacks
                    .create(new NewCallbackRequest(
                            companyId,
                            request.branchId(),
                            request.callId(),
                            null,
                            request.customerName(),
                            request.phone(),
                            promiseText(request),
                            request.start().atZone(request.zone()).format(LOCAL_TIME)))
                    .id();
            if (attempts.promise(request, key, callbackId)) {
                return new Pending(callbackId);
            }
            // settled between our look and our promise: answer with the outcome and say so on the callback
            Optional<Appointment> booked = appointments.findByIdempotencyKey(companyId, key);
            if (booked.isPresent()) {
                callbacks.noteOutcome(
                        companyId,
                        callbackId,
                        booked.get().id(),
                        bookedText(request.company().language(), booked.get()) + answeredInCall(request));
                callbacks.markDone(companyId, callbackId);
                return new Booked(
                        booked.get(), recorder.staffName(request, booked.get().staffId()), false);
            }
            if (running != null && running.isDone() && !running.isCompletedExceptionally()) {
                callbacks.noteOutcome(
                        companyId,
                        callbackId,
                        null,
                        notBookedText(request.company().language(), "answered in the call") + answeredInCall(request));
                callbacks.markDone(companyId, callbackId);
                return running.join();
            }
            return new Pending(callbackId);
        } catch (RuntimeException e) {
            // the database is away too: the caller still hears the promise; the attempt row (if it was written)
            // is reconciled later, and the Cal.com webhook records a booking made meanwhile
            log.warn(
                    "could not record the promise for booking {} of call {}: {}",
                    key,
                    request.retellCallId(),
                    e.toString());
            return new Pending(null);
        }
    }
}
