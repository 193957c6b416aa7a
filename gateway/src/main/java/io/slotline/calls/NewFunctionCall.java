package io.slotline.calls;

import org.jspecify.annotations.Nullable;

/** One function call to log; over-long args and messages are cut to the column size rather than fail the log. */
public record NewFunctionCall(
        long companyId,
        String retellCallId,
        String functionName,
        @Nullable String toolCallId,
        @Nullable String argsJson,
        boolean ok,
        String outcome,
        @Nullable String message,
        int latencyMs,
        int upstreamRequests) {}
