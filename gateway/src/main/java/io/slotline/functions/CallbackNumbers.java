package io.slotline.functions;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A number to call back as callers say it ("030 / 123 45-67", "0049 30 1234567", "+49 30 1234567"): kept for a
 * person to dial, so national forms stay national; only separators go and "00" becomes "+".
 */
final class CallbackNumbers {

    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{6,20}");

    private CallbackNumbers() {}

    /** The cleaned number, or null when nothing diallable was given. */
    static @Nullable String normalise(@Nullable String spoken) {
        if (spoken == null) {
            return null;
        }
        String compact = spoken.replaceAll("[\\s().\\-/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return DIALLABLE.matcher(compact).matches() ? compact : null;
    }
}
