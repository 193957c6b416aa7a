package io.slotline.availability;

public enum InvalidationSource {
    OWN_BOOKING,
    WEBHOOK,
    TTL
}
