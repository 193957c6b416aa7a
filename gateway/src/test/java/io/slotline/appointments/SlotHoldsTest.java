package io.slotline.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

@OnEveryDatabase
class SlotHoldsTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant TOMORROW_TEN = NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(1));

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(NOW);
    SlotHolds holds;
    TestTenant salon;
    TestTenant other;
    long service;
    String callId;
    String anna;

    @BeforeEach
    void setUp() {
        holds = new SlotHolds(JdbcClient.create(dataSource()), new JdbcTransactionManager(dataSource()), clock);
        TestTenants tenants = new TestTenants(dataSource());
        salon = tenants.create();
        other = tenants.create();
        service = tenants.service(salon, "Herrenhaarschnitt");
        callId = "call_" + UUID.randomUUID();
        anna = "anna-" + UUID.randomUUID();
    }

    NewSlotHold hold(String call, String host, Instant start, int minutes) {
        return new NewSlotHold(
                salon.companyId(),
                call,
                service,
                null,
                host,
                start,
                start.plus(Duration.ofMinutes(minutes)),
                NOW.plus(Duration.ofMinutes(5)));
    }

    SlotHold claimed(String call, String host, Instant start, int minutes) {
        return holds.claim(hold(call, host, start, minutes)).orElseThrow();
    }

    @Test
    void heldSlotIsActiveUntilItExpiresAndThenFreeForOthers() {
        SlotHold stored = claimed(callId, anna, TOMORROW_TEN, 30);

        assertThat(stored.status()).isEqualTo(SlotHold.Status.HELD);
        assertThat(stored.host()).isEqualTo(anna);
        assertThat(holds.activeForCall(salon.companyId(), callId)).containsExactly(stored);
        assertThat(holds.claim(hold("call_other", anna, TOMORROW_TEN, 30))).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(holds.activeForCall(salon.companyId(), callId)).isEmpty();
        assertThat(holds.heldForCall(salon.companyId(), callId))
                .extracting(SlotHold::id)
                .containsExactly(stored.id());
        assertThat(holds.claim(hold("call_other", anna, TOMORROW_TEN, 30))).isPresent();
    }

    @Test
    void anOverlappingTimeOfTheSameHostIsTakenAnotherHostOrAnAdjacentTimeIsNot() {
        claimed(callId, anna, TOMORROW_TEN, 90);

        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN.plus(Duration.ofMinutes(60)), 30)))
                .isEmpty();
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN.minus(Duration.ofMinutes(15)), 30)))
                .isEmpty();
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN.plus(Duration.ofMinutes(90)), 30)))
                .isPresent();
        assertThat(holds.claim(hold("call_c", anna, TOMORROW_TEN.minus(Duration.ofMinutes(30)), 30)))
                .isPresent();
        assertThat(holds.claim(hold("call_d", "ben-" + anna, TOMORROW_TEN, 30))).isPresent();
        assertThat(holds.claim(hold(callId, anna, TOMORROW_TEN, 30)))
                .as("the call's own hold is no obstacle")
                .isPresent();
    }

    @Test
    void otherCallsHoldsOverlappingARangeAreFoundInOneQuery() {
        SlotHold mine = claimed(callId, anna, TOMORROW_TEN, 30);
        SlotHold long90 = claimed("call_b", "ben-" + anna, TOMORROW_TEN.minus(Duration.ofMinutes(60)), 90);
        claimed("call_c", "carl-" + anna, TOMORROW_TEN.plus(Duration.ofHours(3)), 30);

        List<SlotHold> around = holds.heldByOtherCalls(
                salon.companyId(), "call_x", TOMORROW_TEN, TOMORROW_TEN.plus(Duration.ofMinutes(30)));
        assertThat(around).extracting(SlotHold::id).containsExactlyInAnyOrder(mine.id(), long90.id());
        assertThat(holds.heldByOtherCalls(
                        salon.companyId(), callId, TOMORROW_TEN, TOMORROW_TEN.plus(Duration.ofMinutes(30))))
                .extracting(SlotHold::id)
                .containsExactly(long90.id());
    }

    @Test
    void holdIsBookedOrReleasedOnceAndAReleasedHoldFreesTheHost() {
        SlotHold booked = claimed(callId, anna, TOMORROW_TEN, 30);
        SlotHold released = claimed(callId, anna, TOMORROW_TEN.plus(Duration.ofHours(2)), 30);

        assertThat(holds.markBooked(salon.companyId(), booked.id())).isTrue();
        assertThat(holds.markReleased(salon.companyId(), booked.id())).isFalse();
        assertThat(holds.markReleased(salon.companyId(), released.id())).isTrue();
        assertThat(holds.attachReservation(salon.companyId(), released.id(), "res_late"))
                .isFalse();
        assertThat(holds.heldForCall(salon.companyId(), callId)).isEmpty();
        assertThat(holds.find(salon.companyId(), booked.id()))
                .get()
                .extracting(SlotHold::status)
                .isEqualTo(SlotHold.Status.BOOKED);
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN.plus(Duration.ofHours(2)), 30)))
                .isPresent();
        // booked with the hold: other calls (whose calendars may not know the booking yet) still count it
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN, 30))).isEmpty();
        assertThat(holds.heldByOtherCalls(
                        salon.companyId(), "call_c", TOMORROW_TEN, TOMORROW_TEN.plus(Duration.ofMinutes(30))))
                .extracting(SlotHold::id)
                .containsExactly(booked.id());
    }

    @Test
    void aHoldRemembersWhenItStoppedBeingHeldSoItCanBeAuditedLater() {
        SlotHold booked = claimed(callId, anna, TOMORROW_TEN, 30);
        SlotHold released = claimed(callId, anna, TOMORROW_TEN.plus(Duration.ofHours(2)), 30);
        SlotHold standing = claimed(callId, anna, TOMORROW_TEN.plus(Duration.ofHours(4)), 30);

        clock.advance(Duration.ofSeconds(40));
        holds.markBooked(salon.companyId(), booked.id());
        clock.advance(Duration.ofSeconds(20));
        holds.markReleased(salon.companyId(), released.id());
        assertThat(holds.markReleased(salon.companyId(), booked.id())).isFalse();

        assertThat(endedAt(booked)).isEqualTo(NOW.plusSeconds(40));
        assertThat(endedAt(released)).isEqualTo(NOW.plusSeconds(60));
        assertThat(endedAt(standing)).isNull();
    }

    private @org.jspecify.annotations.Nullable Instant endedAt(SlotHold hold) {
        java.time.OffsetDateTime ended = JdbcClient.create(dataSource())
                .sql("SELECT ended_at FROM slot_holds WHERE id = :id")
                .param("id", hold.id())
                .query((rs, row) -> rs.getObject("ended_at", java.time.OffsetDateTime.class))
                .list()
                .get(0);
        return ended == null ? null : ended.toInstant();
    }

    @Test
    void theHoldsABookingWasMadeWithEndWhenItsTimeIsFreedAndNoOthers() {
        SlotHold booked = claimed(callId, anna, TOMORROW_TEN, 30);
        holds.markBooked(salon.companyId(), booked.id());
        SlotHold stillHeld = claimed(callId, anna, TOMORROW_TEN.plus(Duration.ofMinutes(30)), 30);
        SlotHold laterBooking = claimed(callId, anna, TOMORROW_TEN.plus(Duration.ofHours(3)), 30);
        holds.markBooked(salon.companyId(), laterBooking.id());
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN, 30))).isEmpty();

        int ended = holds.releaseBooked(
                salon.companyId(),
                anna.toUpperCase(java.util.Locale.ROOT),
                TOMORROW_TEN,
                TOMORROW_TEN.plus(Duration.ofMinutes(30)));

        assertThat(ended).isEqualTo(1);
        assertThat(holds.find(salon.companyId(), booked.id()))
                .get()
                .extracting(SlotHold::status)
                .isEqualTo(SlotHold.Status.RELEASED);
        assertThat(holds.find(salon.companyId(), stillHeld.id()))
                .get()
                .extracting(SlotHold::status)
                .isEqualTo(SlotHold.Status.HELD);
        assertThat(holds.find(salon.companyId(), laterBooking.id()))
                .get()
                .extracting(SlotHold::status)
                .isEqualTo(SlotHold.Status.BOOKED);
        assertThat(holds.releaseBooked(
                        other.companyId(),
                        anna,
                        TOMORROW_TEN.plus(Duration.ofHours(3)),
                        TOMORROW_TEN.plus(Duration.ofHours(4))))
                .as("another company's holds are not its own")
                .isZero();
        assertThat(holds.claim(hold("call_b", anna, TOMORROW_TEN, 30))).isPresent();
    }

    @Test
    void aCallClaimingTheSameStepsAgainGetsTheHoldsItHasAndNoSecondSet() {
        String ben = "ben-" + anna;
        List<NewSlotHold> steps = List.of(
                hold(callId, anna, TOMORROW_TEN, 45), hold(callId, ben, TOMORROW_TEN.plus(Duration.ofMinutes(90)), 45));

        List<SlotHold> first = holds.claimAll(steps).orElseThrow();
        List<SlotHold> again = holds.claimAll(steps).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(holds.activeForCall(salon.companyId(), callId)).hasSize(2);
        List<SlotHold> otherPlan = holds.claimAll(List.of(
                        hold(callId, anna, TOMORROW_TEN, 45),
                        hold(callId, anna, TOMORROW_TEN.plus(Duration.ofMinutes(90)), 45)))
                .orElseThrow();
        assertThat(otherPlan)
                .as("another plan of the call is a set of its own")
                .extracting(SlotHold::id)
                .doesNotContainAnyElementsOf(first.stream().map(SlotHold::id).toList());
    }

    @Test
    void aCourtesyReservationIsAttachedToAHoldStillHeld() {
        SlotHold hold = claimed(callId, anna, TOMORROW_TEN, 30);

        assertThat(holds.attachReservation(salon.companyId(), hold.id(), "res_1"))
                .isTrue();
        assertThat(holds.find(salon.companyId(), hold.id()))
                .get()
                .extracting(SlotHold::reservationUid)
                .isEqualTo("res_1");
    }

    @Test
    void anotherCompanyCannotSeeOrReleaseTheHoldAndHasItsOwnHosts() {
        SlotHold hold = claimed(callId, anna, TOMORROW_TEN, 30);

        assertThat(holds.find(other.companyId(), hold.id())).isEmpty();
        assertThat(holds.activeForCall(other.companyId(), callId)).isEmpty();
        assertThat(holds.markReleased(other.companyId(), hold.id())).isFalse();
        assertThat(holds.activeForCall(salon.companyId(), callId)).hasSize(1);
        long otherService = new TestTenants(dataSource()).service(other, "Haircut");
        assertThat(holds.claim(new NewSlotHold(
                        other.companyId(),
                        "call_b",
                        otherService,
                        null,
                        anna,
                        TOMORROW_TEN,
                        TOMORROW_TEN.plus(Duration.ofMinutes(30)),
                        NOW.plus(Duration.ofMinutes(5)))))
                .isPresent();
    }

    @Test
    void ofManyCallsClaimingOneHostAtOnceExactlyOneWins() throws Exception {
        int callers = 12;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<SlotHold>>> claims = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String call = "call_" + i + "_" + UUID.randomUUID();
                // overlapping, not identical, times: a unique key on the start alone would not catch these
                Instant at = TOMORROW_TEN.plus(Duration.ofMinutes(5L * (i % 3)));
                claims.add(threads.submit(() -> {
                    start.await();
                    return holds.claim(hold(call, anna, at, 30));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<SlotHold>> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(holds.heldByOtherCalls(
                            salon.companyId(),
                            "nobody",
                            TOMORROW_TEN.minus(Duration.ofHours(1)),
                            TOMORROW_TEN.plus(Duration.ofHours(2))))
                    .hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
