package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Turns a spoken or LLM-written clock time into a wall-clock time (in the branch's zone, by convention).
 *
 * <p>Forms: "14:00", "14.30", "14:30:00", "14 Uhr", "14 Uhr 30", "vierzehn Uhr dreißig", "14h", "14h30", "2pm",
 * "2:30 pm", "2 p.m.", "two thirty", "3 o'clock", "noon"/"midday"/"Mittag" (12:00), "Mitternacht"/"midnight"
 * (00:00), "halb drei", "viertel nach zwei", "viertel vor drei", "dreiviertel drei", "viertel drei" (= 2:15),
 * "zehn nach zwei", "fünf vor halb drei", "half past two", "quarter past/to three", "ten past/after two", "ten to
 * three", "um 3", "at 3", "gegen 3". Number words up to 59 in both languages. A lone number ("14", "drei") is an
 * hour here, where the whole argument is a time, but not inside a date phrase (see {@link DateTimeExpressions}).
 *
 * <p>Hour rules:
 * <ul>
 *   <li>am/pm decides ("2 am" = 02:00, "12 am" = 00:00, "12 pm" = 12:00); an hour above 12 with am/pm is impossible.</li>
 *   <li>Hours 0 and 13-23, and any hour written with a leading zero ("07:30") or in an ISO timestamp, are 24-hour.</li>
 *   <li>Otherwise 1-12 is read in salon hours: 1-7 is afternoon ("um 3" = 15:00, "halb drei" = 14:30, "7:30" =
 *       19:30), 8-12 as said ("halb neun" = 08:30). The rule applies to the resulting clock hour: "halb acht" is
 *       7:30, so 19:30.</li>
 *   <li>A window said with the time overrides the habit: the reading inside (or nearest to) the window wins
 *       ("abends um 8" = 20:00, "um 7 morgens" = 07:00).</li>
 *   <li>In German, "am" right after a number is a.m. only at the very end ("um 10 am Dienstag" is 10:00 on
 *       Tuesday, not a.m.); in English it always is.</li>
 *   <li>25:00, 24:00, 14:75, 13 pm are {@link ParseFailure#IMPOSSIBLE_TIME}; two different times are
 *       {@link ParseFailure#CONFLICTING}.</li>
 * </ul>
 */
public final class TimeExpressions {

    private TimeExpressions() {}

    public static ParseResult<LocalTime> parse(String text, Language language) {
        return read(text, language).map(SaidTime::time);
    }

    /** A time and whether it was meant roughly ("gegen halb drei" = 14:30, approximate). */
    public record SaidTime(LocalTime time, boolean approximate) {}

    /** As {@link #parse}, keeping whether the time was meant roughly ("gegen", "kurz nach", "around", "-ish"). */
    public static ParseResult<SaidTime> read(String text, Language language) {
        ExpressionScanner.Facts facts = ExpressionScanner.scan(text, language, ExpressionScanner.Mode.TIME_ONLY);
        ParseResult.Invalid<Void> refusal = facts.refusal(text);
        if (refusal != null) {
            return refusal.as();
        }
        TimeWindow hint =
                facts.window(text).toOptional().flatMap(window -> window).orElse(null);
        ParseResult<Optional<LocalTime>> time = facts.time(hint, text);
        if (time instanceof ParseResult.Invalid<Optional<LocalTime>> invalid) {
            return invalid.as();
        }
        return time.orElseThrow()
                .<ParseResult<SaidTime>>map(at -> ParseResult.parsed(new SaidTime(at, facts.approximate())))
                .orElseGet(() -> ParseResult.invalid(ParseFailure.UNPARSEABLE, text));
    }
}
