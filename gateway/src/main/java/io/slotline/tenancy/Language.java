package io.slotline.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The language the agent speaks for a company; stored as its ISO 639-1 code. */
public enum Language {
    DE,
    EN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

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

    @JsonCreator
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return language;
            }
        }
        throw new IllegalArgumentException("unsupported language '" + code + "' (supported: de, en)");
    }
}
