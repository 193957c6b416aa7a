package io.slotline.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record NewSlotHold(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
        Instant startsAt, String reservationUid, Instant expiresAt) {
}
