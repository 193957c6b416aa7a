package io.slotline.functions;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A phone number as an LLM passes it on ("+49 151 2345678", "0151/2345678", "0049 151 ..."), as E.164. A national
 * number (leading 0) takes the country code of the caller's own number; without one it cannot be read.
 */
final class PhoneInput {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-/().]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** ITU country codes of two digits; 1 and 7 have one, all others three. */
    private static final Set<String> TWO_DIGIT_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98");

    private PhoneInput() {}

    static Optional<String> e164(String spoken, @Nullable String callerNumber) {
        String compact = SEPARATORS.matcher(spoken.trim()).replaceAll("");
        String candidate;
        if (compact.startsWith("+")) {
            candidate = compact;
        } else if (compact.startsWith("00")) {
            candidate = "+" + compact.substring(2);
        } else if (compact.startsWith("0")
                && callerNumber != null
                && E164.matcher(callerNumber).matches()) {
            candidate = "+" + countryCode(callerNumber) + compact.substring(1);
        } else {
            return Optional.empty();
        }
        return E164.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    static String countryCode(String e164) {
        String digits = e164.substring(1);
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return digits.substring(0, 1);
        }
        String two = digits.substring(0, 2);
        return TWO_DIGIT_CODES.contains(two) ? two : digits.substring(0, 3);
    }
}
