package io.slotline.functions;

/** A request the agent sent wrong (unknown function, arguments of the wrong shape): HTTP 400, nothing recorded. */
public class FunctionRequestException extends RuntimeException {

    private final String code;

    public FunctionRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
