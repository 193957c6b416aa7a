package io.slotline.console;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A refused account change; the admin API turns the kind into 400, 404 or 409. */
public class ConsoleAccountException extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;
    private final @Nullable String field;

    public ConsoleAccountException(Kind kind, @Nullable String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    /** {@return the refusal, never null} */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable String field() {
        return field;
    }
}
