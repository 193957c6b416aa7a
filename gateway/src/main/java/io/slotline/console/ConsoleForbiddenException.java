package io.slotline.console;

/** An operator-only page or action asked for by a company account (403). */
class ConsoleForbiddenException extends RuntimeException {

    ConsoleForbiddenException() {
        super("operators only", null, false, false);
    }
}
