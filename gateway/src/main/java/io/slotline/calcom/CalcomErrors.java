package io.slotline.calcom;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.SlotUnavailable.Reason;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
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

    private CalcomErrors() {
    }

    record ErrorBody(@Nullable String code, String message) {
    }

    static CalcomException fromResponse(String account, Endpoint endpoint, int status, byte[] body,
            @Nullable String requestId, OptionalLong rateLimitResetSeconds) {
        ErrorBody error = parse(body, status);
        Origin origin = new Origin(account, endpoint.tag(), status, error.code(), requestId);
        String message = error.message();
        if (status == 429) {
            return new CalcomException.RateLimited(origin,
                    rateLimitResetSeconds.orElse(DEFAULT_RATE_LIMIT_RESET_SECONDS), message);
        }
        if (status == 401 || status == 403) {
            return new CalcomException.Unauthorized(origin, message);
        }
        if (status == 404) {
            return new CalcomException.NotFound(origin, message);
        }
        Reason reason = endpoint.placesBooking() ? slotReason(status, message) : null;
        if (reason != null) {
            return new CalcomException.SlotUnavailable(origin, reason, message);
        }
        if (status >= 400 && status < 500) {
            return new CalcomException.BadRequest(origin, message);
        }
        return new CalcomException.Unavailable(origin, Kind.SERVER_ERROR, message, null);
    }

    /**
     * Cal.com says "this time can't be booked" only in prose; these are the messages its booking handler uses
     * (see calcom.md section 2) plus the error codes it sometimes sends as the message.
     */
    static @Nullable Reason slotReason(int status, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (status == 409 || text.contains("booking_conflict")) {
            return Reason.CONFLICT;
        }
        if (text.contains("reserved this booking time slot")) {
            return Reason.RESERVED_BY_OTHER;
        }
        if (text.contains("can't be booked at the") || text.contains("booking_time_out_of_bounds")
                || text.contains("minimum booking notice")) {
            return Reason.OUTSIDE_BOOKING_WINDOW;
        }
        if (text.contains("in the past")) {
            return Reason.IN_PAST;
        }
        if (text.contains("already has booking") || text.contains("not available")
                || text.contains("no_available_users_found")) {
            return Reason.TAKEN;
        }
        return null;
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
        return new ErrorBody(code, cap(message != null ? message : "HTTP " + status));
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
