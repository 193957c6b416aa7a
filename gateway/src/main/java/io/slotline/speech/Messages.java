package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Renders an answer from the catalogue. Substitution is one pass: a value is inserted as is, never read as a
 * template itself, so a caller's name containing "{time}" stays literal. Every placeholder must get a value and
 * every value a placeholder (a mismatch is a programming error: {@link IllegalArgumentException}). The first
 * letter of the answer is capitalised, so a value may start the sentence ("Heute um 14 Uhr ist frei.").
 */
public final class Messages {

    private Messages() {}

    public static String render(MessageKey key, Language language, Map<String, ?> values) {
        if (!key.placeholders().equals(values.keySet())) {
            throw new IllegalArgumentException(key + " needs values for " + new TreeSet<>(key.placeholders())
                    + " but got " + new TreeSet<>(values.keySet()));
        }
        Matcher matcher = MessageKey.Placeholder.PATTERN.matcher(key.template(language));
        StringBuilder answer = new StringBuilder();
        while (matcher.find()) {
            String value = String.valueOf(Objects.requireNonNull(values.get(matcher.group(1)), matcher.group(1)));
            matcher.appendReplacement(answer, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(answer);
        if (!answer.isEmpty()) {
            answer.setCharAt(0, Character.toUpperCase(answer.charAt(0)));
        }
        return answer.toString();
    }

    /** For answers without placeholders. */
    public static String render(MessageKey key, Language language) {
        return render(key, language, Map.of());
    }
}
