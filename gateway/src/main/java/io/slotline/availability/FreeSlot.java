package io.slotline.availability;

import java.time.Instant;

public record FreeSlot(Instant start, Instant end) {}
