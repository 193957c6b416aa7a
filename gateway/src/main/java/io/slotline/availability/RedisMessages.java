package io.slotline.availability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the instances tell each other through Redis ({@link RedisDays}), as JSON records instead of '|'-joined
 * strings read by position. An unreadable message (another version, a hand-typed PUBLISH) is ignored by the
 * receiver: it costs that instance a stale day, never a wrong booking.
 */
final class RedisMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedisMessages() {}

    /**
     * On the invalidation channel: a booking change to apply ({@code change}), or else the days {@code from} ..
     * {@code to} of a company to drop.
     *
     * @param instance the sender, which ignores its own messages
     */
    record Invalidation(
            String instance,
            long companyId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Change change) {

        static Invalidation days(String instance, long companyId, LocalDate from, LocalDate to) {
            return new Invalidation(instance, companyId, from, to, null);
        }

        static Invalidation change(String instance, BusyChange change) {
            return new Invalidation(
                    instance,
                    change.companyId(),
                    null,
                    null,
                    new Change(
                            change.kind(),
                            change.start(),
                            change.end(),
                            change.zone().getId(),
                            change.eventTypeId(),
                            change.hostUsername()));
        }
    }

    /** A {@link BusyChange} on the wire. */
    record Change(
            BusyChange.Kind kind,
            Instant start,
            Instant end,
            String zone,
            @Nullable Long eventTypeId,
            @Nullable String hostUsername) {

        BusyChange of(long companyId) {
            return new BusyChange(companyId, kind, start, end, ZoneId.of(zone), eventTypeId, hostUsername);
        }
    }

    /**
     * On a fetch's channel: the owner's request failed, so its waiters fail the same way.
     *
     * @param detail the kind of unavailability, or the seconds until a rate limit resets
     */
    record Failure(FailureKind failed, String detail, String message) {

        static Failure of(CalcomException e) {
            String message = String.valueOf(e.getMessage());
            if (e instanceof CalcomException.Unavailable unavailable) {
                return new Failure(FailureKind.UNAVAILABLE, unavailable.kind().name(), message);
            }
            if (e instanceof CalcomException.RateLimited limited) {
                return new Failure(FailureKind.RATE_LIMITED, String.valueOf(limited.resetSeconds()), message);
            }
            FailureKind kind = e instanceof CalcomException.NotFound
                    ? FailureKind.NOT_FOUND
                    : e instanceof CalcomException.Unauthorized ? FailureKind.UNAUTHORIZED : FailureKind.BAD_REQUEST;
            return new Failure(kind, "0", message);
        }

        /** The owner's failure as this waiter's own, in its words. */
        CalcomException toException(Origin origin) {
            String text = "another instance's request failed: " + message;
            return switch (failed) {
                case RATE_LIMITED -> new CalcomException.RateLimited(origin, parseLong(detail, 60), text);
                case NOT_FOUND -> new CalcomException.NotFound(origin, text);
                case UNAUTHORIZED -> new CalcomException.Unauthorized(origin, text);
                case BAD_REQUEST -> new CalcomException.BadRequest(origin, text);
                case UNAVAILABLE -> new CalcomException.Unavailable(origin, unavailableKind(detail), text, null);
            };
        }

        private static Unavailable.Kind unavailableKind(String name) {
            try {
                return Unavailable.Kind.valueOf(name);
            } catch (IllegalArgumentException e) {
                return Unavailable.Kind.SERVER_ERROR;
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

    /** How the owner's request failed; on the wire by the names the '|' format used. */
    enum FailureKind {
        UNAVAILABLE("unavailable"),
        RATE_LIMITED("ratelimited"),
        NOT_FOUND("notfound"),
        UNAUTHORIZED("unauthorized"),
        BAD_REQUEST("badrequest");

        private final String wire;

        FailureKind(String wire) {
            this.wire = wire;
        }

        @JsonValue
        String wire() {
            return wire;
        }

        /** An unknown kind (a newer sender) counts as unavailable, as the '|' format's reader did. */
        @JsonCreator
        static FailureKind fromWire(String wire) {
            for (FailureKind kind : values()) {
                if (kind.wire.equals(wire)) {
                    return kind;
                }
            }
            return UNAVAILABLE;
        }
    }

    static String write(Object message) {
        return JSON.writeValueAsString(message);
    }

    /**
     * An invalidation message, in JSON or in the '|'-joined format of the version before, so that during a rolling
     * update this version still hears the instances not yet updated (they ignore this version's messages, see
     * README "Several instances").
     */
    static Optional<Invalidation> readInvalidation(String body) {
        return body.startsWith("{") ? read(body, Invalidation.class) : Legacy.invalidation(body);
    }

    /** A failure on a fetch's channel, in JSON or in the version before's format; empty for any other outcome. */
    static Optional<Failure> readFailure(String outcome) {
        return outcome.startsWith("{") ? read(outcome, Failure.class) : Legacy.failure(outcome);
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

    /** The '|'-joined messages of the version before this one, read by position; to be removed with it. */
    private static final class Legacy {

        private Legacy() {}

        /** {@code instance|company|from|to}, or {@code instance|change|company|kind|start|end|zone|eventType|host}. */
        static Optional<Invalidation> invalidation(String body) {
            try {
                String[] change = body.split("\\|", -1);
                if (change.length == 9 && change[1].equals("change")) {
                    return Optional.of(new Invalidation(
                            change[0],
                            Long.parseLong(change[2]),
                            null,
                            null,
                            new Change(
                                    BusyChange.Kind.valueOf(change[3]),
                                    Instant.parse(change[4]),
                                    Instant.parse(change[5]),
                                    ZoneId.of(change[6]).getId(),
                                    change[7].isEmpty() ? null : Long.valueOf(change[7]),
                                    change[8].isEmpty() ? null : change[8])));
                }
                String[] days = body.split("\\|", 4);
                if (days.length != 4) {
                    return Optional.empty();
                }
                return Optional.of(Invalidation.days(
                        days[0], Long.parseLong(days[1]), LocalDate.parse(days[2]), LocalDate.parse(days[3])));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        /** {@code failed|type|detail|message}. */
        static Optional<Failure> failure(String outcome) {
            if (!outcome.startsWith("failed")) {
                return Optional.empty();
            }
            String[] parts = outcome.split("\\|", 4);
            return Optional.of(new Failure(
                    FailureKind.fromWire(parts.length > 1 ? parts[1] : "unavailable"),
                    parts.length > 2 ? parts[2] : "",
                    parts.length == 4 ? parts[3] : outcome));
        }
    }
}
