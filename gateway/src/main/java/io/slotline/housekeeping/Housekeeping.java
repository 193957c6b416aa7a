package io.slotline.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes expired records on a schedule ({@link HousekeepingScheduling}). Several instances may run it at the same
 * time: each DELETE is idempotent, so the work is only repeated, never wrong.
 */
@Component
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final String DELETED = "slotline.housekeeping.deleted";

    private final List<ExpiringRecords> tables;
    private final HousekeepingProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;

    Housekeeping(List<ExpiringRecords> tables, HousekeepingProperties properties, MeterRegistry registry, Clock clock) {
        this.tables = tables;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    /** One pass over every table; returns the rows deleted per table. A table that fails is skipped until next time. */
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (ExpiringRecords table : tables) {
            try {
                int rows = table.deleteOlderThan(now.minus(properties.retentionOf(table.retention())));
                deleted.put(table.table(), rows);
                registry.counter(DELETED, "table", table.table()).increment(rows);
            } catch (DataAccessException e) {
                log.warn("Housekeeping of {} failed, trying again next time: {}", table.table(), e.getMessage());
            }
        }
        if (deleted.values().stream().anyMatch(rows -> rows > 0)) {
            log.info("Housekeeping deleted expired rows: {}", deleted);
        }
        return deleted;
    }
}
