package io.slotline.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

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

/**
 * Date and time arguments as LLMs pass them on (ISO, or the caller's own words in German or English), read as
 * wall-clock time in the branch's zone relative to the request's "now". Failures become speakable answers.
 */
@Component
public class SpokenWhen {

    /**
     * @param date a day, possibly with a time or window ("morgen nachmittag", "2026-11-19T14:00")
     * @param time a time ("14:30", "halb drei") or a window ("vormittags", "ab 15 Uhr"); overrides one in date
     */
    public Resolution<DateTimeRequest> resolve(CallContext context, @Nullable String date, @Nullable String time) {
        if (date == null || date.isBlank()) {
            return Resolution.ask(invalidDate(context, "missing_date"));
        }
        ParseResult<DateTimeRequest> parsed = DateTimeExpressions.parse(date, context.localNow(), context.language());
        if (parsed instanceof ParseResult.Invalid<DateTimeRequest> invalid) {
            return Resolution.ask(invalid.reason() == ParseFailure.IMPOSSIBLE_TIME
                    || invalid.reason() == ParseFailure.NONEXISTENT_TIME
                    ? invalidTime(context, invalid.reason().name().toLowerCase())
                    : invalidDate(context, invalid.reason().name().toLowerCase()));
        }
        DateTimeRequest request = parsed.orElseThrow();
        if (time == null || time.isBlank()) {
            return Resolution.found(request);
        }
        ParseResult<LocalTime> clock = TimeExpressions.parse(time, context.language());
        if (clock instanceof ParseResult.Parsed<LocalTime> at) {
            return Resolution.found(new DateTimeRequest(request.date(), Optional.of(at.value()), request.window()));
        }
        ParseResult<TimeWindow> window = TimeWindow.parse(time, context.language());
        if (window instanceof ParseResult.Parsed<TimeWindow> within) {
            return Resolution.found(new DateTimeRequest(request.date(), request.time(), Optional.of(within.value())));
        }
        return Resolution.ask(invalidTime(context, "unparseable_time"));
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
        boolean past = date.isBefore(context.today())
                || (time != null && date.equals(context.today()) && time.isBefore(context.localNow().toLocalTime()));
        if (!past) {
            return Optional.empty();
        }
        String spoken = time == null
                ? SpokenTimes.day(date, context.today(), context.language())
                : SpokenTimes.dateTime(LocalDateTime.of(date, time), context.today(), context.language());
        return Optional.of(FunctionResult.notOk("in_past",
                Messages.render(MessageKey.IN_PAST, context.language(), Map.of("time", spoken)),
                Map.of("today", context.today().toString())));
    }

    private static FunctionResult invalidDate(CallContext context, String detail) {
        return FunctionResult.notOk("invalid_date", Messages.render(MessageKey.INVALID_DATE, context.language()),
                Map.of("detail", detail, "today", context.today().toString()));
    }

    private static FunctionResult invalidTime(CallContext context, String detail) {
        return FunctionResult.notOk("invalid_time", Messages.render(MessageKey.INVALID_TIME, context.language()),
                Map.of("detail", detail));
    }
}
