package io.slotline.redis;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/** Redis was skipped (its breaker is open) or a command failed: the caller goes on without it. */
public final class RedisUnavailableException extends DataAccessResourceFailureException {

    public RedisUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
