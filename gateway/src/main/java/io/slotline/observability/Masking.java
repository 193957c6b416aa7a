package io.slotline.observability;

import org.jspecify.annotations.Nullable;

/**
 * Masks personal data before it reaches a log line: enough stays visible to correlate a complaint ("my number
 * ends in 00") without the log being a contact list.
 */
public final class Masking {

    private static final String HIDDEN = "***";

    private Masking() {}

    /** {@code "+4930120000"} becomes {@code "+49******00"}: country code and last two digits stay visible. */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String compact = phone.replaceAll("[\\s\\-./()]", "");
        int keepStart = 3;
        int keepEnd = 2;
        if (compact.length() <= keepStart + keepEnd) {
            return "*".repeat(compact.length());
        }
        return compact.substring(0, keepStart)
                + "*".repeat(compact.length() - keepStart - keepEnd)
                + compact.substring(compact.length() - keepEnd);
    }

    /** {@code "max@example.com"} becomes {@code "m***@example.com"}; the local part's length is not revealed. */
    public static @Nullable String email(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0) {
            return HIDDEN;
        }
        return trimmed.charAt(0) + HIDDEN + trimmed.substring(at);
    }
}
