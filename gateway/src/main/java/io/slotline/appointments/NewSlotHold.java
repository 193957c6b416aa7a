package io.slotline.appointments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A hold to claim: {@code host} from {@code startsAt} to {@code endsAt}, for one call, until {@code expiresAt}. */
public record NewSlotHold(
        long companyId,
        String retellCallId,
        long serviceId,
        @Nullable Long staffId,
        String host,
        Instant startsAt,
        Instant endsAt,
        Instant expiresAt) {

    public NewSlotHold {
        Objects.requireNonNull(retellCallId, "retellCallId");
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.length() > 128) {
            throw new IllegalArgumentException("host must be 1..128 characters");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a hold ends after it starts");
        }
    }
}
