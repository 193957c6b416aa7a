package io.slotline.sim.calendar;

import java.util.Objects;

/**
 * A Cal.com-level refusal with its HTTP status and exact message. {@code nestRaw} marks the few answers that
 * Cal.com sends as NestJS's bare {@code {"statusCode":..,"message":..}} instead of the v2 error envelope.
 */
public class CalendarException extends RuntimeException {

    private final int status;
    private final boolean nestRaw;

    public CalendarException(int status, String message) {
        this(status, message, false);
    }

    public CalendarException(int status, String message, boolean nestRaw) {
        super(message, null, false, false);
        this.status = status;
        this.nestRaw = nestRaw;
    }

    /** Every constructor takes a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    public int status() {
        return status;
    }

    public boolean nestRaw() {
        return nestRaw;
    }
}
