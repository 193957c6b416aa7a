package io.slotline.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A booking request as written before it was sent to Cal.com: enough to look the booking up again (by
 * {@code key}, Cal.com metadata {@code slotlineRequestId}) and to record it, on any instance. A service in steps
 * has a row per step besides ({@link BookingAttempts#steps}); {@code compensating}: a step was refused, so the
 * steps Cal.com holds are being cancelled and the attempt books nothing.
 */
record BookingAttempt(
        String key,
        long companyId,
        long branchId,
        long callId,
        String retellCallId,
        long serviceId,
        @Nullable Long staffId,
        Instant start,
        String customerName,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String notes,
        @Nullable String reservationUid,
        State state,
        @Nullable Long appointmentId,
        @Nullable Long callbackRequestId,
        Instant createdAt,
        Instant updatedAt,
        boolean compensating,
        @Nullable Long replacesAppointmentId) {

    enum State {
        /** Sent, or about to be: Cal.com may hold a booking under the key that we have not recorded. */
        PENDING,
        /** Recorded as {@code appointmentId}. */
        BOOKED,
        /** Cal.com refused it or has no booking under the key: nothing to record. */
        NOT_BOOKED
    }
}
