package io.slotline.bench.load;

/** How one request ended, from the caller's point of view. */
public enum Outcome {
    /** 2xx and, for functions, {@code "ok":true}. */
    OK,
    /** 2xx with {@code "ok":false}: a business answer such as "slot taken", not a failure. */
    NOT_OK,
    /** Non-2xx status. */
    HTTP_ERROR,
    /** No answer within the request timeout. */
    TIMEOUT,
    /** Connection refused, reset, or any other transport failure. */
    IO_ERROR
}
