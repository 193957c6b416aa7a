package io.slotline.calcom;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything that can go wrong talking to Cal.com, already classified. Callers decide by type: a
 * {@link SlotUnavailable} means "offer alternatives", {@link Unavailable} means "Cal.com can't answer now"
 * (serve stale data, apologise, retry later), the rest are our own or the tenant's configuration problems.
 */
public abstract sealed class CalcomException extends RuntimeException
        permits CalcomException.SlotUnavailable,
                CalcomException.RateLimited,
                CalcomException.NotFound,
                CalcomException.BadRequest,
                CalcomException.Unauthorized,
                CalcomException.Unavailable {

    /**
     * Where the failure happened: account name, endpoint (metric tag value, e.g. bookings_create), HTTP status
     * (0 when no response arrived), Cal.com's error code (exception class name) and X-Request-Id when present.
     */
    public record Origin(
            String account,
            String endpoint,
            int httpStatus,
            @Nullable String calcomCode,
            @Nullable String requestId) {

        public Origin {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(endpoint, "endpoint");
        }

        /** For failures without an HTTP response, e.g. raised by a decorator. */
        public static Origin of(String account, String endpoint) {
            return new Origin(account, endpoint, 0, null, null);
        }
    }

    private final Origin origin;

    CalcomException(Origin origin, String message, @Nullable Throwable cause) {
        super(describe(origin, message), cause);
        this.origin = origin;
    }

    /** {@return the described failure (origin and message), never null} */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    public Origin origin() {
        return origin;
    }

    public int httpStatus() {
        return origin.httpStatus();
    }

    private static String describe(Origin origin, String message) {
        StringBuilder text = new StringBuilder("Cal.com ")
                .append(origin.endpoint())
                .append(" [account ")
                .append(origin.account());
        if (origin.httpStatus() > 0) {
            text.append(", HTTP ").append(origin.httpStatus());
        }
        if (origin.requestId() != null) {
            text.append(", request ").append(origin.requestId());
        }
        return text.append("]: ").append(message).toString();
    }

    /** The requested time can't be booked; refresh that range and offer alternatives. */
    public static final class SlotUnavailable extends CalcomException {

        public enum Reason {
            /** A host already has a booking or is not available at that time. */
            TAKEN,
            /** Someone else holds a reservation on the slot. */
            RESERVED_BY_OTHER,
            /** Too soon (minimum notice) or too far ahead (booking window). */
            OUTSIDE_BOOKING_WINDOW,
            IN_PAST,
            /** Lost a race for the exact same host/start/end (HTTP 409 booking_conflict_error). */
            CONFLICT,
            /** A seated event type's slot has no seat left (409 "No more seats left at this seated booking."). */
            SEATS_FULL
        }

        private final Reason reason;

        public SlotUnavailable(Origin origin, Reason reason, String message) {
            super(origin, message, null);
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Cal.com's per-key budget is spent; it resets after {@code resetSeconds}. */
    public static final class RateLimited extends CalcomException {

        private final long resetSeconds;

        public RateLimited(Origin origin, long resetSeconds, String message) {
            super(origin, message, null);
            this.resetSeconds = resetSeconds;
        }

        public long resetSeconds() {
            return resetSeconds;
        }
    }

    public static final class NotFound extends CalcomException {
        public NotFound(Origin origin, String message) {
            super(origin, message, null);
        }
    }

    /** Cal.com rejected the request (400/422 and other 4xx): a bug on our side or a tenant setup problem. */
    public static final class BadRequest extends CalcomException {

        /** What Cal.com objected to, as far as its status, {@code error.code} and message tell. */
        public enum Problem {
            /** A required booking question, the email or the phone field the voice flow did not fill. */
            BOOKING_FIELDS,
            /** Cancelling needs a reason (packages/features/bookings/lib/handleCancelBooking.ts). */
            CANCELLATION_REASON,
            /** The booking is cancelled already, or has ended, or was rescheduled: nothing to change. */
            NOT_CHANGEABLE,
            /** The event type can't take this booking: a managed parent, no hosts, confirmation or auth needed. */
            EVENT_TYPE_SETUP,
            /** The request itself: the validation pipe's {@code details.errors}, a wrong value. */
            VALIDATION,
            OTHER
        }

        private final Problem problem;

        public BadRequest(Origin origin, String message) {
            this(origin, Problem.OTHER, message);
        }

        public BadRequest(Origin origin, Problem problem, String message) {
            super(origin, message, null);
            this.problem = Objects.requireNonNull(problem, "problem");
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The tenant's API key is missing, wrong or lacks permission (401/403). */
    public static final class Unauthorized extends CalcomException {
        public Unauthorized(Origin origin, String message) {
            super(origin, message, null);
        }
    }

    /** Cal.com can't answer now: 5xx, timeout, I/O error, a body we can't read, or a decorator refused the call. */
    public static final class Unavailable extends CalcomException {

        public enum Kind {
            SERVER_ERROR,
            TIMEOUT,
            IO_ERROR,
            MALFORMED_RESPONSE,
            /** Not attempted: reserved for decorators (open circuit breaker, exhausted budget). */
            SHORT_CIRCUITED
        }

        private final Kind kind;

        public Unavailable(Origin origin, Kind kind, String message, @Nullable Throwable cause) {
            super(origin, message, cause);
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Kind kind() {
            return kind;
        }

        public boolean timedOut() {
            return kind == Kind.TIMEOUT;
        }
    }
}
