package io.slotline.calcom;

import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booking's attendee. For a new booking Cal.com needs {@code timeZone} and at least one of {@code email}
 * and {@code phoneNumber} (international format, e.g. +4930123456); {@code language} is Cal.com's locale
 * code (e.g. "de"), default "en".
 */
public record Attendee(
        String name,
        @Nullable String email,
        @Nullable String phoneNumber,
        @Nullable ZoneId timeZone,
        @Nullable String language) {

    public Attendee {
        Objects.requireNonNull(name, "name");
    }
}
