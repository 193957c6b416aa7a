package io.slotline.sim.web;

import io.slotline.sim.calendar.CalendarException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Cal.com's response envelopes. */
public final class Envelopes {

    private static final Map<Integer, String[]> EXCEPTIONS = Map.ofEntries(
            Map.entry(400, new String[] {"BadRequestException", "Bad Request"}),
            Map.entry(401, new String[] {"UnauthorizedException", "Unauthorized"}),
            Map.entry(403, new String[] {"ForbiddenException", "Forbidden"}),
            Map.entry(404, new String[] {"NotFoundException", "Not Found"}),
            Map.entry(405, new String[] {"MethodNotAllowedException", "Method Not Allowed"}),
            Map.entry(409, new String[] {"ConflictException", "Conflict"}),
            Map.entry(413, new String[] {"PayloadTooLargeException", "Payload Too Large"}),
            Map.entry(415, new String[] {"UnsupportedMediaTypeException", "Unsupported Media Type"}),
            Map.entry(422, new String[] {"UnprocessableEntityException", "Unprocessable Entity"}),
            Map.entry(429, new String[] {"ThrottlerException", "Too Many Requests"}),
            Map.entry(500, new String[] {"InternalServerErrorException", "Internal Server Error"}),
            Map.entry(503, new String[] {"ServiceUnavailableException", "Service Unavailable"}),
            Map.entry(504, new String[] {"GatewayTimeoutException", "Gateway Timeout"}));

    /** The ThrottlerException's text as apps/api/v2/src/lib/throttler-guard.ts throws it. */
    public static final String MSG_THROTTLED = "CustomThrottlerGuard - Too many requests. Please try again later.";

    private Envelopes() {}

    public static ObjectNode success(JsonNode data) {
        ObjectNode envelope = Json.object();
        envelope.put("status", "success");
        envelope.set("data", data);
        return envelope;
    }

    public static String code(int status) {
        String[] known = EXCEPTIONS.get(status);
        return known != null ? known[0] : status >= 500 ? "InternalServerErrorException" : "HttpException";
    }

    public static String reason(int status) {
        String[] known = EXCEPTIONS.get(status);
        return known != null ? known[1] : "Error";
    }

    /** {@code {"status":"error","timestamp","path","error":{"code","message","details"}}}. */
    public static Reply error(int status, String message, @Nullable JsonNode details, String path, Instant now) {
        ObjectNode envelope = Json.object();
        envelope.put("status", "error");
        envelope.put("timestamp", Times.iso(now));
        envelope.put("path", path);
        ObjectNode error = envelope.putObject("error");
        error.put("code", code(status));
        error.put("message", message);
        if (details != null) {
            error.set("details", details);
        } else {
            ObjectNode standard = error.putObject("details");
            standard.put("message", message);
            standard.put("error", reason(status));
            standard.put("statusCode", status);
        }
        return Reply.json(status, envelope);
    }

    /** NestJS's default body, which Cal.com lets through for a few errors. */
    public static Reply nestRaw(int status, String message) {
        ObjectNode body = Json.object();
        body.put("statusCode", status);
        body.put("message", message);
        return Reply.json(status, body);
    }

    public static Reply of(ApiError error, String path, Instant now) {
        if (error.nestRaw()) {
            return nestRaw(error.status(), error.getMessage());
        }
        return error(error.status(), error.getMessage(), error.details(), path, now);
    }

    public static Reply of(CalendarException error, String path, Instant now) {
        if (error.nestRaw()) {
            return nestRaw(error.status(), error.getMessage());
        }
        return error(error.status(), error.getMessage(), null, path, now);
    }
}
