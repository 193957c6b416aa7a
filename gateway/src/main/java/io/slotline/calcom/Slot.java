package io.slotline.calcom;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A bookable slot as Cal.com reported it, with the offset of the requested time zone. */
public record Slot(OffsetDateTime start, OffsetDateTime end) {

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("slot ends before it starts: " + start + " / " + end);
        }
    }

    public Instant startInstant() {
        return start.toInstant();
    }

    public Instant endInstant() {
        return end.toInstant();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
