package io.slotline.availability;

import org.jspecify.annotations.Nullable;

/** Cal.com could not answer within the caller's deadline and nothing, not even a stale entry, is known. */
public class CalendarUnavailableException extends RuntimeException {

    public CalendarUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
