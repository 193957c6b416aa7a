package io.slotline.sim.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The timestamp spellings Cal.com uses in different places. */
public final class Times {

    private static final DateTimeFormatter MILLIS_Z = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
    private static final DateTimeFormatter SECONDS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS_UTC_OFFSET = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss'+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {}

    /** JavaScript {@code Date.toISOString()}: {@code 2030-01-08T13:00:00.000Z}. */
    public static String iso(Instant instant) {
        return MILLIS_Z.format(instant);
    }

    /**
     * Luxon {@code toISO()} as the slots endpoint produces it: {@code Z} when no zone or the fixed UTC zone
     * ("UTC"/"GMT") is asked for, otherwise the zone's offset even when it is {@code +00:00}.
     */
    public static String luxon(Instant instant, @Nullable String zoneName) {
        if (isUtcName(zoneName)) {
            return iso(instant);
        }
        return MILLIS_OFFSET.format(instant.atZone(ZoneId.of(zoneName)));
    }

    public static boolean isUtcName(@Nullable String zoneName) {
        return zoneName == null || zoneName.equalsIgnoreCase("utc") || zoneName.equalsIgnoreCase("gmt");
    }

    /** dayjs {@code .utc().format()} in created/rescheduled webhooks: {@code 2024-01-01T10:00:00Z}. */
    public static String webhookUtc(Instant instant) {
        return SECONDS_Z.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** dayjs {@code .format()} on a UTC server in cancelled webhooks: {@code 2024-01-01T10:00:00+00:00}. */
    public static String webhookOffset(Instant instant) {
        return SECONDS_UTC_OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
