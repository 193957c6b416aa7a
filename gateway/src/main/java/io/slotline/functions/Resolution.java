package io.slotline.functions;

import java.util.function.Function;

/**
 * Turning what the caller said into a value: either the value, or the answer to give instead (ask back which
 * service, say the date was not understood). Handlers return {@link Ask#answer()} as they get it.
 */
public sealed interface Resolution<T> permits Resolution.Found, Resolution.Ask {

    record Found<T>(T value) implements Resolution<T> {}

    record Ask<T>(FunctionResult answer) implements Resolution<T> {}

    static <T> Resolution<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Resolution<T> ask(FunctionResult answer) {
        return new Ask<>(answer);
    }

    /** The answer of the next step with the value, or the answer to give instead. */
    default FunctionResult then(Function<? super T, FunctionResult> next) {
        return this instanceof Found<T> found ? next.apply(found.value()) : ((Ask<T>) this).answer();
    }
}
