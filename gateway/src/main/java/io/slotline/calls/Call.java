package io.slotline.calls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One phone call as merged from function calls and Retell's call webhooks, in whatever order they came. */
public record Call(
        long id,
        String retellCallId,
        long companyId,
        @Nullable Long branchId,
        @Nullable Long customerId,
        @Nullable String agentId,
        @Nullable String fromNumber,
        @Nullable String toNumber,
        @Nullable String direction,
        String status,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable String disconnectionReason,
        @Nullable String summary,
        @Nullable String userSentiment,
        @Nullable Boolean callSuccessful,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ONGOING = "ongoing";
    public static final String ENDED = "ended";
}
