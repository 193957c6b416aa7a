package io.slotline.calls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A caller asked to be called back by a person (the agent could not help, or the caller wanted a human), or was
 * told that a booking Cal.com had not confirmed in time will be confirmed. {@code outcome} and
 * {@code appointmentId} say what became of that request.
 */
public record CallbackRequest(
        long id,
        long companyId,
        @Nullable Long branchId,
        @Nullable Long callId,
        @Nullable Long customerId,
        String customerName,
        @Nullable String phone,
        String reason,
        @Nullable String preferredTime,
        Status status,
        @Nullable Long appointmentId,
        @Nullable String outcome,
        Instant createdAt) {

    public enum Status {
        OPEN,
        DONE
    }
}
