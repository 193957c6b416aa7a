package io.slotline.appointments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Our copy of a Cal.com booking, with who booked it on which call. Instants are UTC. */
public record Appointment(
        long id,
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
        @Nullable Long rescheduledFromId,
        int rescheduleCount,
        @Nullable String cancellationReason,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt) {}
