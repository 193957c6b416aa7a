package io.slotline.sim.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP error answer. By default rendered as Cal.com's v2 error envelope with
 * {@code details = {"message","error","statusCode"}}; {@code details} replaces that when given, and a
 * {@code nestRaw} error is NestJS's bare {@code {"statusCode","message"}} body.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final @Nullable JsonNode details;
    private final boolean nestRaw;

    public ApiError(int status, String message) {
        this(status, message, null, false);
    }

    public ApiError(int status, String message, @Nullable JsonNode details, boolean nestRaw) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
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

    public @Nullable JsonNode details() {
        return details;
    }

    public boolean nestRaw() {
        return nestRaw;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }
}
