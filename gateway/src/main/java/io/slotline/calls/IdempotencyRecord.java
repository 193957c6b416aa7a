package io.slotline.calls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A state-changing function's replay entry: in flight while it runs, then done with the answer to replay. */
public record IdempotencyRecord(
        String key,
        long companyId,
        String functionName,
        State state,
        @Nullable String responseJson,
        Instant createdAt,
        Instant updatedAt) {

    public enum State {
        IN_FLIGHT,
        DONE
    }

    public boolean done() {
        return state == State.DONE;
    }
}
