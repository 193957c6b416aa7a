package io.slotline.observability;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a tag's distinct values bounded: callers pass free text (reasons, event names, slugs) and a typo or an
 * attacker-controlled value must not create unbounded Prometheus series.
 */
public final class BoundedTagValues {

    static final String OTHER = "other";

    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,62}");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final int maxDistinct;
    private final String fallbackForMissing;

    /**
     * @param known              values that always stand for themselves
     * @param maxDistinct        how many other values may stand for themselves; any further one is "other"
     * @param fallbackForMissing the value of a null or blank one
     */
    public BoundedTagValues(Set<String> known, int maxDistinct, String fallbackForMissing) {
        this.seen.addAll(known);
        this.maxDistinct = known.size() + maxDistinct;
        this.fallbackForMissing = fallbackForMissing;
    }

    public String tag(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return fallbackForMissing;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (!SAFE.matcher(value).matches()) {
            return OTHER;
        }
        if (seen.contains(value)) {
            return value;
        }
        // A racing thread may slip one value past the limit; the bound only has to be finite, not exact.
        if (seen.size() < maxDistinct) {
            seen.add(value);
            return value;
        }
        return OTHER;
    }
}
