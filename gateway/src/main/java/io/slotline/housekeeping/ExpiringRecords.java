package io.slotline.housekeeping;

import java.time.Instant;

/** A table whose rows are only needed for a while; its repository says how to delete the old ones. */
public interface ExpiringRecords {

    /** Which retention setting applies. */
    Retention retention();

    /** The table, for logs and metrics. */
    String table();

    /** Deletes the rows that stopped mattering before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);

    enum Retention {
        IDEMPOTENCY,
        WEBHOOK_EVENTS,
        SLOT_HOLDS
    }
}
