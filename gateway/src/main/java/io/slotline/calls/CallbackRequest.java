package io.slotline.calls;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A caller asked to be called back by a person (the agent could not help, or the caller wanted a human). */
public record CallbackRequest(long id, long companyId, @Nullable Long branchId, @Nullable Long callId,
        @Nullable Long customerId, String customerName, @Nullable String phone, String reason,
        @Nullable String preferredTime, Status status, Instant createdAt) {

    public enum Status { OPEN, DONE }
}
