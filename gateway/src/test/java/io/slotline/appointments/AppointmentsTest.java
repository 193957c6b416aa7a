package io.slotline.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@OnEveryDatabase
class AppointmentsTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant TUESDAY_10 = Instant.parse("2026-03-03T09:00:00Z");

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(NOW);
    Appointments appointments;
    TestTenant salon;
    TestTenant other;
    long customer;
    long haircut;
    long colouring;

    @BeforeEach
    void setUp() {
        appointments = new Appointments(
                JdbcClient.create(dataSource()),
                clock,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())));
        TestTenants tenants = new TestTenants(dataSource());
        salon = tenants.create();
        other = tenants.create();
        customer = tenants.customer(salon, TestTenants.randomE164());
        haircut = tenants.service(salon, "Herrenhaarschnitt");
        colouring = tenants.service(salon, "Färben");
    }

    NewAppointment booking(long serviceId, Instant start, @Nullable String uid, @Nullable String key) {
        return new NewAppointment(
                salon.companyId(),
                salon.branchId(),
                serviceId,
                null,
                customer,
                null,
                start,
                start.plus(Duration.ofMinutes(30)),
                uid,
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                key,
                null);
    }

    /** Another company's booking on Tuesday at 10 under {@code key}, with nothing but the company set. */
    NewAppointment otherCompanysBooking(String key) {
        return new NewAppointment(
                other.companyId(),
                null,
                null,
                null,
                null,
                null,
                TUESDAY_10,
                TUESDAY_10.plusSeconds(1800),
                uid(),
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                key,
                null);
    }

    String uid() {
        return "bk_" + UUID.randomUUID();
    }

    @Test
    void insertStoresEveryColumn() {
        String uid = uid();
        Appointments.Saved saved = appointments.insert(new NewAppointment(
                salon.companyId(),
                salon.branchId(),
                haircut,
                null,
                customer,
                null,
                TUESDAY_10,
                TUESDAY_10.plusSeconds(1800),
                uid,
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                "key-" + uid,
                "Bitte kurz"));

        Appointment stored =
                appointments.findByBookingUid(salon.companyId(), uid).orElseThrow();

        assertThat(saved.created()).isTrue();
        assertThat(stored).isEqualTo(saved.appointment());
        assertThat(stored.serviceId()).isEqualTo(haircut);
        assertThat(stored.startsAt()).isEqualTo(TUESDAY_10);
        assertThat(stored.endsAt()).isEqualTo(TUESDAY_10.plusSeconds(1800));
        assertThat(stored.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(stored.source()).isEqualTo(AppointmentSource.PHONE);
        assertThat(stored.notes()).isEqualTo("Bitte kurz");
        assertThat(stored.rescheduleCount()).isZero();
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstRow() {
        String key = "call_1:book:" + UUID.randomUUID();
        Appointments.Saved first = appointments.insert(booking(haircut, TUESDAY_10, uid(), key));

        Appointments.Saved retry = appointments.insert(booking(haircut, TUESDAY_10, uid(), key));

        assertThat(retry.created()).isFalse();
        assertThat(retry.appointment()).isEqualTo(first.appointment());
        assertThat(appointments.upcomingForCustomer(salon.companyId(), customer, NOW))
                .hasSize(1);
    }

    @Test
    void sameBookingUidIsStoredOnceAndWebhookRowIsAdopted() {
        String uid = uid();
        NewAppointment fromWebhook = new NewAppointment(
                salon.companyId(),
                null,
                null,
                null,
                null,
                null,
                TUESDAY_10,
                TUESDAY_10.plusSeconds(1800),
                uid,
                AppointmentStatus.BOOKED,
                AppointmentSource.CALCOM,
                null,
                null);
        Appointments.Saved webhook = appointments.insert(fromWebhook);

        Appointments.Saved ours = appointments.insert(booking(haircut, TUESDAY_10, uid, "key-" + uid));
        Appointments.Saved again = appointments.insert(booking(haircut, TUESDAY_10, uid, "key-" + uid));

        // Cal.com's webhook for our own booking came first: still one appointment, ours, made by phone
        assertThat(ours.created()).isTrue();
        assertThat(ours.appointment().id()).isEqualTo(webhook.appointment().id());
        assertThat(ours.appointment().idempotencyKey()).isEqualTo("key-" + uid);
        assertThat(ours.appointment().customerId()).isEqualTo(customer);
        assertThat(ours.appointment().serviceId()).isEqualTo(haircut);
        assertThat(ours.appointment().source()).isEqualTo(AppointmentSource.PHONE);
        assertThat(again.created()).isFalse();
        assertThat(again.appointment().id()).isEqualTo(webhook.appointment().id());
        assertThat(appointments.between(salon.companyId(), TUESDAY_10, TUESDAY_10.plusSeconds(60)))
                .extracting(Appointment::id)
                .containsExactly(webhook.appointment().id());
    }

    @Test
    void anotherCompanySeesNoneOfIt() {
        String uid = uid();
        Appointment booked = appointments
                .insert(booking(haircut, TUESDAY_10, uid, "key-" + uid))
                .appointment();

        assertThat(appointments.findByBookingUid(other.companyId(), uid)).isEmpty();
        assertThat(appointments.findById(other.companyId(), booked.id())).isEmpty();
        assertThat(appointments.findByIdempotencyKey(other.companyId(), "key-" + uid))
                .isEmpty();
        assertThat(appointments.upcomingForCustomer(other.companyId(), customer, NOW))
                .isEmpty();
        assertThat(appointments.between(other.companyId(), NOW, NOW.plus(Duration.ofDays(7))))
                .isEmpty();
        assertThat(appointments.countsByService(other.companyId(), customer)).isEmpty();
        assertThat(appointments.markCancelled(other.companyId(), booked.id(), "not yours"))
                .isFalse();
        assertThat(appointments.findById(salon.companyId(), booked.id()))
                .get()
                .extracting(Appointment::status)
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void reusingAnotherCompanysIdempotencyKeyFails() {
        String key = "shared-" + UUID.randomUUID();
        appointments.insert(booking(haircut, TUESDAY_10, uid(), key));
        NewAppointment foreign = otherCompanysBooking(key);

        assertThatThrownBy(() -> appointments.insert(foreign)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void upcomingListsOnlyFutureBookedAppointmentsSoonestFirst() {
        Appointment later = appointments
                .insert(booking(colouring, TUESDAY_10.plus(Duration.ofDays(2)), uid(), null))
                .appointment();
        Appointment sooner =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        appointments.insert(booking(haircut, NOW.minus(Duration.ofDays(3)), uid(), null));
        Appointment cancelled = appointments
                .insert(booking(haircut, TUESDAY_10.plus(Duration.ofDays(1)), uid(), null))
                .appointment();
        appointments.markCancelled(salon.companyId(), cancelled.id(), "Kunde krank");

        assertThat(appointments.upcomingForCustomer(salon.companyId(), customer, NOW))
                .extracting(Appointment::id)
                .containsExactly(sooner.id(), later.id());
    }

    @Test
    void cancelOnlyOnceAndKeepTheReason() {
        Appointment booked =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        clock.advance(Duration.ofMinutes(3));

        boolean first = appointments.markCancelled(salon.companyId(), booked.id(), "Termin passt nicht");
        boolean second = appointments.markCancelled(salon.companyId(), booked.id(), "again");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(appointments.findById(salon.companyId(), booked.id())).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(a.cancellationReason()).isEqualTo("Termin passt nicht");
            assertThat(a.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        });
    }

    @Test
    void rescheduleLinksTheNewRowAndRetiresTheOld() {
        Appointment original =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        Instant thursday = TUESDAY_10.plus(Duration.ofDays(2));
        String key = "call_2:reschedule:" + UUID.randomUUID();

        Appointments.Saved moved = appointments.insertRescheduled(
                salon.companyId(), original.id(), booking(haircut, thursday, uid(), key));
        Appointments.Saved repeated = appointments.insertRescheduled(
                salon.companyId(), original.id(), booking(haircut, thursday, uid(), key));
        Appointments.Saved movedAgain = appointments.insertRescheduled(
                salon.companyId(),
                moved.appointment().id(),
                booking(haircut, thursday.plus(Duration.ofHours(1)), uid(), null));

        assertThat(moved.created()).isTrue();
        assertThat(moved.appointment().rescheduledFromId()).isEqualTo(original.id());
        assertThat(moved.appointment().rescheduleCount()).isEqualTo(1);
        assertThat(repeated.created()).isFalse();
        assertThat(repeated.appointment().id()).isEqualTo(moved.appointment().id());
        assertThat(movedAgain.appointment().rescheduleCount()).isEqualTo(2);
        assertThat(appointments.findById(salon.companyId(), original.id()))
                .get()
                .extracting(Appointment::status)
                .isEqualTo(AppointmentStatus.RESCHEDULED);
        assertThat(appointments.upcomingForCustomer(salon.companyId(), customer, NOW))
                .extracting(Appointment::id)
                .containsExactly(movedAgain.appointment().id());
    }

    @Test
    void reschedulingACancelledAppointmentFailsAndChangesNothing() {
        Appointment original =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        appointments.markCancelled(salon.companyId(), original.id(), null);
        String newUid = uid();

        assertThatThrownBy(() -> appointments.insertRescheduled(
                        salon.companyId(),
                        original.id(),
                        booking(haircut, TUESDAY_10.plus(Duration.ofDays(1)), newUid, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cancelled");
        assertThat(appointments.findByBookingUid(salon.companyId(), newUid)).isEmpty();
    }

    @Test
    void failedInsertRollsBackTheRetiredOriginal() {
        Appointment original =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        String takenKey = "taken-" + UUID.randomUUID();
        NewAppointment foreign = otherCompanysBooking(takenKey);
        appointments.insert(foreign);

        assertThatThrownBy(() -> appointments.insertRescheduled(
                        salon.companyId(),
                        original.id(),
                        booking(haircut, TUESDAY_10.plus(Duration.ofDays(1)), uid(), takenKey)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(appointments.findById(salon.companyId(), original.id()))
                .get()
                .extracting(Appointment::status)
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void mostBookedServiceComesFirstAndAMoveCountsOnce() {
        Appointment first = appointments
                .insert(booking(haircut, NOW.minus(Duration.ofDays(60)), uid(), null))
                .appointment();
        appointments.insertRescheduled(
                salon.companyId(), first.id(), booking(haircut, NOW.minus(Duration.ofDays(59)), uid(), null));
        appointments.insert(booking(haircut, NOW.minus(Duration.ofDays(30)), uid(), null));
        appointments.insert(booking(colouring, NOW.minus(Duration.ofDays(10)), uid(), null));

        assertThat(appointments.countsByService(salon.companyId(), customer))
                .satisfiesExactly(
                        top -> {
                            assertThat(top.serviceId()).isEqualTo(haircut);
                            assertThat(top.count()).isEqualTo(2);
                            assertThat(top.lastStartsAt()).isEqualTo(NOW.minus(Duration.ofDays(30)));
                        },
                        next -> {
                            assertThat(next.serviceId()).isEqualTo(colouring);
                            assertThat(next.count()).isEqualTo(1);
                        });
    }

    @Test
    void betweenIsHalfOpenAndOrdered() {
        Appointment atStart =
                appointments.insert(booking(haircut, TUESDAY_10, uid(), null)).appointment();
        Appointment inside = appointments
                .insert(booking(colouring, TUESDAY_10.plusSeconds(3600), uid(), null))
                .appointment();
        appointments.insert(booking(haircut, TUESDAY_10.plus(Duration.ofDays(1)), uid(), null));

        assertThat(appointments.between(salon.companyId(), TUESDAY_10, TUESDAY_10.plus(Duration.ofDays(1))))
                .extracting(Appointment::id)
                .containsExactly(atStart.id(), inside.id());
    }

    @Test
    void rejectsAppointmentsThatEndBeforeTheyStart() {
        assertThatThrownBy(() -> new NewAppointment(
                        salon.companyId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        TUESDAY_10,
                        TUESDAY_10,
                        null,
                        AppointmentStatus.BOOKED,
                        AppointmentSource.PHONE,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
