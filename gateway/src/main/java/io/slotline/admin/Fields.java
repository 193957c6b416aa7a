package io.slotline.admin;

import io.slotline.tenancy.Language;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Field checks of the admin API: each failure is a 400 naming the field. */
final class Fields {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    private Fields() {}

    static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw AdminException.missing(field);
        }
        return value;
    }

    static String text(String field, @Nullable String value, int maxLength) {
        String trimmed = required(field, value).trim();
        if (trimmed.isEmpty()) {
            throw AdminException.invalid(field, field + " must not be blank");
        }
        if (trimmed.length() > maxLength) {
            throw AdminException.invalid(field, field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    /** Blank counts as absent. */
    static @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    static String slug(String field, @Nullable String value) {
        String slug = text(field, value, 80);
        if (!SLUG.matcher(slug).matches()) {
            throw AdminException.invalid(
                    field, field + " must be lowercase letters, digits and single dashes, got '" + slug + "'");
        }
        return slug;
    }

    static String e164(String field, @Nullable String value) {
        String number = required(field, value).trim();
        if (!E164.matcher(number).matches()) {
            throw AdminException.invalid(
                    field, field + " must be an E.164 number like +4930120000, got '" + number + "'");
        }
        return number;
    }

    /** Region ids of the IANA database only: offsets like "+01:00" don't know about summer time. */
    static ZoneId zone(String field, @Nullable String value) {
        String id = required(field, value).trim();
        if (!IANA_ZONES.contains(id)) {
            throw AdminException.invalid(
                    field, field + " must be an IANA time zone like Europe/Berlin, got '" + id + "'");
        }
        return ZoneId.of(id);
    }

    static Language language(String field, @Nullable String value) {
        String code = required(field, value).trim().toLowerCase(Locale.ROOT);
        return switch (code) {
            case "de" -> Language.DE;
            case "en" -> Language.EN;
            default -> throw AdminException.invalid(field, field + " must be de or en, got '" + value + "'");
        };
    }

    static int range(String field, @Nullable Integer value, int min, int max) {
        int number = required(field, value);
        if (number < min || number > max) {
            throw AdminException.invalid(field, field + " must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    static long positive(String field, @Nullable Long value) {
        long number = required(field, value);
        if (number <= 0) {
            throw AdminException.invalid(field, field + " must be a positive id, got " + number);
        }
        return number;
    }

    static String currency(String field, @Nullable String value) {
        String code = required(field, value).trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid(field, field + " must be an ISO 4217 code like EUR, got '" + value + "'");
        }
    }

    /** Secrets are checked without ever echoing them. */
    static String secret(String field, String value) {
        if (value.isBlank()) {
            throw AdminException.invalid(field, field + " must not be blank (omit it to keep the stored one)");
        }
        if (value.length() > 500 || !value.equals(value.strip())) {
            throw AdminException.invalid(
                    field, field + " must be at most 500 characters without leading or trailing spaces");
        }
        return value;
    }

    /** The value given in a request, else the fallback (PATCH: the stored value; PUT and POST: the default). */
    static <T> T pick(@Nullable T given, T fallback) {
        return given != null ? given : fallback;
    }

    /**
     * {@link #pick} for a fallback that may be null (an optional stored value). Two methods because NullAway, run
     * on JDK 17 without its JSpecify mode, does not infer a nullable type argument.
     */
    static <T> @Nullable T pickNullable(@Nullable T given, @Nullable T fallback) {
        return given != null ? given : fallback;
    }
}
