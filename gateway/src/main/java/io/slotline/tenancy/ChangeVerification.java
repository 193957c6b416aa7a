package io.slotline.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a caller must tell before cancelling or moving an appointment that was not booked under the number they
 * call from (a withheld number, another phone). Calling from the booking's own number is always enough.
 */
public enum ChangeVerification {

    /** The full name and the phone number the appointment was booked under; otherwise a callback request. */
    BOOKED_PHONE,
    /** Never by phone: the wish is recorded as a callback request with its details for the team. */
    CALLBACK;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChangeVerification fromCode(String code) {
        for (ChangeVerification value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("changeVerification must be one of " + codes() + ", got '" + code + "'");
    }

    public static String codes() {
        return Arrays.stream(values()).map(ChangeVerification::code).collect(Collectors.joining(", "));
    }
}
