package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Turns a spoken or LLM-written date into a calendar day, relative to "now" in the branch's zone.
 *
 * <p>Forms (German and English vocabulary are both accepted in either language, because LLMs translate):
 * <ul>
 *   <li>ISO {@code 2026-11-19}, also the date of {@code 2026-11-19T14:00} (any offset or "Z" is ignored: LLMs
 *       append it to wall-clock times without converting);</li>
 *   <li>{@code 19.11.2026}, {@code 19.11.26}, {@code 19.11.}, {@code 19.11}; {@code 19/11}, and {@code 11/19} when
 *       only month-first makes sense;</li>
 *   <li>"19. November", "am 19. November 2026", "19 Nov", "the 19th of November", "19th November", "November 19",
 *       "November 19th, 2026"; month names and abbreviations in German and English, "März"/"Maerz"/"Mrz";</li>
 *   <li>a day of the month alone with an ordinal or article: "am 19.", "den 19.", "the 19th";</li>
 *   <li>"heute", "morgen", "übermorgen"/"uebermorgen", "today", "tomorrow", "(the) day after tomorrow",
 *       "in 3 Tagen", "in einer Woche", "in two weeks", "a week from today", "a week from tomorrow";</li>
 *   <li>weekdays (full names, "Dienstags", "Tue", "Di."), optionally with "am"/"on", "nächsten"/"kommenden"/
 *       "next"/"coming", "diesen"/"this", "übernächsten", or a week: "Dienstag nächste Woche", "next week
 *       Monday", "Montag diese Woche", "Freitag übernächste Woche", "Dienstag in zwei Wochen".</li>
 * </ul>
 *
 * <p>Rules:
 * <ul>
 *   <li>A bare weekday, and "nächsten/kommenden/next/coming &lt;weekday&gt;", is the first such day strictly after
 *       today: "Dienstag" said on a Tuesday is next week's Tuesday; said with "heute"/"today" it is today.</li>
 *   <li>"diesen/this &lt;weekday&gt;" is the first such day from today on, today included.</li>
 *   <li>"übernächsten &lt;weekday&gt;" is a week after the bare weekday.</li>
 *   <li>"&lt;weekday&gt; nächste Woche" / "next week &lt;weekday&gt;" is that weekday in the next ISO week
 *       (Monday-Sunday): said on a Monday, "Dienstag nächste Woche" is in 8 days, "nächsten Dienstag" tomorrow;
 *       "diese Woche" is the current ISO week, even if that day has passed.</li>
 *   <li>A day and month without a year is the next occurrence, today included ("am 3. Januar" on 2026-12-28 is
 *       2027-01-03); a day without month is the next such day of a month, today included.</li>
 *   <li>An explicit year is taken as said, even in the past; rejecting past days is the caller's decision.</li>
 *   <li>A weekday or relative word that contradicts the date ("Dienstag, 19.11." when the 19th is a Thursday),
 *       or two different days, is {@link ParseFailure#CONFLICTING}; 31.02., 2026-02-30 or 29.02. in a year
 *       without it is {@link ParseFailure#IMPOSSIBLE_DATE}.</li>
 *   <li>Case, umlaut spelling, punctuation and filler words ("am", "den", "on", "the", "bitte") do not matter;
 *       a number no form accounts for, or a text over 200 characters, makes it {@link ParseFailure#UNPARSEABLE}.
 *       Times and windows in the same text are allowed and ignored here (see {@link DateTimeExpressions}); a
 *       time, window or week without a day ("um 14 Uhr", "nächste Woche") is {@link ParseFailure#MISSING_DATE}.</li>
 * </ul>
 */
public final class DateExpressions {

    private DateExpressions() {}

    /**
     * @param now the current time in the branch's zone; its date is "today"
     * @param language the conversation's language; only decides whether "10 am" is a.m. (see {@link TimeExpressions})
     */
    public static ParseResult<LocalDate> parse(String text, ZonedDateTime now, Language language) {
        ExpressionScanner.Facts facts = ExpressionScanner.scan(text, language, ExpressionScanner.Mode.DATE_AND_TIME);
        ParseResult.Invalid<Void> refusal = facts.refusal(text);
        if (refusal != null) {
            return refusal.as();
        }
        return facts.date(now.toLocalDate(), text);
    }
}
