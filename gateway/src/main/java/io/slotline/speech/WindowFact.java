package io.slotline.speech;

import java.time.LocalTime;
import java.util.Optional;

/** A time window as spoken, resolved once its bounds are read as clock times. */
sealed interface WindowFact {

    ParseResult<TimeWindow> resolve(String text);

    record Named(TimeWindow window) implements WindowFact {
        @Override
        public ParseResult<TimeWindow> resolve(String text) {
            return ParseResult.parsed(window);
        }
    }

    record From(SpokenTime start) implements WindowFact {
        @Override
        public ParseResult<TimeWindow> resolve(String text) {
            return start.resolve(null)
                    .<ParseResult<TimeWindow>>map(time -> ParseResult.parsed(TimeWindow.from(time)))
                    .orElseGet(() -> ParseResult.invalid(ParseFailure.IMPOSSIBLE_TIME, text));
        }
    }

    record Until(SpokenTime end) implements WindowFact {
        @Override
        public ParseResult<TimeWindow> resolve(String text) {
            Optional<LocalTime> time = end.resolve(null);
            if (time.isEmpty()) {
                return ParseResult.invalid(ParseFailure.IMPOSSIBLE_TIME, text);
            }
            if (time.get().equals(LocalTime.MIDNIGHT)) {
                return ParseResult.invalid(ParseFailure.CONFLICTING, text);
            }
            return ParseResult.parsed(TimeWindow.until(time.get()));
        }
    }

    record Between(SpokenTime start, SpokenTime end) implements WindowFact {
        @Override
        public ParseResult<TimeWindow> resolve(String text) {
            Optional<LocalTime> endTime = end.resolve(null);
            Optional<LocalTime> startTime = start.resolve(null);
            if (endTime.isEmpty() || startTime.isEmpty()) {
                return ParseResult.invalid(ParseFailure.IMPOSSIBLE_TIME, text);
            }
            LocalTime upper = endTime.get();
            LocalTime lower = startTime.get();
            if (start.isAmbiguous() && end.meridiem() != SpokenTime.Meridiem.NONE) {
                // "between 2 and 4 pm": the am/pm said once belongs to both bounds, if that keeps them in order
                LocalTime shared =
                        start.withMeridiem(end.meridiem()).resolve(null).orElse(lower);
                if (shared.isBefore(upper)) {
                    lower = shared;
                }
            }
            if (!lower.isBefore(upper) && start.isAmbiguous() && start.hour() < 12) {
                // "zwischen 7 und 9": the habitual afternoon reading of 7 would end before it starts
                LocalTime morning = LocalTime.of(start.hour() % 12, start.minute());
                if (morning.isBefore(upper)) {
                    lower = morning;
                }
            }
            if (!lower.isBefore(upper)) {
                return ParseResult.invalid(ParseFailure.CONFLICTING, text);
            }
            return ParseResult.parsed(TimeWindow.between(lower, upper));
        }
    }
}
