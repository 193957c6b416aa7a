package io.slotline.retell;

/** A Retell request we cannot act on (missing fields, malformed JSON): HTTP 400 with a JSON error. */
class RetellRequestException extends RuntimeException {

    private final String code;

    RetellRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
