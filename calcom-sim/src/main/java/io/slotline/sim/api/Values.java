package io.slotline.sim.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import tools.jackson.databind.JsonNode;

/** Parsing of request values with the leniency of Cal.com's validators. */
final class Values {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern JS_INT = Pattern.compile("^\\s*([+-]?)(\\d{1,18})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private Values() {}

    /** An ISO 8601 date or date-time; without an offset it is UTC, as on Cal.com's servers. */
    static Optional<Instant> instant(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            String time = m.group(2) + ":" + (m.group(3) == null ? "00" : m.group(3))
                    + (m.group(4) == null ? "" : m.group(4));
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time);
            String offset = m.group(5);
            if (offset == null || offset.equalsIgnoreCase("z")) {
                return Optional.of(local.toInstant(ZoneOffset.UTC));
            }
            String normalized = offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3);
            return Optional.of(
                    OffsetDateTime.of(local, ZoneOffset.of(normalized)).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean isDateOnly(String text) {
        return text.trim().length() == 10;
    }

    static Optional<Instant> instant(@Nullable JsonNode node) {
        return node != null && node.isString() ? instant(node.stringValue()) : Optional.empty();
    }

    /** JavaScript {@code parseInt}: leading digits count, the rest is ignored; null for NaN. */
    static @Nullable Long jsParseInt(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = JS_INT.matcher(text);
        if (!m.find()) {
            return null;
        }
        long value = Long.parseLong(m.group(2));
        return "-".equals(m.group(1)) ? -value : value;
    }

    /** A whole JSON number (1 and 1.0 both count). */
    static boolean isInteger(@Nullable JsonNode node) {
        return node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong();
    }

    @Contract("null -> false")
    static boolean isValidZone(@Nullable String zone) {
        return zone != null && !zone.isEmpty() && ZoneId.getAvailableZoneIds().contains(zone);
    }

    static boolean isE164(String phone) {
        return E164.matcher(phone).matches();
    }

    @Contract("null -> false")
    static boolean present(@Nullable JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
