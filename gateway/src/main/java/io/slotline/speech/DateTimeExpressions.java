package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Parses one argument that names a day and possibly a time or window: "morgen nachmittag", "Dienstag um 14 Uhr",
 * "next Monday at 2:30pm", "2026-11-19T14:00", "am 19. November ab 15 Uhr", "Freitag zwischen 10 und 12".
 * Day rules are those of {@link DateExpressions}, time rules those of {@link TimeExpressions}, window forms those
 * of {@link TimeWindow}; a window said with a time is kept and also used to read the hour. A lone number is not a
 * time here ("Dienstag 14" is {@link ParseFailure#UNPARSEABLE}; "Dienstag um 14" is fine). Without a day the
 * result is {@link ParseFailure#MISSING_DATE}.
 */
public final class DateTimeExpressions {

    private DateTimeExpressions() {
    }

    public static ParseResult<DateTimeRequest> parse(String text, ZonedDateTime now, Language language) {
        ExpressionScanner.Facts facts = ExpressionScanner.scan(text, language, ExpressionScanner.Mode.DATE_AND_TIME);
        if (facts.unparseable()) {
            return ParseResult.invalid(ParseFailure.UNPARSEABLE, text);
        }
        ParseResult<Optional<TimeWindow>> window = facts.window(text);
        if (window instanceof ParseResult.Invalid<Optional<TimeWindow>> invalid) {
            return ParseResult.invalid(invalid.reason(), text);
        }
        ParseResult<Optional<LocalTime>> time = facts.time(window.orElseThrow().orElse(null), text);
        if (time instanceof ParseResult.Invalid<Optional<LocalTime>> invalid) {
            return ParseResult.invalid(invalid.reason(), text);
        }
        ParseResult<LocalDate> date = facts.date(now.toLocalDate(), text);
        return date.map(day -> new DateTimeRequest(day, time.orElseThrow(), window.orElseThrow()));
    }
}
