package io.slotline.speech;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Language of the conversation; decides the wording of answers and a few ambiguous parsing cases. */
public enum Language {
    DE, EN;

    /**
     * Maps a language tag such as {@code de}, {@code de-DE}, {@code en_GB} to a language, or the fallback when
     * the tag is missing or names a language Slotline does not speak.
     */
    public static Language fromTag(@Nullable String tag, Language fallback) {
        if (tag == null || tag.isBlank()) {
            return fallback;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "de" -> DE;
            case "en" -> EN;
            default -> fallback;
        };
    }
}
