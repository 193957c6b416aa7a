package io.slotline.tenancy;

/** A cancellation with at least {@code minNoticeHours} notice costs {@code feeCents}. */
public record FeeRule(int minNoticeHours, int feeCents) {

    public FeeRule {
        if (minNoticeHours < 0 || feeCents < 0) {
            throw new IllegalArgumentException("fee rule needs minNoticeHours >= 0 and feeCents >= 0");
        }
    }
}
