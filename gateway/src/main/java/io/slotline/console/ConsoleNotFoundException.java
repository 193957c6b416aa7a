package io.slotline.console;

/** Unknown, or of a company the signed-in account does not see: both look the same (404). */
class ConsoleNotFoundException extends RuntimeException {

    ConsoleNotFoundException() {
        super("not found", null, false, false);
    }
}
