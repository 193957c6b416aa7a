package io.slotline.appointments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * @param idempotencyKey the function call's key: inserting twice with it returns the first row
 */
public record NewAppointment(
        long companyId,
        @Nullable Long branchId,
        @Nullable Long serviceId,
        @Nullable Long staffId,
        @Nullable Long customerId,
        @Nullable Long callId,
        Instant startsAt,
        Instant endsAt,
        @Nullable String calcomBookingUid,
        AppointmentStatus status,
        AppointmentSource source,
        @Nullable String idempotencyKey,
        @Nullable String notes) {

    public NewAppointment {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("appointment needs startsAt before endsAt");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new IllegalArgumentException("idempotency key must be 1..200 characters");
        }
        if (notes != null && notes.length() > 2000) {
            throw new IllegalArgumentException("notes are longer than 2000 characters");
        }
    }
}
