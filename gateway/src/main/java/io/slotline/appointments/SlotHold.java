package io.slotline.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A slot reserved in Cal.com while the caller confirms. */
public record SlotHold(long id, long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
        Instant startsAt, String reservationUid, Instant expiresAt, Status status, Instant createdAt) {

    public enum Status { HELD, BOOKED, RELEASED }
}
