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

    /**
     * @param detail what exactly was wrong, for the answer (see {@link ParseFailure}); empty when nothing more is
     *     known
     */
    record Invalid<T>(ParseFailure reason, String text, String detail) implements ParseResult<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(detail, "detail");
        }

        public Invalid(ParseFailure reason, String text) {
            this(reason, text, "");
        }

        /** The same failure as another type's result. */
        public <R> Invalid<R> as() {
            return new Invalid<>(reason, text, detail);
        }
    }

    static <T> ParseResult<T> parsed(T value) {
        return new Parsed<>(value);
    }

    static <T> ParseResult<T> invalid(ParseFailure reason, String text) {
        return new Invalid<>(reason, text);
    }

    static <T> ParseResult<T> invalid(ParseFailure reason, String text, String detail) {
        return new Invalid<>(reason, text, detail);
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
        return ((Invalid<T>) this).as();
    }
}
