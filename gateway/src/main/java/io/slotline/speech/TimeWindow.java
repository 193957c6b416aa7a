package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of a day in which the caller wants an appointment to start: {@code [start, end)} in wall-clock time,
 * where {@code end == LocalTime.MAX} means "until the end of the day".
 *
 * <p>Spoken forms ({@link #parse}): "vormittags", "morgens", "in the morning" (08:00-12:00); "mittags", "über
 * Mittag", "lunchtime" (11:30-14:00); "nachmittags", "in the afternoon" (12:00-17:00); "abends", "in the evening",
 * "tonight" (17:00-21:00); "ab 15 Uhr", "nach 15 Uhr", "after 3pm", "from 3 pm" (15:00 inclusive to end of day);
 * "bis 12", "vor 12 Uhr", "before noon", "until 12" (start of day to 12:00 exclusive); "zwischen 10 und 12", "von
 * 10 bis 12", "between 10 and 12", "from 2 to 4 pm", "10-12 Uhr". Bounds follow {@link TimeExpressions}' hour rules.
 * Several windows in one phrase intersect ("nachmittags ab 15 Uhr" = 15:00-17:00); disjoint ones are
 * {@link ParseFailure#CONFLICTING}.
 */
public record TimeWindow(Kind kind, LocalTime start, LocalTime end) {

    public enum Kind {
        MORNING,
        MIDDAY,
        AFTERNOON,
        EVENING,
        FROM,
        UNTIL,
        BETWEEN
    }

    public static final TimeWindow MORNING = new TimeWindow(Kind.MORNING, LocalTime.of(8, 0), LocalTime.NOON);
    public static final TimeWindow MIDDAY = new TimeWindow(Kind.MIDDAY, LocalTime.of(11, 30), LocalTime.of(14, 0));
    public static final TimeWindow AFTERNOON = new TimeWindow(Kind.AFTERNOON, LocalTime.NOON, LocalTime.of(17, 0));
    public static final TimeWindow EVENING = new TimeWindow(Kind.EVENING, LocalTime.of(17, 0), LocalTime.of(21, 0));

    public TimeWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window must start before it ends: " + start + "-" + end);
        }
    }

    public static TimeWindow from(LocalTime start) {
        return new TimeWindow(Kind.FROM, start, LocalTime.MAX);
    }

    public static TimeWindow until(LocalTime end) {
        return new TimeWindow(Kind.UNTIL, LocalTime.MIDNIGHT, end);
    }

    public static TimeWindow between(LocalTime start, LocalTime end) {
        return new TimeWindow(Kind.BETWEEN, start, end);
    }

    /** Parses a spoken window; see the class comment for the forms. */
    public static ParseResult<TimeWindow> parse(String text, Language language) {
        ExpressionScanner.Facts facts = ExpressionScanner.scan(text, language, ExpressionScanner.Mode.DATE_AND_TIME);
        ParseResult.Invalid<Void> refusal = facts.refusal(text);
        if (refusal != null) {
            return refusal.as();
        }
        ParseResult<Optional<TimeWindow>> window = facts.window(text);
        if (window instanceof ParseResult.Invalid<Optional<TimeWindow>> invalid) {
            return invalid.as();
        }
        return window.orElseThrow()
                .<ParseResult<TimeWindow>>map(ParseResult::parsed)
                .orElseGet(() -> ParseResult.invalid(ParseFailure.UNPARSEABLE, text));
    }

    public boolean endsAtEndOfDay() {
        return end.equals(LocalTime.MAX);
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && (endsAtEndOfDay() || time.isBefore(end));
    }

    /** The overlap of both windows, empty when they do not overlap. */
    public Optional<TimeWindow> intersect(TimeWindow other) {
        LocalTime lower = start.isAfter(other.start) ? start : other.start;
        LocalTime upper = end.isBefore(other.end) ? end : other.end;
        if (!lower.isBefore(upper)) {
            return Optional.empty();
        }
        if (lower.equals(start) && upper.equals(end)) {
            return Optional.of(this);
        }
        if (lower.equals(other.start) && upper.equals(other.end)) {
            return Optional.of(other);
        }
        Kind kind =
                upper.equals(LocalTime.MAX) ? Kind.FROM : lower.equals(LocalTime.MIDNIGHT) ? Kind.UNTIL : Kind.BETWEEN;
        return Optional.of(new TimeWindow(kind, lower, upper));
    }

    /** First instant of the window on that day in the zone; a start inside a DST gap moves to the gap's end. */
    public Instant startOn(LocalDate date, ZoneId zone) {
        return ZonedTimes.atOrAfter(date.atTime(start), zone);
    }

    /** Exclusive end of the window on that day; the end of the day is the next day's first instant. */
    public Instant endOn(LocalDate date, ZoneId zone) {
        if (endsAtEndOfDay()) {
            return ZonedTimes.startOfDay(date.plusDays(1), zone);
        }
        return ZonedTimes.atOrAfter(date.atTime(end), zone);
    }

    /** How far a time lies outside the window, 0 inside; used to pick morning or afternoon for "um 8". */
    long minutesOutside(LocalTime time) {
        if (contains(time)) {
            return 0;
        }
        if (time.isBefore(start)) {
            return Duration.between(time, start).toMinutes();
        }
        return Duration.between(end, time).toMinutes();
    }
}
