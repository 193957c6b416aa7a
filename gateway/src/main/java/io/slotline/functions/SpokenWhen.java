package io.slotline.functions;

import io.slotline.speech.DateTimeExpressions;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.ParseFailure;
import io.slotline.speech.ParseResult;
import io.slotline.speech.SpokenTimes;
import io.slotline.speech.TimeExpressions;
import io.slotline.speech.TimeWindow;
import io.slotline.speech.ZonedTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Date and time arguments as LLMs pass them on (ISO, or the caller's own words in German or English), read as
 * wall-clock time in the branch's zone relative to the request's "now". What cannot be acted on becomes a
 * speakable answer that says what is wrong: a past day with what the caller may have meant, a date the calendar
 * does not have, two possible readings, a negation, a word that could change the meaning.
 */
@Component
public class SpokenWhen {

    /**
     * @param date a day, possibly with a time or window ("morgen nachmittag", "2026-11-19T14:00"), or a period
     *             ("Anfang nächster Woche")
     * @param time a time ("14:30", "halb drei", "gegen drei") or a window ("vormittags", "ab 15 Uhr"); overrides
     *             one in date
     */
    public Resolution<DateTimeRequest> resolve(CallContext context, @Nullable String date, @Nullable String time) {
        if (date == null || date.isBlank()) {
            return Resolution.ask(invalidDate(context, "missing_date"));
        }
        ParseResult<DateTimeRequest> parsed = DateTimeExpressions.parse(date, context.localNow(), context.language());
        if (parsed instanceof ParseResult.Invalid<DateTimeRequest> invalid) {
            return Resolution.ask(notUnderstood(context, invalid, false));
        }
        DateTimeRequest request = parsed.orElseThrow();
        if (time != null && !time.isBlank()) {
            ParseResult<TimeExpressions.SaidTime> clock = TimeExpressions.read(time, context.language());
            if (clock instanceof ParseResult.Parsed<TimeExpressions.SaidTime> at) {
                request = request.withTime(
                        Optional.of(at.value().time()), at.value().approximate());
            } else {
                ParseResult<TimeWindow> window = TimeWindow.parse(time, context.language());
                if (window instanceof ParseResult.Parsed<TimeWindow> within) {
                    request = request.withWindow(Optional.of(within.value()));
                } else {
                    return Resolution.ask(notUnderstood(
                            context, worse((ParseResult.Invalid<?>) clock, (ParseResult.Invalid<?>) window), true));
                }
            }
        }
        if (!request.isPeriod()
                && request.date().equals(context.today())
                && request.time().filter(LocalTime.MIDNIGHT::equals).isPresent()) {
            // "heute um Mitternacht" is tonight's midnight, the start of tomorrow
            request = request.withDate(context.today().plusDays(1));
        }
        return Resolution.found(request);
    }

    /**
     * As {@link #resolve}, for booking: a period ("nächste Woche") or an approximate time ("gegen drei") is asked
     * back, never booked.
     */
    public Resolution<DateTimeRequest> resolveExact(CallContext context, @Nullable String date, @Nullable String time) {
        Resolution<DateTimeRequest> resolved = resolve(context, date, time);
        if (resolved instanceof Resolution.Found<DateTimeRequest> found
                && (found.value().isPeriod() || found.value().approximate())) {
            return Resolution.ask(FunctionResult.notOk(
                    Reason.EXACT_TIME_NEEDED,
                    Messages.render(MessageKey.EXACT_TIME_NEEDED, context.language()),
                    Map.of("detail", found.value().isPeriod() ? "period" : "approximate_time")));
        }
        return resolved;
    }

    /** The instant of a wall-clock time; a time that does not exist (DST gap) is asked again. */
    public Resolution<Instant> instant(CallContext context, LocalDate date, LocalTime time) {
        ParseResult<Instant> instant = ZonedTimes.toInstant(date, time, context.zone());
        return instant instanceof ParseResult.Parsed<Instant> at
                ? Resolution.found(at.value())
                : Resolution.ask(invalidTime(context, "nonexistent_time"));
    }

    /** The answer for a request in the past, or empty when it is not. */
    public Optional<FunctionResult> pastAnswer(CallContext context, LocalDate date, @Nullable LocalTime time) {
        return pastAnswer(context, new DateTimeRequest(date, Optional.ofNullable(time), Optional.empty()));
    }

    /**
     * The answer for a day, period or time already past, with what the caller may have meant: the day the parser
     * saw behind the words ("letzten Montag" → the coming Monday, "gestern" → today), the same time tomorrow for a
     * time earlier today. Empty when it is not past.
     */
    public Optional<FunctionResult> pastAnswer(CallContext context, DateTimeRequest request) {
        LocalDate today = context.today();
        LocalTime time = request.time().orElse(null);
        boolean dayPast = request.lastDate().isBefore(today);
        boolean timePast = !dayPast
                && !request.isPeriod()
                && time != null
                && request.date().equals(today)
                && time.isBefore(context.localNow().toLocalTime());
        if (!dayPast && !timePast) {
            return Optional.empty();
        }
        String said;
        if (request.isPeriod()) {
            said = SpokenTimes.period(request.date(), request.lastDate(), today, context.language());
        } else {
            said = time == null
                    ? SpokenTimes.day(request.date(), today, context.language())
                    : SpokenTimes.dateTime(LocalDateTime.of(request.date(), time), today, context.language());
        }
        LocalDate meant =
                timePast ? today.plusDays(1) : request.instead().orElseGet(() -> nextLikeIt(request.date(), today));
        if (time != null
                && meant.equals(today)
                && time.isBefore(context.localNow().toLocalTime())) {
            meant = today.plusDays(1);
        }
        String suggestion;
        if (request.isPeriod() && !timePast) {
            LocalDate last = meant.plusDays(
                    request.lastDate().toEpochDay() - request.date().toEpochDay());
            suggestion = SpokenTimes.period(meant, last, today, context.language());
        } else {
            suggestion = time == null
                    ? SpokenTimes.day(meant, today, context.language())
                    : SpokenTimes.dateTime(LocalDateTime.of(meant, time), today, context.language());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("today", today.toString());
        data.put("suggested_date", meant.toString());
        return Optional.of(FunctionResult.notOk(
                Reason.IN_PAST,
                Messages.render(MessageKey.IN_PAST, context.language(), Map.of("time", said, "suggestion", suggestion)),
                data));
    }

    /** A past day without a better guess: the same weekday coming up, or today for a day long gone. */
    private static LocalDate nextLikeIt(LocalDate past, LocalDate today) {
        return today.toEpochDay() - past.toEpochDay() <= 7
                ? today.with(TemporalAdjusters.next(past.getDayOfWeek()))
                : today;
    }

    /** Of two failures to read a time argument, the one that says more. */
    private static ParseResult.Invalid<?> worse(ParseResult.Invalid<?> asTime, ParseResult.Invalid<?> asWindow) {
        return asTime.reason() == ParseFailure.UNPARSEABLE && asWindow.reason() != ParseFailure.UNPARSEABLE
                ? asWindow
                : asTime;
    }

    private static FunctionResult notUnderstood(
            CallContext context, ParseResult.Invalid<?> invalid, boolean timeArgument) {
        String detail = invalid.reason().name().toLowerCase();
        return switch (invalid.reason()) {
            case NEGATED ->
                FunctionResult.notOk(
                        Reason.NEGATED,
                        Messages.render(MessageKey.NEGATED_WISH, context.language()),
                        Map.of("words", invalid.detail()));
            case UNCLEAR ->
                FunctionResult.notOk(
                        Reason.UNCLEAR_WORDS,
                        Messages.render(
                                MessageKey.UNCLEAR_WORDS, context.language(), Map.of("words", invalid.detail())),
                        Map.of("words", invalid.detail()));
            case AMBIGUOUS -> whichDay(context, Reason.AMBIGUOUS_DATE, invalid.detail());
            case CONFLICTING ->
                invalid.detail().isEmpty()
                        ? invalidDate(context, detail)
                        : whichDay(context, Reason.CONFLICTING_DATE, invalid.detail());
            case IMPOSSIBLE_DATE -> impossibleDate(context, invalid.detail());
            case IMPOSSIBLE_TIME, NONEXISTENT_TIME -> invalidTime(context, detail);
            default ->
                timeArgument
                        ? invalidTime(
                                context,
                                "signed_number".equals(invalid.detail()) ? "signed_number" : "unparseable_time")
                        : invalidDate(context, invalid.detail().isEmpty() ? detail : invalid.detail());
        };
    }

    /** "Meinen Sie morgen oder Dienstag, den 24. November?" */
    private static FunctionResult whichDay(CallContext context, Reason reason, String detail) {
        List<LocalDate> days =
                java.util.Arrays.stream(detail.split(" ")).map(LocalDate::parse).toList();
        return FunctionResult.notOk(
                reason,
                Messages.render(
                        MessageKey.WHICH_DAY,
                        context.language(),
                        Map.of(
                                "first", SpokenTimes.day(days.get(0), context.today(), context.language()),
                                "second", SpokenTimes.day(days.get(1), context.today(), context.language()))),
                Map.of("options", days.stream().map(LocalDate::toString).toList()));
    }

    /** "Einen 30. Februar gibt es nicht. Meinen Sie Sonntag, den 28. Februar?" */
    private static FunctionResult impossibleDate(CallContext context, String detail) {
        String[] parts = detail.split("-");
        if (parts.length != 3) {
            return invalidDate(context, "impossible_date");
        }
        int year = Integer.parseInt(parts[0]);
        int month = Integer.parseInt(parts[1]);
        int day = Integer.parseInt(parts[2]);
        LocalDate lastOfMonth = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastDayOfMonth());
        return FunctionResult.notOk(
                Reason.INVALID_DATE,
                Messages.render(
                        MessageKey.IMPOSSIBLE_DATE,
                        context.language(),
                        Map.of(
                                "date", SpokenTimes.calendarDay(month, day, context.language()),
                                "suggestion", SpokenTimes.day(lastOfMonth, context.today(), context.language()))),
                Map.of(
                        "detail",
                        "impossible_date",
                        "suggested_date",
                        lastOfMonth.toString(),
                        "today",
                        context.today().toString()));
    }

    private static FunctionResult invalidDate(CallContext context, String detail) {
        return FunctionResult.notOk(
                Reason.INVALID_DATE,
                Messages.render(MessageKey.INVALID_DATE, context.language()),
                Map.of("detail", detail, "today", context.today().toString()));
    }

    private static FunctionResult invalidTime(CallContext context, String detail) {
        return FunctionResult.notOk(
                Reason.INVALID_TIME,
                Messages.render(MessageKey.INVALID_TIME, context.language()),
                Map.of("detail", detail));
    }
}
