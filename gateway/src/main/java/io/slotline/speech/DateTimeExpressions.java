package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Parses one argument that names a day (or a period) and possibly a time or window: "morgen nachmittag",
 * "Dienstag um 14 Uhr", "next Monday at 2:30pm", "2026-11-19T14:00", "am 19. November ab 15 Uhr", "Freitag
 * zwischen 10 und 12", "Anfang nächster Woche vormittags", "gegen halb drei am zwanzigsten". Day rules are those of
 * {@link DateExpressions}, time rules those of {@link TimeExpressions}, window forms those of {@link TimeWindow};
 * a window said with a time is kept and also used to read the hour. A lone number is not a time here ("Dienstag
 * 14" is {@link ParseFailure#UNPARSEABLE}; "Dienstag um 14" is fine). Without a day the result is
 * {@link ParseFailure#MISSING_DATE}.
 *
 * <p>A result that parsed is understood entirely: every word either belongs to a form, is a filler, or stands away
 * from the date in a sentence. Everything else is a failure with its reason ({@link ParseFailure#NEGATED},
 * {@link ParseFailure#UNCLEAR}, {@link ParseFailure#AMBIGUOUS}...), so that the caller is asked, never guessed at.
 */
public final class DateTimeExpressions {

    private DateTimeExpressions() {}

    public static ParseResult<DateTimeRequest> parse(String text, ZonedDateTime now, Language language) {
        ExpressionScanner.Facts facts = ExpressionScanner.scan(text, language, ExpressionScanner.Mode.DATE_AND_TIME);
        ParseResult.Invalid<Void> refusal = facts.refusal(text);
        if (refusal != null) {
            return refusal.as();
        }
        ParseResult<Optional<TimeWindow>> window = facts.window(text);
        if (window instanceof ParseResult.Invalid<Optional<TimeWindow>> invalid) {
            return invalid.as();
        }
        ParseResult<Optional<LocalTime>> time = facts.time(window.orElseThrow().orElse(null), text);
        if (time instanceof ParseResult.Invalid<Optional<LocalTime>> invalid) {
            return invalid.as();
        }
        ParseResult<ExpressionScanner.Days> days = facts.days(now.toLocalDate(), text);
        return days.map(said -> new DateTimeRequest(
                said.first(),
                time.orElseThrow(),
                window.orElseThrow(),
                said.last(),
                facts.approximate(),
                Optional.ofNullable(said.instead())));
    }
}
