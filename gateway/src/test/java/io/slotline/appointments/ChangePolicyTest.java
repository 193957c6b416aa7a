package io.slotline.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.appointments.ChangePolicy.Change;
import io.slotline.tenancy.FeeRule;
import io.slotline.tenancy.Policies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-25T08:00:00Z");
    /** Deadline 12 h for both; >= 48 h free, >= 24 h 10 euros, else 15 euros; two moves at most. */
    private static final Policies SALON =
            new Policies(12, 12, 2, List.of(new FeeRule(48, 0), new FeeRule(24, 1000), new FeeRule(0, 1500)));

    @Test
    void freeWithEnoughNotice() {
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(72), 0, false)).isEqualTo(new ChangePolicy.Allowed(0));
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(48), 0, false)).isEqualTo(new ChangePolicy.Allowed(0));
    }

    @Test
    void feeIsNamedBeforeActingWithTheNoticeThatWouldHaveBeenCheaper() {
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(47).plusMinutes(59), 0, false))
                .isEqualTo(new ChangePolicy.FeeToConfirm(1000, 48));
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(20), 0, false))
                .isEqualTo(new ChangePolicy.FeeToConfirm(1500, 24));
    }

    @Test
    void confirmedFeeLetsTheChangeThroughAndKeepsTheAmount() {
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(30), 0, true))
                .isEqualTo(new ChangePolicy.Allowed(1000));
        assertThat(decide(SALON, Change.RESCHEDULE, Duration.ofHours(13), 0, true))
                .isEqualTo(new ChangePolicy.Allowed(1500));
    }

    @Test
    void movesPayTheSameFeeTableAsCancellations() {
        assertThat(decide(SALON, Change.RESCHEDULE, Duration.ofHours(30), 0, false))
                .isEqualTo(new ChangePolicy.FeeToConfirm(1000, 48));
    }

    @Test
    void deadlineIsAHardLimitEvenWithFeeConfirmed() {
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(11).plusMinutes(59), 0, true))
                .isEqualTo(new ChangePolicy.DeadlinePassed(12));
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(12), 0, false))
                .isEqualTo(new ChangePolicy.FeeToConfirm(1500, 24));
    }

    @Test
    void cancellationAndRescheduleDeadlinesAreSeparate() {
        Policies policies = new Policies(24, 6, 3, List.of());

        assertThat(decide(policies, Change.CANCEL, Duration.ofHours(10), 0, false))
                .isEqualTo(new ChangePolicy.DeadlinePassed(24));
        assertThat(decide(policies, Change.RESCHEDULE, Duration.ofHours(10), 0, false))
                .isEqualTo(new ChangePolicy.Allowed(0));
    }

    @Test
    void movesAreLimitedPerAppointmentChainButCancellingIsNot() {
        assertThat(decide(SALON, Change.RESCHEDULE, Duration.ofHours(72), 1, false))
                .isEqualTo(new ChangePolicy.Allowed(0));
        assertThat(decide(SALON, Change.RESCHEDULE, Duration.ofHours(72), 2, false))
                .isEqualTo(new ChangePolicy.RescheduleLimitReached(2));
        assertThat(decide(SALON, Change.CANCEL, Duration.ofHours(72), 2, false)).isEqualTo(new ChangePolicy.Allowed(0));
    }

    @Test
    void aFeeChargedWhateverTheNoticeHasNoCheaperThreshold() {
        Policies flat = new Policies(0, 0, 3, List.of(new FeeRule(0, 500)));

        assertThat(decide(flat, Change.CANCEL, Duration.ofDays(30), 0, false))
                .isEqualTo(new ChangePolicy.FeeToConfirm(500, null));
    }

    @Test
    void startedAppointmentsCannotChange() {
        Policies none = new Policies(0, 0, 3, List.of());

        assertThat(decide(none, Change.CANCEL, Duration.ZERO, 0, false)).isEqualTo(new ChangePolicy.AlreadyStarted());
        assertThat(decide(none, Change.CANCEL, Duration.ofMinutes(-5), 0, false))
                .isEqualTo(new ChangePolicy.AlreadyStarted());
        assertThat(decide(none, Change.CANCEL, Duration.ofMinutes(1), 0, false)).isEqualTo(new ChangePolicy.Allowed(0));
    }

    private static ChangePolicy.Decision decide(
            Policies policies, Change change, Duration notice, int moves, boolean feeConfirmed) {
        return ChangePolicy.evaluate(policies, change, appointment(NOW.plus(notice), moves), NOW, feeConfirmed);
    }

    private static Appointment appointment(Instant start, int rescheduleCount) {
        return new Appointment(
                1,
                1,
                1L,
                1L,
                null,
                1L,
                null,
                start,
                start.plus(Duration.ofMinutes(30)),
                "uid",
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                null,
                null,
                rescheduleCount,
                null,
                null,
                NOW,
                NOW);
    }
}
