package io.slotline.edge;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON (or YAML) document, said for the person or agent who sent it: the field by its path
 * ({@code policies.cancellationFees[0].feeCents}) and what it must be. Never Jackson's own message, which names
 * Java types, tokens and constructor indexes, and never the value sent (it could be a secret).
 */
public final class JsonProblems {

    /** @param field the path of the field at fault, null when the document as a whole is */
    public record Problem(@Nullable String field, String message) {}

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");
    private static final Map<Class<?>, String> KINDS = Map.ofEntries(
            Map.entry(String.class, "text"),
            Map.entry(Integer.class, "a whole number"),
            Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"),
            Map.entry(long.class, "a whole number"),
            Map.entry(Short.class, "a whole number"),
            Map.entry(short.class, "a whole number"),
            Map.entry(Double.class, "a number"),
            Map.entry(double.class, "a number"),
            Map.entry(Float.class, "a number"),
            Map.entry(float.class, "a number"),
            Map.entry(Boolean.class, "true or false"),
            Map.entry(boolean.class, "true or false"));

    private JsonProblems() {}

    public static Problem of(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem(path, "unknown property '" + path + "'");
        }
        if (e instanceof MismatchedInputException mismatch) {
            Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
            if (missing.find()) {
                String field = path == null ? missing.group(1) : path + "." + missing.group(1);
                return new Problem(field, field + " is required");
            }
            if (path != null) {
                return new Problem(path, path + " must be " + kind(mismatch.getTargetType()));
            }
            return new Problem(null, "the document must be a JSON object with the documented fields");
        }
        if (e instanceof StreamReadException
                && e.getLocation() != null
                && e.getLocation().getLineNr() > 0) {
            String where = "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new Problem(
                    path,
                    path == null ? "not valid JSON (" + where + ")" : path + " is not valid JSON (" + where + ")");
        }
        return new Problem(path, path == null ? "the document could not be read" : path + " could not be read");
    }

    private static String kind(@Nullable Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        String known = KINDS.get(type);
        if (known != null) {
            return known;
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.getName().startsWith("java.time.")) {
            return "a date, time or duration in ISO 8601";
        }
        return "an object";
    }

    private static @Nullable String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
