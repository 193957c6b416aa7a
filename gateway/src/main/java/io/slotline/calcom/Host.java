package io.slotline.calcom;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A Cal.com user hosting a booking or an event type ({@code id} is the Cal.com user id). */
public record Host(
        long id,
        @Nullable String name,
        @Nullable String email,
        @Nullable String username,
        @Nullable ZoneId timeZone) {}
