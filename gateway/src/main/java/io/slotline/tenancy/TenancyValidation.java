package io.slotline.tenancy;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

final class TenancyValidation {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private TenancyValidation() {}

    static void requireText(@Nullable String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
    }

    static void requireNonNull(@Nullable Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    static String requireE164(@Nullable String number) {
        String trimmed = number == null ? "" : number.trim();
        if (!E164.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("phone number must be E.164 like +4930120000, got '" + number + "'");
        }
        return trimmed;
    }
}
