package io.slotline.console;

/** A filter or form value the console cannot use (400). */
class ConsoleBadRequestException extends RuntimeException {

    private final String field;

    ConsoleBadRequestException(String field) {
        super("invalid " + field, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
