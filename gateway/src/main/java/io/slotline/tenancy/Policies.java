package io.slotline.tenancy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A company's booking rules.
 *
 * @param cancellationFees   evaluated from the largest notice down; no matching rule means free
 * @param changeVerification what a caller not calling from the booking's number must tell to change it
 */
public record Policies(
        int cancellationDeadlineHours,
        int rescheduleDeadlineHours,
        int maxReschedules,
        List<FeeRule> cancellationFees,
        ChangeVerification changeVerification) {

    public static final Policies DEFAULTS = new Policies(24, 24, 3, List.of());

    public Policies(
            int cancellationDeadlineHours,
            int rescheduleDeadlineHours,
            int maxReschedules,
            List<FeeRule> cancellationFees) {
        this(
                cancellationDeadlineHours,
                rescheduleDeadlineHours,
                maxReschedules,
                cancellationFees,
                ChangeVerification.BOOKED_PHONE);
    }

    public Policies {
        changeVerification = changeVerification == null ? ChangeVerification.BOOKED_PHONE : changeVerification;
        if (cancellationDeadlineHours < 0 || rescheduleDeadlineHours < 0 || maxReschedules < 0) {
            throw new IllegalArgumentException("policy hours and maxReschedules must be >= 0");
        }
        cancellationFees = cancellationFees == null
                ? List.of()
                : cancellationFees.stream()
                        .sorted(Comparator.comparingInt(FeeRule::minNoticeHours).reversed())
                        .toList();
    }

    public int cancellationFeeCents(Duration notice) {
        long noticeHours = notice.isNegative() ? 0 : notice.toHours();
        return cancellationFees.stream()
                .filter(rule -> noticeHours >= rule.minNoticeHours())
                .findFirst()
                .map(FeeRule::feeCents)
                .orElse(0);
    }
}
