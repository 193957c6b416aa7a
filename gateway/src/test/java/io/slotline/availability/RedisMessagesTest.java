package io.slotline.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.CalcomException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RedisMessagesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aBookingChangeCrossesTheWireWhole() {
        BusyChange change = BusyChange.booked(
                7,
                Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-03T09:30:00Z"),
                BERLIN,
                1001L,
                "anna-demo");
        BusyChange hostless = BusyChange.freed(
                7, Instant.parse("2026-03-03T10:00:00Z"), Instant.parse("2026-03-03T11:00:00Z"), BERLIN, null, null);

        for (BusyChange sent : new BusyChange[] {change, hostless}) {
            RedisMessages.Invalidation received = RedisMessages.read(
                            RedisMessages.write(RedisMessages.Invalidation.change("instance-a", sent)),
                            RedisMessages.Invalidation.class)
                    .orElseThrow();

            assertThat(received.instance()).isEqualTo("instance-a");
            assertThat(received.change()).isNotNull();
            assertThat(received.change().of(received.companyId())).isEqualTo(sent);
        }
    }

    @Test
    void droppedDaysCrossTheWireWithoutAChange() {
        RedisMessages.Invalidation received = RedisMessages.read(
                        RedisMessages.write(RedisMessages.Invalidation.days(
                                "instance-b", 7, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 5))),
                        RedisMessages.Invalidation.class)
                .orElseThrow();

        assertThat(received)
                .isEqualTo(new RedisMessages.Invalidation(
                        "instance-b", 7, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 5), null));
    }

    @Test
    void aFailureKeepsItsKindDetailAndMessageAndOtherSignalsAreNoFailure() {
        RedisMessages.Failure failure =
                new RedisMessages.Failure(RedisMessages.FailureKind.RATE_LIMITED, "37", "Too many | requests");

        assertThat(RedisMessages.write(failure)).contains("\"failed\":\"ratelimited\"");
        assertThat(RedisMessages.readFailure(RedisMessages.write(failure))).contains(failure);
        assertThat(RedisMessages.readFailure("ok")).isEmpty();
        assertThat(RedisMessages.readFailure("released")).isEmpty();
    }

    @Test
    void anUnreadableMessageIsNoMessage() {
        assertThat(RedisMessages.read("inst|7|2026-03-03|2026-03-05", RedisMessages.Invalidation.class))
                .isEmpty();
        assertThat(RedisMessages.read("{\"companyId\":\"seven\"}", RedisMessages.Invalidation.class))
                .isEmpty();
        assertThat(RedisMessages.read(
                        "{\"instance\":\"a\",\"companyId\":7,\"change\":{\"kind\":\"GONE\"}}",
                        RedisMessages.Invalidation.class))
                .isEmpty();
    }

    @Test
    void aWaiterFailsAsTheOwnersRequestFailed() {
        CalcomException.Origin origin = CalcomException.Origin.of("salon", "slots");
        CalcomException limited = new CalcomException.RateLimited(origin, 37, "Too many requests");
        CalcomException timedOut = new CalcomException.Unavailable(
                origin, CalcomException.Unavailable.Kind.TIMEOUT, "read timed out", null);

        CalcomException waiterLimited = RedisMessages.read(
                        RedisMessages.write(RedisMessages.Failure.of(limited)), RedisMessages.Failure.class)
                .orElseThrow()
                .toException(origin);
        CalcomException waiterTimedOut = RedisMessages.read(
                        RedisMessages.write(RedisMessages.Failure.of(timedOut)), RedisMessages.Failure.class)
                .orElseThrow()
                .toException(origin);

        assertThat(waiterLimited)
                .isInstanceOfSatisfying(
                        CalcomException.RateLimited.class,
                        e -> assertThat(e.resetSeconds()).isEqualTo(37));
        assertThat(waiterLimited.getMessage()).contains("another instance's request failed");
        assertThat(waiterTimedOut)
                .isInstanceOfSatisfying(
                        CalcomException.Unavailable.class,
                        e -> assertThat(e.kind()).isEqualTo(CalcomException.Unavailable.Kind.TIMEOUT));
    }

    @Test
    void anUnknownFailureKindFromANewerSenderCountsAsUnavailable() {
        assertThat(RedisMessages.readFailure("{\"failed\":\"exploded\",\"detail\":\"0\",\"message\":\"x\"}"))
                .map(RedisMessages.Failure::failed)
                .contains(RedisMessages.FailureKind.UNAVAILABLE);
    }

    @Test
    void theFormatOfTheVersionBeforeIsStillUnderstoodDuringARollingUpdate() {
        assertThat(RedisMessages.readInvalidation("inst|7|2026-03-03|2026-03-05"))
                .contains(
                        RedisMessages.Invalidation.days("inst", 7, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 5)));
        BusyChange change = BusyChange.booked(
                7,
                Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-03T09:30:00Z"),
                BERLIN,
                1001L,
                "anna-demo");
        RedisMessages.Invalidation received = RedisMessages.readInvalidation(
                        "inst|change|7|BOOKED|2026-03-03T09:00:00Z|2026-03-03T09:30:00Z|Europe/Berlin|1001|anna-demo")
                .orElseThrow();
        assertThat(received.change().of(received.companyId())).isEqualTo(change);
        assertThat(RedisMessages.readInvalidation(
                                "inst|change|7|FREED|2026-03-03T10:00:00Z|2026-03-03T11:00:00Z" + "|Europe/Berlin||")
                        .orElseThrow()
                        .change()
                        .hostUsername())
                .isNull();

        assertThat(RedisMessages.readFailure("failed|ratelimited|37|Too many | requests"))
                .contains(
                        new RedisMessages.Failure(RedisMessages.FailureKind.RATE_LIMITED, "37", "Too many | requests"));
        assertThat(RedisMessages.readInvalidation("inst|seven|2026-03-03|2026-03-05"))
                .isEmpty();
        assertThat(RedisMessages.readInvalidation("garbage")).isEmpty();
    }
}
