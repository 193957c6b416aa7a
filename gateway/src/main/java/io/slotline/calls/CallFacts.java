package io.slotline.calls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What any source (a function call's {@code call} object or a call webhook) tells about a call. Null fields are
 * unknown and never overwrite what another event already stored.
 */
public record CallFacts(
        String retellCallId,
        long companyId,
        @Nullable Long branchId,
        @Nullable String agentId,
        @Nullable String fromNumber,
        @Nullable String toNumber,
        @Nullable String direction,
        @Nullable Instant startedAt) {

    public CallFacts {
        if (retellCallId == null || retellCallId.isBlank() || retellCallId.length() > 128) {
            throw new IllegalArgumentException("retell call id is required (max 128 characters)");
        }
    }
}
