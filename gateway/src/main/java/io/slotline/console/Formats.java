package io.slotline.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times as the viewer reads them: in the viewer's zone and language. Used by the templates as {@code fmt}. */
final class Formats {

    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    Formats(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern(
                        locale.getLanguage().equals("de") ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm", locale)
                .withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .withZone(zone);
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public String zone() {
        return zone.getId();
    }

    /** "1:05" style length of a call, or "" while it runs. */
    public String duration(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return "";
        }
        long seconds = java.time.Duration.between(from, to).toSeconds();
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    /** Arguments as logged (contact details already masked), pretty enough to read. */
    public String args(@Nullable String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return "";
        }
        return json;
    }
}
