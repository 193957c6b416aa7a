package io.slotline.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import io.slotline.support.MutableClock;
import io.slotline.support.RequiresPostgres;
import io.slotline.support.TestDatabases;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SlotHoldsTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    abstract static class Contract {

        final MutableClock clock = new MutableClock(NOW);
        SlotHolds holds;
        TestTenant salon;
        TestTenant other;
        long service;
        String callId;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            holds = new SlotHolds(JdbcClient.create(dataSource()), clock);
            TestTenants tenants = new TestTenants(dataSource());
            salon = tenants.create();
            other = tenants.create();
            service = tenants.service(salon, "Herrenhaarschnitt");
            callId = "call_" + UUID.randomUUID();
        }

        NewSlotHold hold(String uid, Duration ttl) {
            return new NewSlotHold(salon.companyId(), callId, service, null, NOW.plus(Duration.ofDays(1)), uid,
                    NOW.plus(ttl));
        }

        @Test
        void heldSlotIsActiveUntilItExpires() {
            String uid = "res_" + UUID.randomUUID();
            SlotHold stored = holds.insert(hold(uid, Duration.ofMinutes(5)));

            assertThat(stored.status()).isEqualTo(SlotHold.Status.HELD);
            assertThat(holds.activeForCall(salon.companyId(), callId)).extracting(SlotHold::reservationUid)
                    .containsExactly(uid);
            clock.advance(Duration.ofMinutes(6));
            assertThat(holds.activeForCall(salon.companyId(), callId)).isEmpty();
            assertThat(holds.heldForCall(salon.companyId(), callId)).extracting(SlotHold::reservationUid)
                    .containsExactly(uid);
        }

        @Test
        void reservationUidIsStoredOnce() {
            String uid = "res_" + UUID.randomUUID();
            SlotHold first = holds.insert(hold(uid, Duration.ofMinutes(5)));
            SlotHold again = holds.insert(hold(uid, Duration.ofMinutes(10)));

            assertThat(again).isEqualTo(first);
        }

        @Test
        void holdIsBookedOrReleasedOnce() {
            String booked = "res_" + UUID.randomUUID();
            String released = "res_" + UUID.randomUUID();
            holds.insert(hold(booked, Duration.ofMinutes(5)));
            holds.insert(hold(released, Duration.ofMinutes(5)));

            assertThat(holds.markBooked(salon.companyId(), booked)).isTrue();
            assertThat(holds.markReleased(salon.companyId(), booked)).isFalse();
            assertThat(holds.markReleased(salon.companyId(), released)).isTrue();
            assertThat(holds.heldForCall(salon.companyId(), callId)).isEmpty();
            assertThat(holds.findByReservationUid(salon.companyId(), booked)).get()
                    .extracting(SlotHold::status).isEqualTo(SlotHold.Status.BOOKED);
        }

        @Test
        void anotherCompanyCannotSeeOrReleaseTheHold() {
            String uid = "res_" + UUID.randomUUID();
            holds.insert(hold(uid, Duration.ofMinutes(5)));

            assertThat(holds.findByReservationUid(other.companyId(), uid)).isEmpty();
            assertThat(holds.activeForCall(other.companyId(), callId)).isEmpty();
            assertThat(holds.markReleased(other.companyId(), uid)).isFalse();
            assertThat(holds.activeForCall(salon.companyId(), callId)).hasSize(1);
        }
    }

    @Nested
    class OnH2 extends Contract {

        @Override
        DataSource dataSource() {
            return TestDatabases.h2();
        }
    }

    @Nested
    @RequiresPostgres
    class OnPostgres extends Contract {

        @Override
        DataSource dataSource() {
            return TestDatabases.postgres();
        }
    }
}
