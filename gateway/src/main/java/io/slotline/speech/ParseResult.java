package io.slotline.speech;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Outcome of parsing or resolving something a caller said: either the value or a reason plus the original text,
 * so an answer can tell the caller what was not understood.
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Invalid {

    record Parsed<T>(T value) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(ParseFailure reason, String text) implements ParseResult<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
        }
    }

    static <T> ParseResult<T> parsed(T value) {
        return new Parsed<>(value);
    }

    static <T> ParseResult<T> invalid(ParseFailure reason, String text) {
        return new Invalid<>(reason, text);
    }

    default boolean isParsed() {
        return this instanceof Parsed;
    }

    default Optional<T> toOptional() {
        return this instanceof Parsed<T> parsed ? Optional.of(parsed.value()) : Optional.empty();
    }

    /** The value, or an {@link IllegalStateException} naming the failure; for callers that checked already. */
    default T orElseThrow() {
        if (this instanceof Parsed<T> parsed) {
            return parsed.value();
        }
        Invalid<T> invalid = (Invalid<T>) this;
        throw new IllegalStateException(invalid.reason() + ": " + invalid.text());
    }

    default <R> ParseResult<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Parsed<T> parsed) {
            return new Parsed<>(mapper.apply(parsed.value()));
        }
        Invalid<T> invalid = (Invalid<T>) this;
        return new Invalid<>(invalid.reason(), invalid.text());
    }
}
