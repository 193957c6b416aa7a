package io.slotline.calls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record FunctionCall(
        long id,
        long companyId,
        String retellCallId,
        String functionName,
        @Nullable String toolCallId,
        @Nullable String argsJson,
        boolean ok,
        String outcome,
        @Nullable String message,
        int latencyMs,
        int upstreamRequests,
        Instant createdAt) {}
