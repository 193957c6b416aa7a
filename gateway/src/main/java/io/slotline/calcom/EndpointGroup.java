package io.slotline.calcom;

/** Cal.com endpoint groups: each has its own cal-api-version and read timeout. */
enum EndpointGroup {
    SLOTS("slots", "2024-09-04", 2_500),
    // sized for a live call: booking is the one request worth waiting for
    BOOKINGS("bookings", "2024-08-13", 8_000),
    EVENT_TYPES("event-types", "2024-06-14", 5_000);

    private final String key;
    private final String defaultApiVersion;
    private final long defaultReadTimeoutMillis;

    EndpointGroup(String key, String defaultApiVersion, long defaultReadTimeoutMillis) {
        this.key = key;
        this.defaultApiVersion = defaultApiVersion;
        this.defaultReadTimeoutMillis = defaultReadTimeoutMillis;
    }

    String key() {
        return key;
    }

    String defaultApiVersion() {
        return defaultApiVersion;
    }

    long defaultReadTimeoutMillis() {
        return defaultReadTimeoutMillis;
    }
}
