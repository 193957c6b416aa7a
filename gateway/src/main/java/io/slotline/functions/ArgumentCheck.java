package io.slotline.functions;

import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Language;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Arguments of the wrong shape (a word where a number belongs, an object for a date): answered with an
 * {@code ok:false} that tells the agent what to correct, never with an HTTP error, since Retell would only retry
 * the same request and the LLM would learn nothing. Missing arguments are not refused here at all: the handlers
 * ask the caller for them ("Welche Leistung möchten Sie buchen?"), or take them from the call (the service talked
 * about, the caller's number).
 */
final class ArgumentCheck {

    /** A problem with the arguments, turned into an answer once the call's language is known. */
    record Problem(Reason reason, List<String> fields, String expected) {

        FunctionResult answer(Language language) {
            String field = fields.isEmpty() ? "args" : fields.get(0);
            return FunctionResult.notOk(
                    reason,
                    Messages.render(
                            MessageKey.ARGUMENT_FORMAT,
                            language,
                            Map.of("field", field, "expected", spoken(expected, language))),
                    Map.of("field", field, "expected", expected));
        }
    }

    private ArgumentCheck() {}

    /** A text longer than anything a caller says in one go: never spoken back, stored or sent on. */
    static Problem tooLong(String field, int maxLength) {
        return new Problem(Reason.INVALID_ARGUMENT, List.of(field), "text_max_" + maxLength);
    }

    static Problem notAnObject() {
        return new Problem(Reason.INVALID_ARGUMENT, List.of(), "object");
    }

    /** Which argument Jackson could not bind, and what it wanted there. */
    static Problem unreadable(JacksonException e) {
        String field = null;
        if (e instanceof DatabindException databind) {
            for (JacksonException.Reference reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    field = reference.getPropertyName();
                }
            }
        }
        String expected = "text";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            expected = expectedOf(mismatch.getTargetType());
        }
        return new Problem(Reason.INVALID_ARGUMENT, field == null ? List.of() : List.of(field), expected);
    }

    private static String expectedOf(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "list";
        }
        return String.class == type || type.isEnum() ? "text" : "object";
    }

    private static String spoken(String expected, Language language) {
        boolean de = language == Language.DE;
        if (expected.startsWith("text_max_")) {
            String max = expected.substring("text_max_".length());
            return de
                    ? "ein kürzerer Text (höchstens " + max + " Zeichen)"
                    : "a shorter text (at most " + max + " characters)";
        }
        return switch (expected) {
            case "integer" -> de ? "eine ganze Zahl (z. B. 3)" : "a whole number (e.g. 3)";
            case "number" -> de ? "eine Zahl" : "a number";
            case "boolean" -> de ? "true oder false" : "true or false";
            case "list" -> de ? "eine Liste" : "a list";
            case "text" -> de ? "ein Text (z. B. \"morgen\", \"14:30\")" : "text (e.g. \"tomorrow\", \"14:30\")";
            default -> de ? "ein JSON-Objekt" : "a JSON object";
        };
    }
}
