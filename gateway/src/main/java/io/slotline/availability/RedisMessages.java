package io.slotline.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the instances tell each other through Redis ({@link RedisDays}), as JSON records instead of '|'-joined
 * strings read by position. An unreadable message (another version, a hand-typed PUBLISH) is ignored by the
 * receiver: it costs that instance a stale day, never a wrong booking.
 */
final class RedisMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedisMessages() {
    }

    /**
     * On the invalidation channel: a booking change to apply ({@code change}), or else the days {@code from} ..
     * {@code to} of a company to drop.
     *
     * @param instance the sender, which ignores its own messages
     */
    record Invalidation(String instance, long companyId, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable Change change) {

        static Invalidation days(String instance, long companyId, LocalDate from, LocalDate to) {
            return new Invalidation(instance, companyId, from, to, null);
        }

        static Invalidation change(String instance, BusyChange change) {
            return new Invalidation(instance, change.companyId(), null, null, new Change(change.kind(),
                    change.start(), change.end(), change.zone().getId(), change.eventTypeId(),
                    change.hostUsername()));
        }
    }

    /** A {@link BusyChange} on the wire. */
    record Change(BusyChange.Kind kind, Instant start, Instant end, String zone, @Nullable Long eventTypeId,
            @Nullable String hostUsername) {

        BusyChange of(long companyId) {
            return new BusyChange(companyId, kind, start, end, ZoneId.of(zone), eventTypeId, hostUsername);
        }
    }

    /**
     * On a fetch's channel: the owner's request failed, so its waiters fail the same way.
     *
     * @param failed  unavailable, ratelimited, notfound, unauthorized or badrequest
     * @param detail  the kind of unavailability, or the seconds until a rate limit resets
     */
    record Failure(String failed, String detail, String message) {

        static Failure of(CalcomException e) {
            if (e instanceof CalcomException.Unavailable unavailable) {
                return new Failure("unavailable", unavailable.kind().name(), String.valueOf(e.getMessage()));
            }
            if (e instanceof CalcomException.RateLimited limited) {
                return new Failure("ratelimited", String.valueOf(limited.resetSeconds()),
                        String.valueOf(e.getMessage()));
            }
            String type = e instanceof CalcomException.NotFound ? "notfound"
                    : e instanceof CalcomException.Unauthorized ? "unauthorized" : "badrequest";
            return new Failure(type, "0", String.valueOf(e.getMessage()));
        }

        /** The same failure for a waiter of the owner's request. */
        CalcomException toException(Origin origin) {
            String text = "another instance's request failed: " + message;
            return switch (failed) {
                case "ratelimited" -> new CalcomException.RateLimited(origin, parseLong(detail, 60), text);
                case "notfound" -> new CalcomException.NotFound(origin, text);
                case "unauthorized" -> new CalcomException.Unauthorized(origin, text);
                case "badrequest" -> new CalcomException.BadRequest(origin, text);
                default -> new CalcomException.Unavailable(origin, kind(detail), text, null);
            };
        }

        private static Kind kind(String name) {
            try {
                return Kind.valueOf(name);
            } catch (IllegalArgumentException e) {
                return Kind.SERVER_ERROR;
            }
        }

        private static long parseLong(String text, long fallback) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    static String write(Object message) {
        return JSON.writeValueAsString(message);
    }

    /** Empty when {@code json} is not a message of this type. */
    static <T> Optional<T> read(String json, Class<T> type) {
        if (!json.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
