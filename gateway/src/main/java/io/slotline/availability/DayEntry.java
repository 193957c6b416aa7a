package io.slotline.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What Cal.com said about one local day, and when: the age decides fresh, stale or expired. */
record DayEntry(List<FreeSlot> slots, Instant fetchedAt) {

    DayEntry {
        slots = List.copyOf(slots);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    Duration age(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    boolean youngerThan(Duration maxAge, Instant now) {
        return age(now).compareTo(maxAge) < 0;
    }
}
