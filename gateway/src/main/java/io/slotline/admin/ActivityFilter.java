package io.slotline.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filters shared by the activity lists (calls, appointments, customers, callback requests), parsed and checked.
 *
 * @param from  inclusive
 * @param to    exclusive
 * @param phone digits (and an optional leading +) the number must contain
 */
record ActivityFilter(
        @Nullable Long companyId,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String status,
        @Nullable String phone,
        int page,
        int size) {

    static final int MAX_SIZE = 200;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{2,15}");

    /**
     * @param from a date ({@code 2026-03-01}, from its start in UTC) or an instant ({@code 2026-03-01T08:00:00Z})
     * @param to   a date (through its end in UTC) or an instant (exclusive)
     */
    static ActivityFilter parse(
            @Nullable Long companyId,
            @Nullable String from,
            @Nullable String to,
            @Nullable String status,
            Set<String> statuses,
            @Nullable String phone,
            int page,
            int size) {
        if (companyId != null && companyId <= 0) {
            throw AdminException.invalid("companyId", "companyId must be a positive id");
        }
        Instant start = time("from", from, false);
        Instant end = time("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw AdminException.invalid("to", "to must be after from");
        }
        String cleanStatus =
                status == null || status.isBlank() ? null : status.trim().toLowerCase(Locale.ROOT);
        if (cleanStatus != null && !statuses.contains(cleanStatus)) {
            throw AdminException.invalid(
                    "status",
                    statuses.isEmpty()
                            ? "this list has no status filter"
                            : "status must be one of "
                                    + String.join(
                                            ", ", statuses.stream().sorted().toList()));
        }
        String cleanPhone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s\\-./()]", "");
        if (cleanPhone != null && !PHONE.matcher(cleanPhone).matches()) {
            throw AdminException.invalid("phone", "phone must be digits, optionally with a leading +");
        }
        if (page < 0) {
            throw AdminException.invalid("page", "page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw AdminException.invalid("size", "size must be between 1 and " + MAX_SIZE);
        }
        return new ActivityFilter(companyId, start, end, cleanStatus, cleanPhone, page, size);
    }

    long offset() {
        return (long) page * size;
    }

    @Nullable String phonePattern() {
        return phone == null ? null : "%" + phone + "%";
    }

    private static @Nullable Instant time(String field, @Nullable String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AdminException.invalid(
                    field, field + " must be a date like 2026-03-01 or an instant like " + "2026-03-01T08:00:00Z");
        }
    }
}
