package io.slotline.calcom;

import io.slotline.calcom.CalcomException.BadRequest;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.SlotUnavailable.Reason;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a non-2xx Cal.com response into the matching {@link CalcomException}. Reads both Cal.com's v2 error
 * envelope ({@code {"status":"error","error":{"code":..,"message":..}}}) and Nest's default body
 * ({@code {"statusCode":409,"message":"booking_conflict_error"}}, message possibly an array).
 */
final class CalcomErrors {

    static final long DEFAULT_RATE_LIMIT_RESET_SECONDS = 60;
    private static final int MAX_MESSAGE_LENGTH = 500;

    private CalcomErrors() {}

    /** @param validation whether {@code error.details.errors} lists failed constraints (the validation pipe) */
    record ErrorBody(@Nullable String code, String message, boolean validation) {

        ErrorBody(@Nullable String code, String message) {
            this(code, message, false);
        }
    }

    static final String CODE_THROTTLED = "ThrottlerException";
    static final String CODE_UNAUTHORIZED = "UnauthorizedException";
    static final String CODE_FORBIDDEN = "ForbiddenException";
    static final String CODE_UNPROCESSABLE = "UnprocessableEntityException";

    static CalcomException fromResponse(
            String account,
            Endpoint endpoint,
            int status,
            byte[] body,
            @Nullable String requestId,
            OptionalLong rateLimitResetSeconds) {
        ErrorBody error = parse(body, status);
        Origin origin = new Origin(account, endpoint.tag(), status, error.code(), requestId);
        String message = error.message();
        String code = error.code();
        // error.code is the Nest exception's class name (apps/api/v2/src/filters/http-exception.filter.ts); it
        // carries meaning where the status alone may not: a throttled or refused key
        if (status == 429 || CODE_THROTTLED.equals(code)) {
            return new CalcomException.RateLimited(
                    origin, rateLimitResetSeconds.orElse(DEFAULT_RATE_LIMIT_RESET_SECONDS), message);
        }
        if (status == 401 || status == 403 || CODE_UNAUTHORIZED.equals(code) || CODE_FORBIDDEN.equals(code)) {
            return new CalcomException.Unauthorized(origin, message);
        }
        if (status == 404) {
            return new CalcomException.NotFound(origin, message);
        }
        Reason reason = endpoint.placesBooking() ? slotReason(status, code, message) : null;
        if (reason != null) {
            return new CalcomException.SlotUnavailable(origin, reason, message);
        }
        if (status >= 400 && status < 500) {
            return new CalcomException.BadRequest(origin, problem(status, code, message, error.validation()), message);
        }
        return new CalcomException.Unavailable(origin, Kind.SERVER_ERROR, message, null);
    }

    static @Nullable Reason slotReason(int status, String message) {
        return slotReason(status, null, message);
    }

    /**
     * Cal.com says "this time can't be booked" in prose: API v2 maps the core's ErrorCode values
     * (packages/lib/errorCodes.ts) to texts by message (apps/api/v2/src/ee/bookings/2024-08-13/services/
     * errors.service.ts), and lets a few through as Nest's plain {@code {statusCode, message}} with the code itself
     * as the message. Slot taken has two texts: "One of the hosts either already has booking at this time or is not
     * available" for team event types, "User either already has booking at this time or is not available" for a
     * user's own and every reschedule. Seats: 409 ConflictException "No more seats left at this seated booking.".
     */
    static @Nullable Reason slotReason(int status, @Nullable String code, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("no more seats left")
                || text.contains("booking_seats_full")
                || text.contains("not_enough_available_seats")
                || text.contains("has no more seats")) {
            return Reason.SEATS_FULL;
        }
        if (text.contains("booking_conflict")) {
            return Reason.CONFLICT;
        }
        if (text.contains("reserved this booking time slot")
                || text.contains("reserved_slot_not_first_in_line")
                || text.contains("already reserved by another user")
                || text.contains("no available hosts left")) {
            return Reason.RESERVED_BY_OTHER;
        }
        if (text.contains("can't be booked at the")
                || text.contains("booking_time_out_of_bounds")
                || text.contains("minimum booking notice")) {
            return Reason.OUTSIDE_BOOKING_WINDOW;
        }
        if (text.contains("in the past")) {
            return Reason.IN_PAST;
        }
        if (text.contains("already has booking")
                || text.contains("is not available")
                || text.contains("event is already booked")
                || text.contains("no_available_users_found")
                || text.contains("hosts_unavailable_for_booking")
                || text.contains("host_unavailable_for_booking")) {
            return Reason.TAKEN;
        }
        // a 409 is a conflict over the slot (the unique key, a TRPCError CONFLICT) unless it says otherwise
        if (status == 409 && !text.contains("already_signed_up")) {
            return Reason.CONFLICT;
        }
        return null;
    }

    /** What a 4xx that is not about the slot objects to. */
    static BadRequest.Problem problem(int status, @Nullable String code, String message, boolean validation) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("cancellation reason is required")) {
            return BadRequest.Problem.CANCELLATION_REASON;
        }
        if (text.contains("missing required booking field")
                || text.contains("error_required_field")
                || text.contains("missing attendee phone number")
                || text.contains("invalid option")) {
            return BadRequest.Problem.BOOKING_FIELDS;
        }
        if (text.contains("has been cancelled")
                || text.contains("already been cancelled")
                || text.contains("already ended")
                || text.contains("does not allow cancellations")
                || text.contains("rescheduled already")) {
            return BadRequest.Problem.NOT_CHANGEABLE;
        }
        if (text.contains("parent managed event type")
                || text.contains("has no hosts")
                || text.contains("event_type_no_hosts")
                || text.contains("requires authentication")
                || (CODE_UNPROCESSABLE.equals(code) && text.contains("event type"))) {
            return BadRequest.Problem.EVENT_TYPE_SETUP;
        }
        if (validation || text.contains("property is wrong") || text.contains("should not exist")) {
            return BadRequest.Problem.VALIDATION;
        }
        return BadRequest.Problem.OTHER;
    }

    static ErrorBody parse(byte[] body, int status) {
        if (body.length == 0) {
            return new ErrorBody(null, "HTTP " + status + " without body");
        }
        JsonNode root;
        try {
            root = CalcomJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return new ErrorBody(null, cap(new String(body, StandardCharsets.UTF_8).strip()));
        }
        if (root == null || !root.isObject()) {
            return new ErrorBody(null, cap(new String(body, StandardCharsets.UTF_8).strip()));
        }
        JsonNode error = root.path("error");
        String code = error.isObject() ? CalcomJson.text(error, "code") : null;
        String message = error.isObject() ? messageOf(error.path("message")) : null;
        if (message == null) {
            message = messageOf(root.path("message"));
        }
        if (message == null && error.isString()) {
            message = error.stringValue();
        }
        boolean validation = error.path("details").path("errors").isArray()
                && !error.path("details").path("errors").isEmpty();
        return new ErrorBody(code, cap(message != null ? message : "HTTP " + status), validation);
    }

    private static @Nullable String messageOf(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray() && !node.isEmpty()) {
            return StreamSupport.stream(node.spliterator(), false)
                    .map(part -> part.isString() ? part.stringValue() : part.toString())
                    .collect(Collectors.joining("; "));
        }
        return null;
    }

    private static String cap(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
