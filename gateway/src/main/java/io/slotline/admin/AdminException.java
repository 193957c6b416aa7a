package io.slotline.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** An admin request that can't be served as asked; rendered as {@link AdminProblem problem details}. */
final class AdminException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final @Nullable String field;

    AdminException(HttpStatus status, String error, @Nullable String field, String message) {
        super(message);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    static AdminException invalid(String field, String message) {
        return new AdminException(HttpStatus.BAD_REQUEST, "invalid_value", field, message);
    }

    static AdminException missing(String field) {
        return new AdminException(HttpStatus.BAD_REQUEST, "missing_value", field, field + " is required");
    }

    static AdminException conflict(@Nullable String field, String message) {
        return new AdminException(HttpStatus.CONFLICT, "conflict", field, message);
    }

    /** The company lacks a Cal.com setting the operation needs (409: set it on the company first). */
    static AdminException calcomNotConfigured(String field, String message) {
        return new AdminException(HttpStatus.CONFLICT, "calcom_not_configured", field, message);
    }

    static AdminException notFound(String what) {
        return new AdminException(HttpStatus.NOT_FOUND, "not_found", null, what + " not found");
    }

    HttpStatus status() {
        return status;
    }

    @Nullable String field() {
        return field;
    }

    ProblemDetail body() {
        return AdminProblem.of(status, error, field, String.valueOf(getMessage()));
    }
}
